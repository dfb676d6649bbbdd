// Where a firing alarm sees its problem. Alarms aggregate the probe regions
// with metric math (regions down, MAX lag, MIN days to expiry), so the alarm
// itself says "37 blocks" but not "from eu-west-1". This reads the alarm's
// own per-region metrics back and keeps the regions in breach: "rpc-2 37
// blocks behind the network, seen from eu-west-1"; read back over the time the
// alarm has been firing, they also say when a region joined or left.
import type { MetricAlarm, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { DIMENSION, METRIC } from '../../src/metrics/names.ts';
import type { RegionSighting } from '../../src/status/alarm-model.ts';
import type { Series } from './metric-reader.ts';

export interface RegionPlan {
  readonly queries: MetricDataQuery[];
  /** Query id → alarm name and region. */
  readonly subjects: ReadonlyMap<string, { alarm: string; region: string; metricName: string }>;
  /** Longest period among the queries, seconds (the window is a few of them). */
  readonly maxPeriod: number;
}

export interface AlarmRegions {
  readonly regions: string[];
  /** The worst breaching region's value (lag: highest, days to expiry: lowest, down: count of regions). */
  readonly value: number | null;
}

export function regionPlan(alarms: readonly MetricAlarm[]): RegionPlan {
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, { alarm: string; region: string; metricName: string }>();
  let maxPeriod = 60;
  for (const alarm of alarms) {
    for (const query of alarm.Metrics ?? []) {
      const region = query.MetricStat?.Metric?.Dimensions?.find((d) => d.Name === DIMENSION.ProbeRegion)?.Value;
      if (!query.MetricStat || !region || !alarm.AlarmName) continue;
      const id = `r${queries.length}`;
      subjects.set(id, { alarm: alarm.AlarmName, region, metricName: query.MetricStat.Metric?.MetricName ?? '' });
      queries.push({ Id: id, MetricStat: query.MetricStat, ReturnData: true });
      maxPeriod = Math.max(maxPeriod, query.MetricStat.Period ?? 60);
    }
  }
  return { queries, subjects, maxPeriod };
}

export function alarmRegions(alarm: MetricAlarm, plan: RegionPlan, results: ReadonlyMap<string, Series>): AlarmRegions {
  const breaching: { region: string; value: number }[] = [];
  let metricName: string | undefined;
  for (const [id, subject] of plan.subjects) {
    if (subject.alarm !== alarm.AlarmName) continue;
    metricName = subject.metricName;
    const latest = results.get(id)?.points[0];
    if (!latest) continue;
    if (inBreach(alarm, metricName, latest.value)) breaching.push({ region: subject.region, value: latest.value });
  }
  const regions = breaching.map((b) => b.region).sort();
  if (breaching.length === 0) return { regions, value: null };
  if (metricName === METRIC.Up) return { regions, value: breaching.length };
  const values = breaching.map((b) => b.value);
  const lowIsBad = alarm.ComparisonOperator === 'LessThanThreshold' || alarm.ComparisonOperator === 'LessThanOrEqualToThreshold';
  return { regions, value: lowIsBad ? Math.min(...values) : Math.max(...values) };
}

/**
 * When the set of regions in breach changed, oldest first, from the alarm's
 * per-region datapoints: a region keeps its state until its next datapoint.
 * The last change before `sinceMs` (the set when the alarm started firing)
 * comes first.
 */
export function regionSightings(alarm: MetricAlarm, plan: RegionPlan, results: ReadonlyMap<string, Series>, sinceMs: number): RegionSighting[] {
  const byTime = new Map<number, { region: string; breach: boolean }[]>();
  for (const [id, subject] of plan.subjects) {
    if (subject.alarm !== alarm.AlarmName) continue;
    for (const p of results.get(id)?.points ?? []) {
      const at = p.at.getTime();
      byTime.set(at, [...(byTime.get(at) ?? []), { region: subject.region, breach: inBreach(alarm, subject.metricName, p.value) }]);
    }
  }
  const state = new Map<string, boolean>();
  const changes: RegionSighting[] = [];
  for (const at of [...byTime.keys()].sort((a, b) => a - b)) {
    for (const { region, breach } of byTime.get(at)!) state.set(region, breach);
    const regions = [...state].filter(([, breach]) => breach).map(([region]) => region).sort();
    const last = changes[changes.length - 1];
    if (!last || last.regions.join() !== regions.join()) changes.push({ alarm: alarm.AlarmName!, at: new Date(at).toISOString(), regions });
  }
  const before = changes.filter((c) => Date.parse(c.at) <= sinceMs);
  return [...before.slice(-1), ...changes.filter((c) => Date.parse(c.at) > sinceMs)];
}

/** Up is 0/1 per run (down = 0); other metrics breach as the alarm compares them. */
function inBreach(alarm: MetricAlarm, metricName: string | undefined, value: number): boolean {
  if (metricName === METRIC.Up) return value < 1;
  const threshold = alarm.Threshold;
  if (threshold === undefined) return false;
  switch (alarm.ComparisonOperator) {
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
    default:
      return false;
  }
}
