// Daily uptime from the Up metric: one query per public endpoint and probe
// region (Average of 0/1 over a UTC day = the share of probe runs that were
// up), turned back into per-endpoint daily series.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { METRIC } from '../../src/metrics/names.ts';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import { UPTIME_WINDOW_DAYS, utcDay } from '../../src/status/daily-uptime.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { endpointMetricQuery } from './endpoint-metric-query.ts';
import type { Series } from './metric-reader.ts';

const DAY_SECONDS = 86_400;

export interface UptimePlan {
  readonly queries: MetricDataQuery[];
  readonly start: Date;
  readonly end: Date;
  /** Query id → the series it reads. */
  readonly subjects: ReadonlyMap<string, { network: string; endpoint: string; region: string }>;
}

/** Queries over the window's UTC days, ending with today (a partial day). */
export function uptimePlan(layout: PageLayout, regions: readonly string[], namespace: string, now: Date, days = UPTIME_WINDOW_DAYS): UptimePlan {
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, { network: string; endpoint: string; region: string }>();
  for (const network of layout.networks) {
    for (const endpoint of network.endpoints) {
      for (const region of regions) {
        const id = `u${queries.length}`;
        subjects.set(id, { network: network.id, endpoint, region });
        queries.push(endpointMetricQuery(id, { namespace, network: network.id, endpoint, region, metric: METRIC.Up, stat: 'Average', periodSeconds: DAY_SECONDS }));
      }
    }
  }
  const today = Date.parse(`${utcDay(now.getTime())}T00:00:00.000Z`);
  return { queries, subjects, start: new Date(today - (days - 1) * DAY_SECONDS * 1000), end: new Date(today + DAY_SECONDS * 1000) };
}

export function uptimeSeries(plan: UptimePlan, results: ReadonlyMap<string, Series>): UptimeSeries[] {
  return [...plan.subjects].map(([id, subject]) => ({
    ...subject,
    days: new Map((results.get(id)?.points ?? []).map((p) => [utcDay(p.at.getTime()), p.value] as const)),
  }));
}
