// Reads a V8 .cpuprofile (node --cpu-prof) and sums sampled time by
// function (self time) and by "where": our code (src/…), undici, Node's own
// JavaScript (node:…), native/GC/idle. This is how the bench explains a
// missed CPU target with numbers instead of guesses.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileSummary {
  /** Sampled time in ms, idle excluded. */
  readonly busyMs: number;
  readonly byArea: ReadonlyArray<{ readonly area: string; readonly ms: number; readonly share: number }>;
  readonly topFunctions: ReadonlyArray<{ readonly name: string; readonly where: string; readonly ms: number; readonly share: number }>;
  /** Inclusive time of functions whose name matches, e.g. checkServerIdentity. */
  readonly inclusive: ReadonlyArray<{ readonly name: string; readonly ms: number; readonly share: number }>;
}

function areaOf(url: string, name: string): string {
  if (name === '(idle)' || name === '(program)' || name === '(garbage collector)') return name;
  if (url.includes('/node_modules/undici/')) return 'undici';
  if (url.includes('/src/')) return 'vantage src/';
  if (url.includes('/bench/') || url.includes('/test/support/')) return 'bench harness';
  if (url.startsWith('node:')) return 'node: internals (JS)';
  if (url === '') return 'native (no JS frame)';
  return 'other JS';
}

export function summarizeProfile(file: string, inclusiveNames: readonly string[] = [], top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));

  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  let busy = 0;
  const areas = new Map<string, number>();
  const functions = new Map<string, { where: string; ms: number }>();
  const inclusive = new Map<string, number>(inclusiveNames.map((n) => [n, 0]));
  for (const [id, ms] of self) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const area = areaOf(url, functionName);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    const key = `${functionName || '(anonymous)'}|${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`;
    const entry = functions.get(key) ?? { where: area, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    // Inclusive: credit this sample once to each named ancestor.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (inclusive.has(name) && !seen.has(name)) {
        seen.add(name);
        inclusive.set(name, inclusive.get(name)! + ms);
      }
    }
  }
  const share = (ms: number) => Math.round((ms / busy) * 1000) / 10;
  return {
    busyMs: Math.round(busy),
    byArea: [...areas].sort((a, b) => b[1] - a[1]).map(([area, ms]) => ({ area, ms: Math.round(ms), share: share(ms) })),
    topFunctions: [...functions].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)
      .map(([key, v]) => ({ name: key.split('|')[0]!, where: key.split('|')[1]!, ms: Math.round(v.ms), share: share(v.ms) })),
    inclusive: [...inclusive].map(([name, ms]) => ({ name, ms: Math.round(ms), share: share(ms) })),
  };
}
