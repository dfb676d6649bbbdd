// Sums a V8 CPU profile (the inspector's Profiler, or node --cpu-prof) by
// where the time went: Node core (TLS, sockets, streams: its JavaScript and
// the native work it calls), Vantage's src/, the garbage collector,
// everything else. This is how the bench explains a missed CPU target with
// numbers instead of guesses.
interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export const AREAS = ['Node core (TLS, sockets, streams)', 'Vantage src/', 'garbage collector', 'other'] as const;
export type Area = (typeof AREAS)[number];

export interface ProfileSummary {
  /** Sampled busy time in ms (idle excluded). */
  readonly busyMs: number;
  readonly byArea: Readonly<Record<Area, number>>;
  readonly topFunctions: ReadonlyArray<{ readonly name: string; readonly where: string; readonly ms: number }>;
}

function areaOf(url: string, name: string): Area | null {
  // Idle, and the profiler's own work (stopping it, sending the profile): not the client's.
  if (name === '(idle)' || url === 'node:inspector') return null;
  if (name === '(garbage collector)') return 'garbage collector';
  if (url.includes('/src/')) return 'Vantage src/';
  // Native frames without a script (the TLS write, socket close) belong to Node core.
  if (url.startsWith('node:') || (url === '' && !name.startsWith('('))) return 'Node core (TLS, sockets, streams)';
  return 'other';
}

export function summarizeProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = Object.fromEntries(AREAS.map((a) => [a, 0])) as Record<Area, number>;
  const functions = new Map<string, { name: string; where: string; ms: number }>();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const area = areaOf(url, functionName);
    if (area === null) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    busy += ms;
    byArea[area] += ms;
    const where = `${url.replace(/^.*\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}`;
    const key = `${functionName}|${where}`;
    const entry = functions.get(key) ?? { name: functionName || '(anonymous)', where, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  });
  return { busyMs: busy, byArea, topFunctions: [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, top) };
}
