// Reads, for the firing endpoint alarms, which probe regions see the problem
// and the worst value among them (alarm-regions.ts plans the queries and
// judges the answers): the alarms themselves aggregate the regions away.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { alarmRegions, BREAKDOWN_PERIOD_SECONDS, regionPlan, type AlarmRegions, type FiringAlarm } from './alarm-regions.ts';
import { getMetricData } from './metric-reader.ts';

/** Periods of history read back: enough to see the latest datapoint of each region. */
const PERIODS_BACK = 3;

export async function readRegionBreakdown(
  cloudwatch: CloudWatchClient, firing: readonly FiringAlarm[], layout: PageLayout, namespace: string, now: Date, signal: AbortSignal,
): Promise<Map<string, AlarmRegions>> {
  const plan = regionPlan(firing, layout, namespace);
  const out = new Map<string, AlarmRegions>();
  if (plan.queries.length === 0) return out;
  const start = new Date(now.getTime() - PERIODS_BACK * BREAKDOWN_PERIOD_SECONDS * 1000);
  const results = await getMetricData(cloudwatch, plan.queries, start, now, signal);
  for (const alarm of firing) out.set(alarm.name, alarmRegions(alarm.name, plan, results));
  return out;
}
