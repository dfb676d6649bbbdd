// Reads, for the firing alarms, which probe regions see the problem and the
// worst value among them (alarm-regions.ts plans the queries and judges the
// answers): the alarm itself aggregates the regions away. Read back over the
// time each alarm has been firing (at most REGION_HISTORY_MS), the same
// metrics say when a region joined or left: GetMetricData bills per metric,
// not per datapoint, so the longer range costs nothing more.
import type { CloudWatchClient, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { RegionSighting } from '../../src/status/alarm-model.ts';
import { alarmRegions, regionPlan, regionSightings, type AlarmRegions } from './alarm-regions.ts';
import { getMetricData } from './metric-reader.ts';

/** Periods of history read back at least: enough to see the latest datapoint of each region. */
const PERIODS_BACK = 3;
/** How far back region changes are read (one-minute periods: 360 points a query). */
const REGION_HISTORY_MS = 6 * 3_600_000;

export interface RegionBreakdown {
  /** By alarm name: regions in breach now and the worst value. */
  readonly now: Map<string, AlarmRegions>;
  /** When each firing alarm's regions changed. */
  readonly sightings: RegionSighting[];
}

export async function readRegionBreakdown(
  cloudwatch: CloudWatchClient, firing: readonly MetricAlarm[], now: Date, signal: AbortSignal,
): Promise<RegionBreakdown> {
  const plan = regionPlan(firing);
  const out: RegionBreakdown = { now: new Map(), sightings: [] };
  if (plan.queries.length === 0) return out;
  const since = (alarm: MetricAlarm) => Math.max(now.getTime() - REGION_HISTORY_MS, alarm.StateUpdatedTimestamp?.getTime() ?? now.getTime());
  const earliest = Math.min(...firing.map(since)) - plan.maxPeriod * 1000;
  const start = new Date(Math.min(now.getTime() - PERIODS_BACK * plan.maxPeriod * 1000, earliest));
  const results = await getMetricData(cloudwatch, plan.queries, start, now, signal);
  for (const alarm of firing) {
    out.now.set(alarm.AlarmName!, alarmRegions(alarm, plan, results));
    out.sightings.push(...regionSightings(alarm, plan, results, since(alarm)));
  }
  return out;
}
