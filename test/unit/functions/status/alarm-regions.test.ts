import { describe, expect, it } from 'vitest';
import { alarmRegions, regionPlan, regionSightings, type FiringAlarm } from '../../../../functions/status/alarm-regions.ts';
import type { Series } from '../../../../functions/status/metric-reader.ts';
import type { PageLayout } from '../../../../src/status/page-layout.ts';

const layout = {
  title: 't', regions: ['us-east-1', 'eu-west-1'],
  networks: [{ id: 'n', chain: 'evm', maxLagBlocks: 3, maxHeadAgeSeconds: 120, blockTimeSeconds: 12, maxFinalityLagSeconds: 1200, arrivalMaxDelayMs: 1000, endpoints: ['e'] }],
  maintenance: [],
} as unknown as PageLayout;
const T = Date.parse('2025-11-20T10:00:00.000Z');
const min = (m: number) => new Date(T + m * 60_000);
const lagging: FiringAlarm = { name: 'Vantage n/e lagging', subject: { kind: 'lagging', network: 'n', endpoint: 'e' }, sinceMs: T };
const outage: FiringAlarm = { name: 'Vantage fleet-contributor n/e outage', subject: { kind: 'outage', network: 'n', endpoint: 'e' }, sinceMs: T };

describe('per-region breakdown of a firing endpoint alarm', () => {
  it('reads the per-region metric the alarm\'s kind watches: HeightLag (Maximum) for lag, Up (Minimum) for outages', () => {
    const plan = regionPlan([lagging, outage], layout, 'Vantage');
    expect(plan.queries.map((q) => [q.Id, q.MetricStat!.Metric!.MetricName, q.MetricStat!.Stat, q.MetricStat!.Metric!.Dimensions!.find((d) => d.Name === 'ProbeRegion')!.Value])).toEqual([
      ['r0', 'HeightLag', 'Maximum', 'us-east-1'], ['r1', 'HeightLag', 'Maximum', 'eu-west-1'],
      ['r2', 'Up', 'Minimum', 'us-east-1'], ['r3', 'Up', 'Minimum', 'eu-west-1'],
    ]);
    const results = new Map<string, Series>([
      ['r0', { points: [{ at: min(2), value: 1 }] }], ['r1', { points: [{ at: min(2), value: 9 }] }],
      ['r2', { points: [{ at: min(2), value: 0 }] }], ['r3', { points: [{ at: min(2), value: 0 }] }],
    ]);
    // Lag: the worst region's value over maxLagBlocks; an outage: the number of regions down.
    expect(alarmRegions(lagging.name, plan, results)).toEqual({ regions: ['eu-west-1'], value: 9 });
    expect(alarmRegions(outage.name, plan, results)).toEqual({ regions: ['eu-west-1', 'us-east-1'], value: 2 });
  });

  it('lists when the set of regions in breach changed, each region keeping its state until its next datapoint', () => {
    const plan = regionPlan([lagging], layout, 'Vantage');
    // r0 us-east-1, r1 eu-west-1; maxLagBlocks 3.
    const results = new Map<string, Series>([
      ['r0', { points: [{ at: min(1), value: 1 }, { at: min(5), value: 8 }, { at: min(8), value: 2 }] }],
      ['r1', { points: [{ at: min(0), value: 9 }, { at: min(5), value: 9 }] }],
    ]);
    expect(regionSightings(lagging.name, plan, results, T - 60_000)).toEqual([
      { alarm: 'Vantage n/e lagging', at: min(0).toISOString(), regions: ['eu-west-1'] },
      { alarm: 'Vantage n/e lagging', at: min(5).toISOString(), regions: ['eu-west-1', 'us-east-1'] },
      { alarm: 'Vantage n/e lagging', at: min(8).toISOString(), regions: ['eu-west-1'] },
    ]);
    // Since minute 6: the set then (from minute 5) first, then the changes after.
    expect(regionSightings(lagging.name, plan, results, min(6).getTime()).map((s) => s.at)).toEqual([min(5).toISOString(), min(8).toISOString()]);
  });

  it('reads FinalityLag and ArrivalDelay per region for finality and late-block alarms, whose own datapoint is only the probes\' 0/1', () => {
    const finality: FiringAlarm = { name: 'Vantage n/e finality-lagging', subject: { kind: 'finality-lagging', network: 'n', endpoint: 'e' }, sinceMs: T };
    const late: FiringAlarm = { name: 'Vantage n/e late-blocks', subject: { kind: 'late-blocks', network: 'n', endpoint: 'e' }, sinceMs: T };
    const plan = regionPlan([finality, late], layout, 'Vantage');
    expect(plan.queries.map((q) => [q.Id, q.MetricStat!.Metric!.MetricName, q.MetricStat!.Stat, q.MetricStat!.Unit, q.MetricStat!.Metric!.Dimensions!.find((d) => d.Name === 'ProbeRegion')!.Value])).toEqual([
      ['r0', 'FinalityLag', 'Maximum', 'Seconds', 'us-east-1'], ['r1', 'FinalityLag', 'Maximum', 'Seconds', 'eu-west-1'],
      ['r2', 'ArrivalDelay', 'Maximum', 'Milliseconds', 'us-east-1'], ['r3', 'ArrivalDelay', 'Maximum', 'Milliseconds', 'eu-west-1'],
    ]);
    const results = new Map<string, Series>([
      // maxFinalityLagSeconds 1200, arrival maxDelayMs 1000.
      ['r0', { points: [{ at: min(2), value: 1518 }] }], ['r1', { points: [{ at: min(2), value: 1200 }] }],
      ['r2', { points: [{ at: min(2), value: 300 }] }], ['r3', { points: [{ at: min(2), value: 2140 }] }],
    ]);
    expect(alarmRegions(finality.name, plan, results)).toEqual({ regions: ['us-east-1'], value: 1518 });
    expect(alarmRegions(late.name, plan, results)).toEqual({ regions: ['eu-west-1'], value: 2140 });
  });

  it('reads a fleet contributor\'s failing-address count and certificate days once, from its region-less alarm metric in its group; nothing for a metric alarm, whose own datapoint is the figure', () => {
    const contributor = (kind: 'addresses' | 'tls-expiry', warnDays?: number): FiringAlarm => ({
      name: `Vantage n/e ${kind}`, subject: { kind, network: 'n', endpoint: 'e', group: 'g2', ...(warnDays === undefined ? {} : { warnDays }) }, sinceMs: T,
    });
    const metricAlarm: FiringAlarm = { name: 'Vantage n/e addresses', subject: { kind: 'addresses', network: 'n', endpoint: 'e' }, sinceMs: T };
    expect(regionPlan([metricAlarm], layout, 'Vantage').queries).toEqual([]);
    const plan = regionPlan([contributor('addresses'), contributor('tls-expiry', 14)], layout, 'Vantage');
    expect(plan.queries.map((q) => [q.MetricStat!.Metric!.MetricName, q.MetricStat!.Stat, q.MetricStat!.Unit, q.MetricStat!.Metric!.Dimensions])).toEqual([
      ['AddressesUnhealthy', 'Maximum', 'Count', [{ Name: 'AlarmGroup', Value: 'g2' }, { Name: 'Network', Value: 'n' }, { Name: 'Endpoint', Value: 'e' }]],
      ['TlsDaysToExpiry', 'Minimum', 'None', [{ Name: 'AlarmGroup', Value: 'g2' }, { Name: 'Network', Value: 'n' }, { Name: 'Endpoint', Value: 'e' }, { Name: 'WarnDays', Value: '14' }]],
    ]);
    const results = new Map<string, Series>([['r0', { points: [{ at: min(2), value: 2 }] }], ['r1', { points: [{ at: min(2), value: 6.2 }] }]]);
    expect(alarmRegions('Vantage n/e addresses', plan, results)).toEqual({ regions: [], value: 2 });
    expect(alarmRegions('Vantage n/e tls-expiry', plan, results)).toEqual({ regions: [], value: 6.2 });
    expect(regionSightings('Vantage n/e addresses', plan, results, T)).toEqual([]);
    // Recovered in the metric before the alarm evaluates: no figure rather than "0 addresses failing".
    expect(alarmRegions('Vantage n/e addresses', plan, new Map([['r0', { points: [{ at: min(3), value: 0 }] }]]))).toEqual({ regions: [], value: null });
  });
});
