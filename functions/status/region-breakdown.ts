// Reads, for the firing alarms, which probe regions see the problem and the
// worst value among them (alarm-regions.ts plans the queries and judges the
// answers): the alarm itself aggregates the regions away.
import type { CloudWatchClient, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { alarmRegions, regionPlan, type AlarmRegions } from './alarm-regions.ts';
import { getMetricData } from './metric-reader.ts';

/** Periods of history read back: enough to see the latest datapoint of each region. */
const PERIODS_BACK = 3;

export async function readRegionBreakdown(
  cloudwatch: CloudWatchClient, firing: readonly MetricAlarm[], now: Date, signal: AbortSignal,
): Promise<Map<string, AlarmRegions>> {
  const plan = regionPlan(firing);
  const out = new Map<string, AlarmRegions>();
  if (plan.queries.length === 0) return out;
  const start = new Date(now.getTime() - PERIODS_BACK * plan.maxPeriod * 1000);
  const results = await getMetricData(cloudwatch, plan.queries, start, now, signal);
  for (const alarm of firing) out.set(alarm.AlarmName!, alarmRegions(alarm, plan, results));
  return out;
}
