// Reads the page's daily uptime: the region-less RegionsDown metric of every
// public endpoint, a UTC day at a time (uptime-queries.ts plans and parses
// the queries).
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { UptimeSeries } from '../../src/status/alarm-model.ts';
import type { StatusView } from '../../src/status/status-view.ts';
import { getMetricData } from './metric-reader.ts';
import { uptimePlan, uptimeSeries } from './uptime-queries.ts';

export async function readUptime(cloudwatch: CloudWatchClient, view: StatusView, now: Date, signal: AbortSignal): Promise<UptimeSeries[]> {
  const plan = uptimePlan(view.layout, view.alarmGroups, view.namespace, now);
  if (plan.queries.length === 0) return [];
  return uptimeSeries(plan, await getMetricData(cloudwatch, plan.queries, plan.start, plan.end, signal));
}
