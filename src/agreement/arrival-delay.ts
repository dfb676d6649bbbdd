// Block arrival latency across one network's endpoints in one region
// (DESIGN.md, "Block arrival latency"; docs/arrival.md). Pure: the heights
// each endpoint showed during the window and when, in; per-endpoint figures
// and late_blocks, out.
//
// A height h is seen by an endpoint when an answer carrying a height ≥ h
// arrives. t0(h) is the earliest sight of h by any endpoint; heights at or
// below the baseline (the head when the window opened) do not count. Only
// heights first seen at least maxDelayMs before the window closed are judged:
// every endpoint had maxDelayMs to show them, so one it never showed is a
// delay of more than maxDelayMs for certain (counted as close − t0, the
// least it could be), and every endpoint is judged on the same heights.
import { reason, type Reason } from '../report/reasons.ts';
import type { ArrivalReport } from '../report/report.ts';

export interface Sighting {
  readonly height: number;
  /** Monotonic ms (performance.now()) of the answer's first byte. */
  readonly atMs: number;
}

export interface WatchRecord {
  readonly id: string;
  /** Every answer carrying a height during the window, in the order they came. */
  readonly sightings: readonly Sighting[];
  readonly resolutionMs: number;
  /** Why the watch could not start or went blind (node text already cleaned); null when it ran. */
  readonly failure: string | null;
}

export interface ArrivalSettings {
  readonly maxDelayMs: number;
  readonly windowSeconds: number;
  /** Heights more than this above the baseline are implausible for the window (a lying or wrong endpoint) and ignored. */
  readonly plausibleNewHeights: number;
}

export interface ArrivalWindow {
  /** Highest height any endpoint showed before the window opened; null when none answered. */
  readonly baseline: number | null;
  /** Monotonic ms when the window closed (its end, or the run's deadline). */
  readonly closedAtMs: number;
}

export interface EndpointArrival {
  readonly arrival: ArrivalReport;
  readonly reasons: readonly Reason[];
}

interface Sample {
  readonly ms: number;
  /** Never shown: ms is the least the delay could be. */
  readonly missed: boolean;
}

export function judgeArrival(records: readonly WatchRecord[], window: ArrivalWindow, settings: ArrivalSettings): Map<string, EndpointArrival> {
  const firstSights = new Map(records.map((r) => [r.id, firstSightOf(r.sightings, window.baseline, settings.plausibleNewHeights)]));
  const t0 = earliestSights(firstSights.values());
  const lastJudged = window.closedAtMs - settings.maxDelayMs;
  const judged = [...t0.entries()].filter(([, at]) => at < lastJudged).sort(([a], [b]) => a - b);

  const out = new Map<string, EndpointArrival>();
  for (const record of records) {
    const seen = firstSights.get(record.id)!;
    const samples: Sample[] = judged.map(([height, first]) => {
      const at = seen.get(height);
      return at === undefined ? { ms: window.closedAtMs - first, missed: true } : { ms: at - first, missed: false };
    });
    out.set(record.id, judgeEndpoint(record, samples, settings));
  }
  return out;
}

/** When this endpoint first showed each new height (running maximum of its answers). */
function firstSightOf(sightings: readonly Sighting[], baseline: number | null, plausible: number): Map<number, number> {
  const first = new Map<number, number>();
  if (baseline === null) return first;
  let highest = baseline;
  for (const { height, atMs } of sightings) {
    if (height > baseline + plausible || height <= highest) continue;
    for (let h = highest + 1; h <= height; h++) first.set(h, atMs);
    highest = height;
  }
  return first;
}

function earliestSights(perEndpoint: Iterable<ReadonlyMap<number, number>>): Map<number, number> {
  const t0 = new Map<number, number>();
  for (const sights of perEndpoint) {
    for (const [height, at] of sights) {
      const known = t0.get(height);
      if (known === undefined || at < known) t0.set(height, at);
    }
  }
  return t0;
}

function judgeEndpoint(record: WatchRecord, samples: readonly Sample[], settings: ArrivalSettings): EndpointArrival {
  const missed = samples.filter((s) => s.missed).length;
  const sorted = [...samples].sort((a, b) => a.ms - b.ms);
  // Nearest rank: the median is a delay one of the blocks really had (or, for a missed one, the least it had).
  const median = sorted.length > 0 ? sorted[Math.ceil(sorted.length / 2) - 1]! : null;
  const arrival: ArrivalReport = {
    blocks: samples.length,
    p50Ms: median ? Math.round(median.ms) : null,
    maxMs: sorted.length > 0 ? Math.round(sorted.at(-1)!.ms) : null,
    missed,
    resolutionMs: record.resolutionMs,
  };
  if (!median || median.ms <= settings.maxDelayMs) return { arrival, reasons: [] };
  return { arrival, reasons: [reason('late_blocks', lateMessage(record, arrival, median.missed, settings))] };
}

function lateMessage(record: WatchRecord, arrival: ArrivalReport, medianMissed: boolean, settings: ArrivalSettings): string {
  const p50 = formatDelay(arrival.p50Ms!);
  const window = `${settings.windowSeconds} s window`;
  if (!medianMissed) {
    const missed = arrival.missed > 0 ? `, ${arrival.missed} not shown before the ${window} closed` : '';
    return `blocks arrive ${p50} after the fastest endpoint (p50 of ${arrival.blocks} blocks${missed}; max ${settings.maxDelayMs} ms)`;
  }
  const failure = record.failure ? `; the watch ${record.failure}` : '';
  return `blocks arrive more than ${p50} after the fastest endpoint: ${arrival.missed} of ${arrival.blocks} blocks not shown before the ${window} closed (max ${settings.maxDelayMs} ms)${failure}`;
}

/** "340 ms", "2.1 s": as a person reads a delay. */
export function formatDelay(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
