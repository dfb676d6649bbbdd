import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { metricInventory } from '../../../src/cost/metric-inventory.ts';

const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));

describe('metricInventory', () => {
  it('counts the example config\'s series in the layout: per endpoint and region, region-less per endpoint, per network', () => {
    const inventory = metricInventory(example);
    // Served endpoints api-1 and rpc-1..3: Up, TimeToFirstByte, HeightLag in each of 3 regions.
    // Region-less: RegionsDown, Lagging and TlsDaysToExpiry for each served endpoint (4 × 3), Exposed for
    // api-1, rpc-1..3 (families probing admin APIs) and the private node-3-admin (5).
    // Per network: HeadAge (2). Other: the account's PartKeyDaysToExpiry and 3 ProbeRuns heartbeats.
    expect(inventory.byLayout).toEqual({ endpointRegion: 4 * 3 * 3, endpoint: 4 * 3 + 5, network: 2, other: 1 + 3 });
    expect(inventory.metrics).toBe(36 + 17 + 2 + 4);
  });

  it('counts the datums of a region\'s first round (slow facts and heartbeat) and of each later round', () => {
    const inventory = metricInventory(example);
    // HeadAge: one datum per endpoint with a head time, the reference included (api-1, public-ref, rpc-1..3).
    expect(inventory.datumsFirstRound).toBe(12 + 17 + 5 + 1 + 1);
    expect(inventory.datumsLaterRound).toBe(12 + 4 + 4 + 5);
  });

  it('adds per-region Healthy, ProbeDuration, phase timings, block height and head age with metrics.detail: full', () => {
    const full = { ...example, metrics: { detail: 'full' as const } };
    // 4 served endpoints gain 7 series per region; the reference its BlockHeight and HeadAge.
    expect(metricInventory(full).metrics - metricInventory(example).metrics).toBe(3 * (4 * 7 + 2));
  });

  it('measures the JSON report a region logs per round', () => {
    const bytes = metricInventory(example).reportBytes;
    expect(bytes).toBeGreaterThan(6 * 300);
    expect(bytes).toBeLessThan(6 * 1500);
  });
});
