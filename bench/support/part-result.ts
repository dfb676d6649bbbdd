// What every bench part returns: rows for the printed table, the raw numbers
// for bench/results/latest.json, and the verdict on each target it owns.

export type Verdict = 'PASS' | 'FALLS SHORT' | 'SKIPPED';

export interface Row {
  readonly measure: string;
  readonly value: string;
  /** The target as a person reads it, e.g. "≤ 1.2× raw"; absent for context rows. */
  readonly target?: string;
  readonly verdict?: Verdict;
}

export interface PartResult {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly Row[];
  /** Numbers behind the rows (µs, ms, bytes), for latest.json. */
  readonly data: Readonly<Record<string, unknown>>;
  /** How it was measured, and why a target was missed or skipped. */
  readonly notes: readonly string[];
}

export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'FALLS SHORT');

export interface BenchSettings {
  /** Fewer samples for a smoke run (`npm run bench -- --quick`); same shape of results. */
  readonly quick: boolean;
}
