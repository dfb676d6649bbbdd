import { describe, expect, it } from 'vitest';
import { PRICES, tieredCost } from '../../../src/cost/prices.ts';

describe('tieredCost', () => {
  it('prices custom metrics tier by tier: $0.30 for the first 10,000, then $0.10', () => {
    expect(tieredCost(PRICES.customMetric, 130)).toBeCloseTo(39, 10);
    expect(tieredCost(PRICES.customMetric, 10_000)).toBeCloseTo(3000, 6);
    expect(tieredCost(PRICES.customMetric, 10_010)).toBeCloseTo(3001, 6);
    expect(tieredCost(PRICES.customMetric, 250_000)).toBeCloseTo(3000 + 24_000, 6);
    expect(tieredCost(PRICES.customMetric, 1_000_001)).toBeCloseTo(3000 + 24_000 + 37_500 + 0.02, 6);
  });

  it('names a source page for every price', () => {
    for (const [name, price] of Object.entries(PRICES)) {
      expect(price.source, name).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
  });
});
