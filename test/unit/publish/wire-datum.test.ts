import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { toWireDatums } from '../../../src/publish/wire-datum.ts';

const T = Date.parse('2026-05-01T12:00:00.000Z');
const dims = [{ name: 'Network', value: 'eth' }, { name: 'Endpoint', value: 'a' }, { name: 'ProbeRegion', value: 'local' }];
const sample = (value: number, over: Partial<MetricDatum> = {}): MetricDatum => ({ name: 'ProbeDuration', dimensions: dims, value, unit: 'Milliseconds', timestamp: T, ...over });

describe('toWireDatums', () => {
  it('sends a single sample as Value with the PutMetricData field names', () => {
    expect(toWireDatums([sample(12.5)]).map((p) => p.wire)).toEqual([{
      MetricName: 'ProbeDuration',
      Dimensions: [{ Name: 'Network', Value: 'eth' }, { Name: 'Endpoint', Value: 'a' }, { Name: 'ProbeRegion', Value: 'local' }],
      Timestamp: new Date(T),
      Unit: 'Milliseconds',
      Value: 12.5,
    }]);
  });

  it('folds repeated samples of one series into Values and Counts', () => {
    const packed = toWireDatums([sample(10), sample(20), sample(10), sample(10)]);
    expect(packed).toHaveLength(1);
    expect(packed[0]!.wire).toMatchObject({ Values: [10, 20], Counts: [3, 1] });
    expect(packed[0]!.wire.Value).toBeUndefined();
    expect(packed[0]!.samples).toHaveLength(4);
  });

  it('keeps series apart when name, dimensions, unit or timestamp differ', () => {
    const packed = toWireDatums([
      sample(1),
      sample(1, { name: 'TimeToFirstByte' }),
      sample(1, { dimensions: [{ name: 'Network', value: 'other' }] }),
      sample(1, { timestamp: T + 60_000 }),
    ]);
    expect(packed.map((p) => p.wire.Value)).toEqual([1, 1, 1, 1]);
  });

  it('marks high-resolution samples StorageResolution 1, and never folds them with standard ones', () => {
    const packed = toWireDatums([sample(1, { highResolution: true }), sample(1), sample(2, { highResolution: true })]);
    expect(packed.map((p) => p.wire)).toEqual([
      expect.objectContaining({ StorageResolution: 1, Values: [1, 2], Counts: [1, 1] }),
      expect.objectContaining({ Value: 1 }),
    ]);
    expect('StorageResolution' in packed[1]!.wire).toBe(false);
  });

  it('starts another datum after 150 distinct values', () => {
    const packed = toWireDatums(Array.from({ length: 151 }, (_, i) => sample(i)));
    expect(packed.map((p) => p.wire.Values?.length)).toEqual([150, 1]);
    expect(packed.reduce((n, p) => n + p.samples.length, 0)).toBe(151);
  });
});
