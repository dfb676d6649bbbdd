import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { metricInventory } from '../../../src/cost/metric-inventory.ts';

const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));

describe('metricInventory', () => {
  it('counts the example config\'s series per region, plus the region-less account metric', () => {
    // Per region: a served https endpoint has Up, Healthy, TimeToFirstByte, ProbeDuration,
    // BlockHeight, HeightLag, HeadAge, TlsDaysToExpiry, Exposed, AddressesUnhealthy (10) — api-1
    // and rpc-1..3; the reference public-ref only BlockHeight and HeadAge (2); the private
    // node-3-admin Up, Healthy, ProbeDuration, Exposed (4: no addresses are probed); one ProbeRuns heartbeat.
    const perRegion = 4 * 10 + 2 + 4 + 1;
    const inventory = metricInventory(example);
    expect(inventory.datumsPerRun).toBe(perRegion + 1);
    expect(inventory.metrics).toBe(3 * perRegion + 1);
  });

  it('adds DNS, connect and TLS phase series with metrics.detail: full', () => {
    const full = { ...example, metrics: { detail: 'full' as const } };
    // 4 served https endpoints gain 3 series each; the private one only DnsTime (it never connects).
    expect(metricInventory(full).metrics - metricInventory(example).metrics).toBe(3 * (4 * 3 + 1));
  });

  it('measures the JSON report a region logs per run', () => {
    const bytes = metricInventory(example).reportBytes;
    expect(bytes).toBeGreaterThan(6 * 300);
    expect(bytes).toBeLessThan(6 * 1500);
  });
});
