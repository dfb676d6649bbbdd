// "did you mean" for unknown keys: the closest key allowed at that place.
import { configJsonSchema } from './json-schema.ts';

let vocabulary: string[] | null = null;

function collectKeys(node: unknown, into: Set<string>): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectKeys(item, into);
    return;
  }
  const record = node as Record<string, unknown>;
  const properties = record['properties'];
  if (properties && typeof properties === 'object') {
    for (const key of Object.keys(properties)) into.add(key);
  }
  for (const value of Object.values(record)) collectKeys(value, into);
}

/**
 * The closest of `candidates` (the keys allowed where the unknown one was
 * written), else of every key the schema knows; never the unknown key itself.
 */
export function suggestKey(unknown: string, candidates?: readonly string[]): string | null {
  if (!vocabulary) {
    const keys = new Set<string>();
    collectKeys(configJsonSchema(), keys);
    vocabulary = [...keys];
  }
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const key of candidates ?? vocabulary) {
    if (key === unknown) continue;
    const d = key.toLowerCase() === unknown.toLowerCase() ? 0 : editDistance(key, unknown);
    if (d < bestDistance) {
      best = key;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(1, Math.floor(unknown.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}
