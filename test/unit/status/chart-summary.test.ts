import { describe, expect, it } from 'vitest';
import { lagSummary, responseSummary } from '../../../src/status/render/chart-summary.ts';
import { addSample, binOf, binValue, medianOf, type ResponseHistogram } from '../../../src/status/response-histogram.ts';
import type { TimeSeries } from '../../../src/status/status-model.ts';

const HOURS_FROM = '2025-11-19T11:00:00.000Z';
const hours = (values: (number | null)[]): TimeSeries => ({ start: HOURS_FROM, stepSeconds: 3600, values });
const days = (values: (number | null)[]): TimeSeries => ({ start: '2025-08-23T00:00:00.000Z', stepSeconds: 86_400, values });

describe('chart summaries', () => {
  it('gives the median of the hourly medians and the slowest hour with its UTC time', () => {
    // 24 hours: 40 ms except 180 ms at 14:00 (i = 3) and 50 ms at 15:00; sorted, the middle two are 40 and 40.
    const values = Array(24).fill(40) as number[];
    values[3] = 180;
    values[4] = 50;
    expect(responseSummary(hours(values))).toBe('Median response 40 ms over 24 h; slowest hour 180 ms at 14:00 UTC.');
  });

  it('says how many buckets were measured when some were not, and writes small times with a decimal', () => {
    const values: (number | null)[] = Array(24).fill(null);
    values[0] = 4.25;
    values[1] = 6.5;
    // Median of 4.25 and 6.5 is 5.375 → "5.4 ms"; slowest 6.5 at 12:00.
    expect(responseSummary(hours(values))).toBe('Median response 5.4 ms over 24 h (2 of 24 hours measured); slowest hour 6.5 ms at 12:00 UTC.');
    expect(responseSummary(hours(Array(24).fill(null)))).toBe('No response-time data over 24 h.');
  });

  it('names the slowest day by date over the 90-day window', () => {
    const values = Array(90).fill(30) as number[];
    values[88] = 95;
    expect(responseSummary(days(values))).toBe('Median response 30 ms over 90 days; slowest day 95 ms on 2025-11-19.');
  });

  it('reads lag against the limit: none, within it, or over it in so many hours', () => {
    expect(lagSummary(hours(Array(24).fill(0)), 3)).toBe('No lag over 24 h (limit 3 blocks).');
    const within = Array(24).fill(0) as number[];
    within[5] = 2;
    expect(lagSummary(hours(within), 3)).toBe('Up to 2 blocks behind over 24 h, most at 16:00 UTC; within the limit of 3 blocks.');
    const over = [...within];
    over[6] = 12;
    over[7] = 4;
    expect(lagSummary(hours(over), 3)).toBe('Up to 12 blocks behind over 24 h, most at 17:00 UTC; over the limit of 3 blocks in 2 hours.');
    expect(lagSummary(days(Array(90).fill(null)), 1)).toBe('No block-lag data over 90 days.');
    const twoHours: (number | null)[] = Array(24).fill(null);
    twoHours[22] = 0;
    twoHours[23] = 0;
    expect(lagSummary(hours(twoHours), 3)).toBe('No lag over 24 h (2 of 24 hours measured; limit 3 blocks).');
    const oneDay: (number | null)[] = Array(90).fill(null);
    oneDay[89] = 1;
    expect(lagSummary(days(oneDay), 1)).toBe('Up to 1 block behind over 90 days (1 of 90 days measured), most on 2025-11-20; within the limit of 1 block.');
  });
});

describe('response-time histogram', () => {
  it('puts values 5% apart in neighbouring bins and reports a median within 2.5% of the middle sample', () => {
    // Bin k ≥ 1 holds [0.1 × 1.05^(k−1), 0.1 × 1.05^k): 20 ms → ln(200)/ln(1.05) = 108.6 → bin 109.
    expect(binOf(20)).toBe(109);
    expect(binOf(0.05)).toBe(0);
    const h: ResponseHistogram = {};
    for (const ms of [10, 20, 21, 400, 900]) addSample(h, ms);
    const median = medianOf(h)!;
    expect(median).toBe(binValue(binOf(21)));
    expect(Math.abs(median - 21) / 21).toBeLessThan(0.025);
    expect(medianOf({})).toBeNull();
  });

  it('takes the lower middle sample for an even count and ignores values that are not times', () => {
    const h: ResponseHistogram = {};
    for (const ms of [10, 100, Number.NaN, -1]) addSample(h, ms);
    expect(Object.values(h).reduce((a, b) => a + b, 0)).toBe(2);
    expect(Math.abs(medianOf(h)! - 10) / 10).toBeLessThan(0.025);
  });
});
