// Each chart in one sentence, from the values it draws: what a reader who
// cannot see the chart (or does not want to) needs from it.
import type { TimeSeries } from '../status-model.ts';

interface Scope {
  /** "24 h", "90 days". */
  readonly span: string;
  readonly bucket: 'hour' | 'day';
  /** "at 14:00 UTC", "on 2025-11-19". */
  readonly when: (index: number) => string;
}

function scopeOf(series: TimeSeries): Scope {
  const start = Date.parse(series.start);
  const at = (i: number) => new Date(start + i * series.stepSeconds * 1000).toISOString();
  if (series.stepSeconds < 86_400) {
    return { span: `${Math.round((series.values.length * series.stepSeconds) / 3600)} h`, bucket: 'hour', when: (i) => `at ${at(i).slice(11, 16)} UTC` };
  }
  return { span: `${Math.round((series.values.length * series.stepSeconds) / 86_400)} days`, bucket: 'day', when: (i) => `on ${at(i).slice(0, 10)}` };
}

/** " (5 of 24 hours measured)" when some buckets have no value. */
function coverage(series: TimeSeries, scope: Scope, measured: number): string {
  return measured < series.values.length ? ` (${measured} of ${series.values.length} ${scope.bucket}s measured)` : '';
}

const ms = (v: number) => (v < 10 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`);
const blocks = (v: number) => `${Math.round(v)} block${Math.round(v) === 1 ? '' : 's'}`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The largest value and its bucket (the first one when tied). */
function peak(series: TimeSeries): { index: number; value: number } | null {
  let best: { index: number; value: number } | null = null;
  for (let index = 0; index < series.values.length; index++) {
    const v = series.values[index]!;
    if (v !== null && (best === null || v > best.value)) best = { index, value: v };
  }
  return best;
}

/** "Median response 42 ms over 24 h; slowest hour 180 ms at 14:00 UTC." */
export function responseSummary(series: TimeSeries): string {
  const scope = scopeOf(series);
  const measured = series.values.filter((v): v is number => v !== null);
  const worst = peak(series);
  if (!worst) return `No response-time data over ${scope.span}.`;
  return `Median response ${ms(median(measured))} over ${scope.span}${coverage(series, scope, measured.length)}; slowest ${scope.bucket} ${ms(worst.value)} ${scope.when(worst.index)}.`;
}

/** "Up to 12 blocks behind over 24 h, most at 14:00 UTC; over the limit of 3 blocks in 2 hours." */
export function lagSummary(series: TimeSeries, limit: number): string {
  const scope = scopeOf(series);
  const measured = series.values.filter((v): v is number => v !== null);
  const worst = peak(series);
  if (!worst) return `No block-lag data over ${scope.span}.`;
  const covered = coverage(series, scope, measured.length);
  if (Math.round(worst.value) === 0) return `No lag over ${scope.span} (${covered ? `${covered.slice(2, -1)}; ` : ''}limit ${blocks(limit)}).`;
  const over = measured.filter((v) => v > limit).length;
  const verdict = over ? `over the limit of ${blocks(limit)} in ${over} ${scope.bucket}${over === 1 ? '' : 's'}` : `within the limit of ${blocks(limit)}`;
  return `Up to ${blocks(worst.value)} behind over ${scope.span}${covered}, most ${scope.when(worst.index)}; ${verdict}.`;
}
