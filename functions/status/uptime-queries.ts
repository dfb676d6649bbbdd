// Daily uptime from the region-less RegionsDown metric: one query per public
// endpoint (every probe region publishes its 0/1 into the same metric, so
// Average over a UTC day is the share of region-rounds that saw it down;
// uptime is one minus that). One metric per endpoint, not one per endpoint
// and region: at 2,000 endpoints × 10 regions that is the difference between
// 2,000 and 20,000 metrics requested a minute. Rounds withheld during a
// maintenance window (src/metrics/report-datums.ts) leave the window out.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { alarmDimensions } from '../../src/report/metric-layout.ts';
import { METRIC, METRIC_UNIT } from '../../src/report/metric-names.ts';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import { UPTIME_WINDOW_DAYS, utcDay } from '../../src/status/daily-uptime.ts';
import { endpointComponentId, type PageLayout } from '../../src/status/page-layout.ts';
import type { Series } from './metric-reader.ts';

const DAY_SECONDS = 86_400;

/** The series an uptime query reads stands for every probe region. */
export const ALL_REGIONS = 'all regions';

export interface UptimePlan {
  readonly queries: MetricDataQuery[];
  readonly start: Date;
  readonly end: Date;
  /** Query id → the endpoint it reads. */
  readonly subjects: ReadonlyMap<string, { network: string; endpoint: string }>;
}

/** Queries over the window's UTC days, ending with today (a partial day). */
export function uptimePlan(layout: PageLayout, groups: Readonly<Record<string, string>>, namespace: string, now: Date, days = UPTIME_WINDOW_DAYS): UptimePlan {
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, { network: string; endpoint: string }>();
  for (const network of layout.networks) {
    for (const endpoint of network.endpoints) {
      const group = groups[endpointComponentId(network.id, endpoint)];
      if (!group) continue;
      const id = `u${queries.length}`;
      subjects.set(id, { network: network.id, endpoint });
      queries.push({
        Id: id,
        MetricStat: {
          Metric: {
            Namespace: namespace,
            MetricName: METRIC.RegionsDown,
            Dimensions: alarmDimensions(group, network.id, endpoint).map((d) => ({ Name: d.name, Value: d.value })),
          },
          Period: DAY_SECONDS,
          Stat: 'Average',
          // The unit the publisher sends: a query naming another unit sees nothing.
          Unit: METRIC_UNIT.RegionsDown,
        },
        ReturnData: true,
      });
    }
  }
  const today = Date.parse(`${utcDay(now.getTime())}T00:00:00.000Z`);
  return { queries, subjects, start: new Date(today - (days - 1) * DAY_SECONDS * 1000), end: new Date(today + DAY_SECONDS * 1000) };
}

export function uptimeSeries(plan: UptimePlan, results: ReadonlyMap<string, Series>): UptimeSeries[] {
  return [...plan.subjects].map(([id, subject]) => ({
    ...subject,
    region: ALL_REGIONS,
    days: new Map((results.get(id)?.points ?? []).map((p) => [utcDay(p.at.getTime()), 1 - p.value] as const)),
  }));
}
