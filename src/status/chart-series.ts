// The time grid the charts share: the last 24 hours by the hour (the last
// bucket being the current hour) and the uptime window by UTC day, built from
// whatever a source measured, with buckets that lie wholly inside a
// maintenance window left out (as uptime leaves them out).
import { overlapMs } from '../config/maintenance.ts';
import { UPTIME_WINDOW_DAYS, utcDay } from './daily-uptime.ts';
import type { EndpointCharts, SeriesPair, TimeSeries } from './status-model.ts';

export const HOURS_IN_CHART = 24;
export const HOUR_SECONDS = 3600;
export const DAY_SECONDS = 86_400;

/** Start (ms) of the hour holding `ms`. */
export const hourStart = (ms: number) => Math.floor(ms / 3_600_000) * 3_600_000;
/** Start (ms) of the UTC day holding `ms`. */
export const dayStart = (ms: number) => Date.parse(`${utcDay(ms)}T00:00:00.000Z`);

/** Start (ms) of the first bucket of each grid at `nowMs`. */
export function hourlyStartMs(nowMs: number): number {
  return hourStart(nowMs) - (HOURS_IN_CHART - 1) * HOUR_SECONDS * 1000;
}

export function dailyStartMs(nowMs: number, days = UPTIME_WINDOW_DAYS): number {
  return dayStart(nowMs) - (days - 1) * DAY_SECONDS * 1000;
}

/** A series on a grid, each bucket's value from `valueAt(bucketStartMs)`. */
export function seriesOn(startMs: number, stepSeconds: number, count: number, valueAt: (bucketStartMs: number) => number | null): TimeSeries {
  const values = Array.from({ length: count }, (_, i) => {
    const v = valueAt(startMs + i * stepSeconds * 1000);
    return v === null || !Number.isFinite(v) ? null : v;
  });
  return { start: new Date(startMs).toISOString(), stepSeconds, values };
}

export function hourlySeries(nowMs: number, valueAt: (bucketStartMs: number) => number | null): TimeSeries {
  return seriesOn(hourlyStartMs(nowMs), HOUR_SECONDS, HOURS_IN_CHART, valueAt);
}

export function dailySeries(nowMs: number, valueAt: (bucketStartMs: number) => number | null, days = UPTIME_WINDOW_DAYS): TimeSeries {
  return seriesOn(dailyStartMs(nowMs, days), DAY_SECONDS, days, valueAt);
}

export function emptyCharts(nowMs: number, days = UPTIME_WINDOW_DAYS): EndpointCharts {
  const none = (): SeriesPair => ({ hourly: hourlySeries(nowMs, () => null), daily: dailySeries(nowMs, () => null, days) });
  return { responseMs: none(), lagBlocks: none() };
}

/** Buckets wholly inside the intervals become null. */
export function withoutCovered(series: TimeSeries, intervals: readonly (readonly [number, number])[]): TimeSeries {
  if (intervals.length === 0) return series;
  const start = Date.parse(series.start);
  const step = series.stepSeconds * 1000;
  return {
    ...series,
    values: series.values.map((v, i) => (overlapMs(intervals, start + i * step, start + (i + 1) * step) >= step ? null : v)),
  };
}

export function chartsWithoutCovered(charts: EndpointCharts, intervals: readonly (readonly [number, number])[]): EndpointCharts {
  const pair = (p: SeriesPair): SeriesPair => ({ hourly: withoutCovered(p.hourly, intervals), daily: withoutCovered(p.daily, intervals) });
  return { responseMs: pair(charts.responseMs), lagBlocks: pair(charts.lagBlocks) };
}
