import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { splitIntoBatches } from '../../../src/publish/batches.ts';

const T = Date.parse('2026-05-01T12:00:00.000Z');

function datum(i: number, over: Partial<MetricDatum> = {}): MetricDatum {
  return {
    name: 'Up',
    dimensions: [{ name: 'Network', value: 'eth' }, { name: 'Endpoint', value: `e${i}` }, { name: 'ProbeRegion', value: 'eu-west-1' }],
    value: 1,
    unit: 'None',
    timestamp: T,
    ...over,
  };
}

/** The body the SDK sends for a batch: JSON 1.0, Timestamp in epoch seconds. */
function body(namespace: string, batch: ReturnType<typeof splitIntoBatches>['batches'][number]): string {
  return JSON.stringify({ Namespace: namespace, MetricData: batch.datums.map((d) => ({ ...d.wire, Timestamp: d.wire.Timestamp.getTime() / 1000 })) });
}

describe('splitIntoBatches', () => {
  it('splits 3,000 datums into three requests of 1,000', () => {
    const { batches } = splitIntoBatches('Vantage', Array.from({ length: 3000 }, (_, i) => datum(i)));
    expect(batches.map((b) => b.datums.length)).toEqual([1000, 1000, 1000]);
    const endpoints = batches.flatMap((b) => b.datums.map((d) => d.wire.Dimensions[1]!.Value));
    expect(new Set(endpoints).size).toBe(3000);
  });

  it('keeps every request body under 1 MB when datums are large', () => {
    // 30 dimensions of 1,024 characters: about 31 KB per datum, so ~31 fit in 1 MB.
    const big = (i: number) => datum(i, {
      dimensions: Array.from({ length: 30 }, (_, d) => ({ name: `D${d}`, value: `${i}-${d}-`.padEnd(1024, 'x') })),
    });
    const { batches, invalid } = splitIntoBatches('Vantage', Array.from({ length: 100 }, (_, i) => big(i)));
    expect(invalid).toEqual([]);
    expect(batches.length).toBeGreaterThan(3);
    for (const batch of batches) {
      const bytes = Buffer.byteLength(body('Vantage', batch));
      expect(bytes).toBeLessThanOrEqual(1_000_000);
      // The estimate the splitter used is the real body size (give or take the separators).
      expect(Math.abs(batch.bytes - bytes)).toBeLessThanOrEqual(1);
    }
    expect(batches.reduce((n, b) => n + b.datums.length, 0)).toBe(100);
  });

  it('sets aside datums AWS would reject, with the reason, and sends the rest', () => {
    const { batches, invalid } = splitIntoBatches('Vantage', [
      datum(1),
      datum(2, { value: Number.NaN }),
      datum(3, { value: Number.POSITIVE_INFINITY }),
      datum(4, { dimensions: Array.from({ length: 31 }, (_, d) => ({ name: `D${d}`, value: 'v' })) }),
      datum(5, { dimensions: [{ name: 'Network', value: '' }] }),
      datum(6, { value: 2 ** 361 }),
      datum(7, { value: 2 ** -361 }),
      datum(8, { dimensions: [{ name: 'Network', value: 'éth' }] }),
      datum(9, { dimensions: [{ name: ':Network', value: 'eth' }] }),
      datum(10, { dimensions: [{ name: 'Network', value: ' \t' }] }),
      datum(11, { value: 0 }),
    ]);
    expect(batches.flatMap((b) => b.datums.map((d) => d.wire.Dimensions[1]!.Value))).toEqual(['e1', 'e11']);
    expect(invalid.map((i) => i.reason)).toEqual([
      'Up: value NaN is not a finite number',
      'Up: value Infinity is not a finite number',
      'Up: 31 dimensions (max 30)',
      'Up: dimension Network value must be 1-1024 characters',
      'Up: value out of range (|v| > 2^360)',
      `Up: value ${2 ** -361} too small (0 < |v| < 2^-360)`,
      'Up: dimension Network value "éth" must be printable ASCII and not blank',
      'Up: dimension name ":Network" must be printable ASCII, not blank, not starting with ":"',
      'Up: dimension Network value " \\t" must be printable ASCII and not blank',
    ]);
  });

  it('makes no request for no datums', () => {
    expect(splitIntoBatches('Vantage', []).batches).toEqual([]);
  });
});
