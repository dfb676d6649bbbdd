// The charts' queries: TimeToFirstByte p50 and HeightLag Maximum of every
// public endpoint in every probe region, per hour over the last 24 hours or
// per UTC day over the uptime window, on the same grid the page draws
// (src/status/chart-series.ts), and their answers as per-region samples.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { METRIC } from '../../src/metrics/names.ts';
import { DAY_SECONDS, dailyStartMs, dayStart, HOUR_SECONDS, hourlyStartMs, hourStart } from '../../src/status/chart-series.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import type { ChartMetric, ChartStep, RegionSamples } from '../../src/status/region-charts.ts';
import { endpointMetricQuery } from './endpoint-metric-query.ts';
import type { Series } from './metric-reader.ts';

export interface ChartPlan {
  readonly step: ChartStep;
  readonly queries: MetricDataQuery[];
  readonly start: Date;
  readonly end: Date;
  readonly subjects: ReadonlyMap<string, { network: string; endpoint: string; region: string; metric: ChartMetric }>;
}

const SOURCES: readonly { metric: ChartMetric; name: typeof METRIC.TimeToFirstByte | typeof METRIC.HeightLag; stat: string }[] = [
  // The median of a region's probes: CloudWatch computes it from the raw values the probes publish.
  { metric: 'responseMs', name: METRIC.TimeToFirstByte, stat: 'p50' },
  { metric: 'lagBlocks', name: METRIC.HeightLag, stat: 'Maximum' },
];

export function chartPlan(layout: PageLayout, namespace: string, now: Date, step: ChartStep): ChartPlan {
  const hourly = step === 'hourly';
  const periodSeconds = hourly ? HOUR_SECONDS : DAY_SECONDS;
  const start = hourly ? hourlyStartMs(now.getTime()) : dailyStartMs(now.getTime());
  // Through the end of the current bucket: the partial hour (or day) is the last point.
  const end = (hourly ? hourStart(now.getTime()) : dayStart(now.getTime())) + periodSeconds * 1000;
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, { network: string; endpoint: string; region: string; metric: ChartMetric }>();
  for (const network of layout.networks) {
    for (const endpoint of network.endpoints) {
      for (const region of layout.regions) {
        for (const source of SOURCES) {
          const id = `${hourly ? 'h' : 'd'}${queries.length}`;
          subjects.set(id, { network: network.id, endpoint, region, metric: source.metric });
          queries.push(endpointMetricQuery(id, { namespace, network: network.id, endpoint, region, metric: source.name, stat: source.stat, periodSeconds }));
        }
      }
    }
  }
  return { step, queries, subjects, start: new Date(start), end: new Date(end) };
}

export function chartSamples(plan: ChartPlan, results: ReadonlyMap<string, Series>): RegionSamples[] {
  return [...plan.subjects].map(([id, subject]) => ({
    ...subject,
    step: plan.step,
    points: new Map((results.get(id)?.points ?? []).map((p) => [p.at.getTime(), p.value] as const)),
  }));
}
