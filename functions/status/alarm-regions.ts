// Where a firing endpoint alarm sees its problem. Alarms read region-less
// metrics (every region publishes into one; the alarm's statistic aggregates
// them), so the alarm says "37 blocks" or "2 regions" but not "from
// eu-west-1". This reads, for each firing endpoint alarm (a metric alarm, or
// a fleet alarm's contributor), the per-region metric its kind watches (Up for
// outages, HeightLag for lag) and keeps the regions in breach: "rpc-2 37
// blocks behind the network, seen from eu-west-1"; read back over the time the
// alarm has been firing, they also say when a region joined or left.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { AlarmSubject } from '../../src/alarms/alarm-names.ts';
import { endpointRegionDimensions } from '../../src/report/metric-layout.ts';
import { METRIC, METRIC_UNIT } from '../../src/report/metric-names.ts';
import type { RegionSighting } from '../../src/status/alarm-model.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import type { Series } from './metric-reader.ts';

/** One firing alarm (a metric alarm, or a fleet alarm's contributor) by the name the page knows it by. */
export interface FiringAlarm {
  readonly name: string;
  readonly subject: AlarmSubject;
  /** When it started firing (epoch ms). */
  readonly sinceMs: number;
}

interface RegionQuery {
  readonly alarm: string;
  readonly region: string;
  /** Whether a value of the per-region metric is in breach. */
  readonly breaches: (value: number) => boolean;
  /** The alarm's value is the number of regions in breach (outages), else the worst value. */
  readonly counts: boolean;
}

export interface RegionPlan {
  readonly queries: MetricDataQuery[];
  /** Query id → alarm name, region and how to judge the value. */
  readonly subjects: ReadonlyMap<string, RegionQuery>;
}

export interface AlarmRegions {
  readonly regions: string[];
  /** The worst breaching region's value (lag: highest; down: the count of regions), or null. */
  readonly value: number | null;
}

/** Per-region data is read at a minute's resolution (high-resolution rounds are aggregated into it). */
export const BREAKDOWN_PERIOD_SECONDS = 60;

export function regionPlan(firing: readonly FiringAlarm[], layout: PageLayout, namespace: string): RegionPlan {
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, RegionQuery>();
  for (const alarm of firing) {
    const { kind, network, endpoint } = alarm.subject;
    if (!network || !endpoint) continue;
    const maxLag = layout.networks.find((n) => n.id === network)?.maxLagBlocks ?? 0;
    const watch = kind === 'outage' || kind === 'regional'
      ? { metric: METRIC.Up, stat: 'Minimum', breaches: (v: number) => v < 1, counts: true }
      : kind === 'lagging' ? { metric: METRIC.HeightLag, stat: 'Maximum', breaches: (v: number) => v > maxLag, counts: false } : null;
    if (!watch) continue;
    for (const region of layout.regions) {
      const id = `r${queries.length}`;
      subjects.set(id, { alarm: alarm.name, region, breaches: watch.breaches, counts: watch.counts });
      queries.push({
        Id: id,
        MetricStat: {
          Metric: { Namespace: namespace, MetricName: watch.metric, Dimensions: endpointRegionDimensions(network, endpoint, region).map((d) => ({ Name: d.name, Value: d.value })) },
          Period: BREAKDOWN_PERIOD_SECONDS,
          Stat: watch.stat,
          Unit: METRIC_UNIT[watch.metric],
        },
        ReturnData: true,
      });
    }
  }
  return { queries, subjects };
}

export function alarmRegions(alarm: string, plan: RegionPlan, results: ReadonlyMap<string, Series>): AlarmRegions {
  const breaching: { region: string; value: number }[] = [];
  let counts = false;
  for (const [id, q] of plan.subjects) {
    if (q.alarm !== alarm) continue;
    counts = q.counts;
    const latest = results.get(id)?.points[0];
    if (latest && q.breaches(latest.value)) breaching.push({ region: q.region, value: latest.value });
  }
  const regions = breaching.map((b) => b.region).sort();
  if (breaching.length === 0) return { regions, value: null };
  return { regions, value: counts ? breaching.length : Math.max(...breaching.map((b) => b.value)) };
}

/**
 * When the set of regions in breach changed, oldest first, from the per-region
 * datapoints: a region keeps its state until its next datapoint. The last
 * change before `sinceMs` (the set when the alarm started firing) comes first.
 */
export function regionSightings(alarm: string, plan: RegionPlan, results: ReadonlyMap<string, Series>, sinceMs: number): RegionSighting[] {
  const byTime = new Map<number, { region: string; breach: boolean }[]>();
  for (const [id, q] of plan.subjects) {
    if (q.alarm !== alarm) continue;
    for (const p of results.get(id)?.points ?? []) {
      const at = p.at.getTime();
      byTime.set(at, [...(byTime.get(at) ?? []), { region: q.region, breach: q.breaches(p.value) }]);
    }
  }
  const state = new Map<string, boolean>();
  const changes: RegionSighting[] = [];
  for (const at of [...byTime.keys()].sort((a, b) => a - b)) {
    for (const { region, breach } of byTime.get(at)!) state.set(region, breach);
    const regions = [...state].filter(([, breach]) => breach).map(([region]) => region).sort();
    const last = changes[changes.length - 1];
    if (!last || last.regions.join() !== regions.join()) changes.push({ alarm, at: new Date(at).toISOString(), regions });
  }
  const before = changes.filter((c) => Date.parse(c.at) <= sinceMs);
  return [...before.slice(-1), ...changes.filter((c) => Date.parse(c.at) > sinceMs)];
}
