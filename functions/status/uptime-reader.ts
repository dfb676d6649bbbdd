// Reads the page's daily uptime: the Up metric of every public endpoint in
// every probe region, a UTC day at a time (uptime-queries.ts plans and
// parses the queries).
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { getMetricData } from './metric-reader.ts';
import { uptimePlan, uptimeSeries } from './uptime-queries.ts';

export async function readUptime(cloudwatch: CloudWatchClient, layout: PageLayout, namespace: string, now: Date, signal: AbortSignal): Promise<UptimeSeries[]> {
  const plan = uptimePlan(layout, layout.regions, namespace, now);
  if (plan.queries.length === 0) return [];
  return uptimeSeries(plan, await getMetricData(cloudwatch, plan.queries, plan.start, plan.end, signal));
}
