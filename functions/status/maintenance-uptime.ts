// Uptime without maintenance, centrally. The daily Average of Up counts the
// probes' results inside a window too; for the days a window touched, Up is
// read again at the finest period the data's age still keeps (1 minute up to
// 15 days back, 5 minutes to 63 days, 1 hour beyond) and only the buckets
// wholly outside the endpoint's windows are averaged. Pure: planning and
// arithmetic; maintenance-uptime-reader.ts does the reading.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { finestPeriodSeconds } from '../../src/config/aws-limits.ts';
import { coveredIntervals, overlapMs } from '../../src/config/maintenance.ts';
import { METRIC } from '../../src/metrics/names.ts';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import { dailyStartMs, dayStart } from '../../src/status/chart-series.ts';
import { utcDay } from '../../src/status/daily-uptime.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { endpointMetricQuery } from './endpoint-metric-query.ts';
import type { Series } from './metric-reader.ts';

const DAY_MS = 86_400_000;

export interface CoveredEndpoint {
  readonly network: string;
  readonly endpoint: string;
  /** The endpoint's maintenance intervals [startMs, endMs), merged. */
  readonly intervals: readonly (readonly [number, number])[];
}

/** A UTC day some window touched, and the endpoints it covered that day. */
export interface TouchedDay {
  readonly day: string;
  readonly startMs: number;
  /** The day's end, or now for today. */
  readonly endMs: number;
  readonly periodSeconds: number;
  readonly endpoints: readonly CoveredEndpoint[];
}

export function touchedDays(layout: PageLayout, now: Date): TouchedDay[] {
  const nowMs = now.getTime();
  const first = dailyStartMs(nowMs);
  const days = new Map<string, CoveredEndpoint[]>();
  for (const network of layout.networks) {
    for (const endpoint of network.endpoints) {
      const intervals = coveredIntervals(layout.maintenance, network.id, endpoint);
      const seen = new Set<string>();
      for (const [start, end] of intervals) {
        if (start >= nowMs) continue;
        for (let d = dayStart(Math.max(start, first)); d < Math.min(end, nowMs); d += DAY_MS) seen.add(utcDay(d));
      }
      for (const day of seen) days.set(day, [...(days.get(day) ?? []), { network: network.id, endpoint, intervals }]);
    }
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([day, endpoints]) => {
    const startMs = Date.parse(`${day}T00:00:00.000Z`);
    return { day, startMs, endMs: Math.min(startMs + DAY_MS, nowMs), periodSeconds: finestPeriodSeconds(nowMs - startMs), endpoints };
  });
}

export interface DayPlan {
  readonly queries: MetricDataQuery[];
  readonly subjects: ReadonlyMap<string, { network: string; endpoint: string; region: string; intervals: CoveredEndpoint['intervals'] }>;
}

export function dayPlan(day: TouchedDay, regions: readonly string[], namespace: string): DayPlan {
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, { network: string; endpoint: string; region: string; intervals: CoveredEndpoint['intervals'] }>();
  for (const covered of day.endpoints) {
    for (const region of regions) {
      const id = `m${queries.length}`;
      subjects.set(id, { ...covered, region });
      queries.push(endpointMetricQuery(id, { namespace, network: covered.network, endpoint: covered.endpoint, region, metric: METRIC.Up, stat: 'Average', periodSeconds: day.periodSeconds }));
    }
  }
  return { queries, subjects };
}

/** Key of one endpoint in one region. */
export const seriesKey = (network: string, endpoint: string, region: string) => `${network}/${endpoint}@${region}`;

/** Per endpoint and region, the mean of the buckets wholly outside its windows; null when none is. */
export function ratiosOutside(day: TouchedDay, plan: DayPlan, results: ReadonlyMap<string, Series>): Map<string, number | null> {
  const step = day.periodSeconds * 1000;
  const out = new Map<string, number | null>();
  for (const [id, s] of plan.subjects) {
    const kept = (results.get(id)?.points ?? [])
      .filter((p) => overlapMs(s.intervals, p.at.getTime(), p.at.getTime() + step) === 0 && Number.isFinite(p.value))
      .map((p) => p.value);
    out.set(seriesKey(s.network, s.endpoint, s.region), kept.length ? kept.reduce((a, b) => a + b, 0) / kept.length : null);
  }
  return out;
}

/** The daily series with the touched days replaced by their values outside maintenance (removed when there is none). */
export function withoutMaintenance(series: readonly UptimeSeries[], corrected: ReadonlyMap<string, ReadonlyMap<string, number | null>>): UptimeSeries[] {
  return series.map((s) => {
    const key = seriesKey(s.network, s.endpoint, s.region);
    const days = new Map(s.days);
    for (const [day, values] of corrected) {
      if (!values.has(key)) continue;
      const value = values.get(key)!;
      if (value === null) days.delete(day);
      else days.set(day, value);
    }
    return { ...s, days };
  });
}
