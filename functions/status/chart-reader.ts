// Reads the charts' series for one grid (hourly over 24 hours, or daily over
// the uptime window): chart-queries.ts plans the queries and parses them.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { PageLayout } from '../../src/status/page-layout.ts';
import type { ChartStep, RegionSamples } from '../../src/status/region-charts.ts';
import { chartPlan, chartSamples } from './chart-queries.ts';
import { getMetricData } from './metric-reader.ts';

export async function readCharts(
  cloudwatch: CloudWatchClient, layout: PageLayout, namespace: string, now: Date, step: ChartStep, signal: AbortSignal,
): Promise<RegionSamples[]> {
  const plan = chartPlan(layout, namespace, now, step);
  if (plan.queries.length === 0) return [];
  return chartSamples(plan, await getMetricData(cloudwatch, plan.queries, plan.start, plan.end, signal));
}
