// Reads, for the firing endpoint alarms, which probe regions see the problem
// and the worst value among them (alarm-regions.ts plans the queries and
// judges the answers): the alarms aggregate the regions away. Read back over
// the time each alarm has been firing (at most REGION_HISTORY_MS), the same
// metrics say when a region joined or left: GetMetricData bills per metric,
// not per datapoint, so the longer range costs nothing more.
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { RegionSighting } from '../../src/status/alarm-model.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { alarmRegions, BREAKDOWN_PERIOD_SECONDS, regionPlan, regionSightings, type AlarmRegions, type FiringAlarm } from './alarm-regions.ts';
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
  cloudwatch: CloudWatchClient, firing: readonly FiringAlarm[], layout: PageLayout, namespace: string, now: Date, signal: AbortSignal,
): Promise<RegionBreakdown> {
  const plan = regionPlan(firing, layout, namespace);
  const out: RegionBreakdown = { now: new Map(), sightings: [] };
  if (plan.queries.length === 0) return out;
  const since = (alarm: FiringAlarm) => Math.max(now.getTime() - REGION_HISTORY_MS, alarm.sinceMs);
  const earliest = Math.min(...firing.map(since)) - BREAKDOWN_PERIOD_SECONDS * 1000;
  const start = new Date(Math.min(now.getTime() - PERIODS_BACK * BREAKDOWN_PERIOD_SECONDS * 1000, earliest));
  const results = await getMetricData(cloudwatch, plan.queries, start, now, signal);
  for (const alarm of firing) {
    out.now.set(alarm.name, alarmRegions(alarm.name, plan, results));
    out.sightings.push(...regionSightings(alarm.name, plan, results, since(alarm)));
  }
  return out;
}
