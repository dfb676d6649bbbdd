// Where a firing endpoint alarm sees its problem. Alarms read region-less
// metrics (every region publishes into one; the alarm's statistic aggregates
// them), so the alarm says "37 blocks" or "2 regions" but not "from
// eu-west-1" — and a judgement alarm (Lagging, FinalityLagging, LateBlocks)
// says only "1". This reads, for each firing endpoint alarm (a metric alarm,
// or a fleet alarm's contributor), the per-region metric its kind watches (Up
// for outages, HeightLag for lag, FinalityLag for finality, ArrivalDelay for
// late blocks) and keeps the regions in breach and the worst figure: "rpc-2
// 37 blocks behind the network, seen from eu-west-1"; read back over the time
// the alarm has been firing, they also say when a region joined or left.
// Region-less facts (failing addresses, certificate days) have no region to
// find: a metric alarm's own datapoint is their figure, and for a fleet
// contributor (DescribeAlarmContributors carries no value) this reads its
// region-less alarm metric once.
import type { MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { AlarmSubject } from '../../src/alarms/alarm-names.ts';
import { alarmDimensions, endpointRegionDimensions, type Dimension } from '../../src/report/metric-layout.ts';
import { METRIC, METRIC_UNIT, type MetricName } from '../../src/report/metric-names.ts';
import type { RegionSighting } from '../../src/status/alarm-model.ts';
import type { PageLayout, PageNetwork } from '../../src/status/page-layout.ts';
import type { Series } from './metric-reader.ts';

/** One firing alarm (a metric alarm, or a fleet alarm's contributor) by the name the page knows it by. */
export interface FiringAlarm {
  readonly name: string;
  /** Its network and endpoint; a contributor's also has its fleet alarm's group (and warnDays). */
  readonly subject: AlarmSubject;
  /** When it started firing (epoch ms). */
  readonly sinceMs: number;
}

interface RegionQuery {
  readonly alarm: string;
  /** The probe region it reads; null for a region-less alarm metric (a figure, no region). */
  readonly region: string | null;
  /** Whether a value of the metric is in breach. */
  readonly breaches: (value: number) => boolean;
  /** The alarm's value is the number of regions in breach (outages), else the worst value. */
  readonly counts: boolean;
  /** Which value is worst: the highest (lag, delay, count) or the lowest (certificate days). */
  readonly worst: 'max' | 'min';
}

export interface RegionPlan {
  readonly queries: MetricDataQuery[];
  /** Query id → alarm name, region and how to judge the value. */
  readonly subjects: ReadonlyMap<string, RegionQuery>;
}

export interface AlarmRegions {
  readonly regions: string[];
  /** The worst breaching value (lag, finality lag, arrival delay: highest; down: the count of regions; days: lowest), or null. */
  readonly value: number | null;
}

/** Per-region data is read at a minute's resolution (high-resolution rounds are aggregated into it). */
export const BREAKDOWN_PERIOD_SECONDS = 60;

interface Watch {
  readonly metric: MetricName;
  readonly stat: 'Minimum' | 'Maximum';
  readonly breaches: (value: number) => boolean;
  readonly counts: boolean;
  /** Dimensions of the metric read: per region, or (region-less) once. */
  readonly dimensions: (region: string) => Dimension[];
  readonly perRegion: boolean;
}

/**
 * What to read for a firing endpoint alarm of `kind`: the per-region metric
 * behind it (Up, HeightLag, FinalityLag, ArrivalDelay), or, for a fleet
 * alarm's contributor (which carries no value), its region-less alarm metric
 * when that is a figure (failing addresses, certificate days); null: nothing.
 */
function watchOf(subject: AlarmSubject, network: PageNetwork | undefined): Watch | null {
  const { kind, endpoint } = subject;
  if (!subject.network || !endpoint || !network) return null;
  const regional = (metric: MetricName, stat: Watch['stat'], breaches: Watch['breaches'], counts = false): Watch => ({
    metric, stat, breaches, counts, perRegion: true, dimensions: (region) => endpointRegionDimensions(network.id, endpoint, region),
  });
  switch (kind) {
    case 'outage':
    case 'regional':
      return regional(METRIC.Up, 'Minimum', (v) => v < 1, true);
    case 'lagging':
      return regional(METRIC.HeightLag, 'Maximum', (v) => v > network.maxLagBlocks);
    case 'finality-lagging': {
      const max = network.maxFinalityLagSeconds;
      return max === null ? null : regional(METRIC.FinalityLag, 'Maximum', (v) => v > max);
    }
    case 'late-blocks': {
      const max = network.arrivalMaxDelayMs;
      return max === null ? null : regional(METRIC.ArrivalDelay, 'Maximum', (v) => v > max);
    }
    case 'addresses':
    case 'tls-expiry': {
      // A metric alarm's own datapoint already is the figure; a contributor's group says where its metric is.
      const group = subject.group;
      if (group === undefined) return null;
      const days = kind === 'tls-expiry' ? subject.warnDays : undefined;
      if (kind === 'tls-expiry' && days === undefined) return null;
      return {
        metric: kind === 'addresses' ? METRIC.AddressesUnhealthy : METRIC.TlsDaysToExpiry,
        stat: kind === 'addresses' ? 'Maximum' : 'Minimum',
        breaches: kind === 'addresses' ? (v) => v >= 1 : (v) => v < days!,
        counts: false,
        perRegion: false,
        dimensions: () => alarmDimensions(group, network.id, endpoint, days),
      };
    }
    default:
      return null;
  }
}

export function regionPlan(firing: readonly FiringAlarm[], layout: PageLayout, namespace: string): RegionPlan {
  const queries: MetricDataQuery[] = [];
  const subjects = new Map<string, RegionQuery>();
  for (const alarm of firing) {
    const watch = watchOf(alarm.subject, layout.networks.find((n) => n.id === alarm.subject.network));
    if (!watch) continue;
    for (const region of watch.perRegion ? layout.regions : [null]) {
      const id = `r${queries.length}`;
      subjects.set(id, { alarm: alarm.name, region, breaches: watch.breaches, counts: watch.counts, worst: watch.stat === 'Minimum' && !watch.counts ? 'min' : 'max' });
      queries.push({
        Id: id,
        MetricStat: {
          Metric: { Namespace: namespace, MetricName: watch.metric, Dimensions: watch.dimensions(region ?? '').map((d) => ({ Name: d.name, Value: d.value })) },
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
  const breaching: { region: string | null; value: number }[] = [];
  let counts = false;
  let worst: RegionQuery['worst'] = 'max';
  for (const [id, q] of plan.subjects) {
    if (q.alarm !== alarm) continue;
    ({ counts, worst } = q);
    const latest = results.get(id)?.points[0];
    if (latest && q.breaches(latest.value)) breaching.push({ region: q.region, value: latest.value });
  }
  const regions = breaching.flatMap((b) => (b.region === null ? [] : [b.region])).sort();
  if (breaching.length === 0) return { regions, value: null };
  const values = breaching.map((b) => b.value);
  return { regions, value: counts ? breaching.length : worst === 'min' ? Math.min(...values) : Math.max(...values) };
}

/**
 * When the set of regions in breach changed, oldest first, from the per-region
 * datapoints: a region keeps its state until its next datapoint. The last
 * change before `sinceMs` (the set when the alarm started firing) comes first.
 */
export function regionSightings(alarm: string, plan: RegionPlan, results: ReadonlyMap<string, Series>, sinceMs: number): RegionSighting[] {
  const byTime = new Map<number, { region: string; breach: boolean }[]>();
  for (const [id, q] of plan.subjects) {
    // A region-less figure has no regions to join or leave.
    if (q.alarm !== alarm || q.region === null) continue;
    const region = q.region;
    for (const p of results.get(id)?.points ?? []) {
      const at = p.at.getTime();
      byTime.set(at, [...(byTime.get(at) ?? []), { region, breach: q.breaches(p.value) }]);
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
