import type { MetricAlarm } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import { regionPlan, regionSightings } from '../../../../functions/status/alarm-regions.ts';
import type { Series } from '../../../../functions/status/metric-reader.ts';

const lagQuery = (id: string, region: string) => ({
  Id: id,
  MetricStat: {
    Metric: { Namespace: 'Vantage', MetricName: 'HeightLag', Dimensions: [{ Name: 'Network', Value: 'n' }, { Name: 'Endpoint', Value: 'e' }, { Name: 'ProbeRegion', Value: region }] },
    Period: 60, Stat: 'Maximum',
  },
  ReturnData: false,
});
const lagging: MetricAlarm = {
  AlarmName: 'Vantage n/e lagging', ComparisonOperator: 'GreaterThanThreshold', Threshold: 3,
  Metrics: [lagQuery('a', 'us-east-1'), lagQuery('b', 'eu-west-1'), { Id: 'worst', Expression: 'MAX([a, b])', ReturnData: true }],
};
const T = Date.parse('2025-11-20T10:00:00.000Z');
const min = (m: number) => new Date(T + m * 60_000);

describe('region sightings of a firing alarm', () => {
  it('lists when the set of regions in breach changed, each region keeping its state until its next datapoint', () => {
    const plan = regionPlan([lagging]);
    // Query ids follow the alarm's per-region metrics: r0 us-east-1, r1 eu-west-1.
    const results = new Map<string, Series>([
      ['r0', { points: [{ at: min(1), value: 1 }, { at: min(5), value: 8 }, { at: min(8), value: 2 }] }],
      ['r1', { points: [{ at: min(0), value: 9 }, { at: min(5), value: 9 }] }],
    ]);
    expect(regionSightings(lagging, plan, results, T - 60_000)).toEqual([
      { alarm: 'Vantage n/e lagging', at: min(0).toISOString(), regions: ['eu-west-1'] },
      { alarm: 'Vantage n/e lagging', at: min(5).toISOString(), regions: ['eu-west-1', 'us-east-1'] },
      { alarm: 'Vantage n/e lagging', at: min(8).toISOString(), regions: ['eu-west-1'] },
    ]);
    // Since minute 6: the set then (from minute 5) first, then the changes after.
    expect(regionSightings(lagging, plan, results, min(6).getTime()).map((s) => s.at)).toEqual([min(5).toISOString(), min(8).toISOString()]);
  });
});
