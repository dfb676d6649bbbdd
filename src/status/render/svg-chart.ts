// A line chart as inline SVG: no script, no external asset, no inline style
// (the page's Content-Security-Policy allows none); colours and fonts come
// from the page's stylesheet through classes. One value per time bucket, drawn
// at the bucket's middle; missing buckets break the line, and a lone value is
// a dot. The y axis starts at 0 and ends at a round number above the largest
// value (and the limit line, if any). role="img", named by its <title>; its
// <desc> says what the axes are, and the page puts the one-line summary of
// what the chart shows beside it, for everyone.
import type { TimeSeries } from '../status-model.ts';
import { escapeMarkup as h } from './escape.ts';

export interface ChartSpec {
  /** Unique on the page; letters, digits, "-" and "_" (element ids derive from it). */
  readonly id: string;
  readonly title: string;
  readonly series: TimeSeries;
  /** The unit of the values, written above the y axis ("ms", "blocks"). */
  readonly unit: string;
  /** A dashed horizontal line (e.g. the lag limit); null for none. */
  readonly limit?: number | null;
}

/** Drawing area in viewBox units: the SVG scales to its box, so text scales with it. */
export const CHART = { width: 320, height: 120, left: 40, right: 312, top: 14, bottom: 100 } as const;

/** The smallest of 1, 2, 2.5, 5 × 10^k at or above `value` (1 for 0 or less). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const base = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * base >= value * (1 - 1e-12)) return m * base;
  return 10 * base;
}

/** Coordinates with one decimal: plenty at this size, and short markup. */
const n = (v: number) => String(Math.round(v * 10) / 10);

/** "25", "2.5", "0.25": tick values without float noise. */
function tickLabel(v: number): string {
  return String(Number(v.toPrecision(6)));
}

export function chartSvg(spec: ChartSpec): string {
  const { values } = spec.series;
  const count = values.length;
  const plotWidth = CHART.right - CHART.left;
  const plotHeight = CHART.bottom - CHART.top;
  const measured = values.filter((v): v is number => v !== null);
  const top = niceCeiling(Math.max(0, ...measured, spec.limit ?? 0));
  const x = (i: number) => CHART.left + ((i + 0.5) * plotWidth) / Math.max(1, count);
  const y = (v: number) => CHART.bottom - (Math.max(0, v) / top) * plotHeight;

  const parts: string[] = [];
  for (const v of [0, top / 2, top]) {
    parts.push(`<line class="chart-grid" x1="${CHART.left}" y1="${n(y(v))}" x2="${CHART.right}" y2="${n(y(v))}"/>`);
    parts.push(`<text class="chart-label" x="${CHART.left - 4}" y="${n(y(v) + 3.5)}" text-anchor="end">${tickLabel(v)}</text>`);
  }
  parts.push(`<text class="chart-label" x="${CHART.left}" y="9" text-anchor="start">${h(spec.unit)}</text>`);
  parts.push(`<line class="chart-axis" x1="${CHART.left}" y1="${CHART.bottom}" x2="${CHART.right}" y2="${CHART.bottom}"/>`);
  for (const [i, label] of xLabels(spec.series)) {
    const at = x(i);
    const anchor = at > CHART.right - 22 ? 'end' : at < CHART.left + 20 ? 'start' : 'middle';
    parts.push(`<text class="chart-label" x="${n(at)}" y="${CHART.height - 4}" text-anchor="${anchor}">${label}</text>`);
  }
  if (spec.limit != null) {
    parts.push(`<line class="chart-limit" x1="${CHART.left}" y1="${n(y(spec.limit))}" x2="${CHART.right}" y2="${n(y(spec.limit))}"/>`);
  }
  for (const run of runs(values)) {
    if (run.length === 1) parts.push(`<circle class="chart-dot" cx="${n(x(run[0]!.i))}" cy="${n(y(run[0]!.v))}" r="2"/>`);
    else parts.push(`<polyline class="chart-line" points="${run.map((p) => `${n(x(p.i))},${n(y(p.v))}`).join(' ')}"/>`);
  }
  if (measured.length === 0) {
    parts.push(`<text class="chart-empty" x="${n((CHART.left + CHART.right) / 2)}" y="${n((CHART.top + CHART.bottom) / 2 + 4)}" text-anchor="middle">No data</text>`);
  }
  return `<svg class="chart" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-labelledby="${spec.id}-t">`
    + `<title id="${spec.id}-t">${h(spec.title)}</title><desc>${h(axesWords(spec, top))}</desc>${parts.join('')}</svg>`;
}

/** "One value per hour from 2025-11-19 11:00 to 2025-11-20 10:00 UTC; 0 to 50 ms; dashed line at 3 blocks." */
export function axesWords(spec: ChartSpec, top: number): string {
  const start = Date.parse(spec.series.start);
  const last = start + Math.max(0, spec.series.values.length - 1) * spec.series.stepSeconds * 1000;
  const hourly = spec.series.stepSeconds < 86_400;
  const at = (ms: number) => (hourly ? new Date(ms).toISOString().slice(0, 16).replace('T', ' ') : new Date(ms).toISOString().slice(0, 10));
  const limit = spec.limit != null ? `; dashed line at the limit, ${tickLabel(spec.limit)} ${spec.unit}` : '';
  return `One value per ${hourly ? 'hour' : 'day'} from ${at(start)} to ${at(last)} UTC; vertical axis 0 to ${tickLabel(top)} ${spec.unit}${limit}.`;
}

/** Runs of consecutive measured buckets. */
function runs(values: readonly (number | null)[]): { i: number; v: number }[][] {
  const out: { i: number; v: number }[][] = [];
  let current: { i: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) out.push(current);
      current = [];
    } else {
      current.push({ i, v });
    }
  });
  if (current.length) out.push(current);
  return out;
}

/** Hourly: every 6th hour of the day ("06:00"); daily: the last day and every 30th before it ("11-20"). */
function xLabels(series: TimeSeries): [number, string][] {
  const start = Date.parse(series.start);
  const step = series.stepSeconds * 1000;
  const at = (i: number) => new Date(start + i * step).toISOString();
  const out: [number, string][] = [];
  if (series.stepSeconds < 86_400) {
    series.values.forEach((_, i) => {
      const stamp = at(i);
      if (Number(stamp.slice(11, 13)) % 6 === 0 && stamp.slice(14, 16) === '00') out.push([i, stamp.slice(11, 16)]);
    });
  } else {
    for (let i = series.values.length - 1; i >= 0; i -= 30) out.unshift([i, at(i).slice(5, 10)]);
  }
  return out;
}
