import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { metricInventory } from '../../../src/cost/metric-inventory.ts';

const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));

describe('metricInventory', () => {
  it('counts the example config\'s series per region, plus the region-less account and network metrics', () => {
    // Per region: a served https endpoint has Up, Healthy, TimeToFirstByte, ProbeDuration,
    // BlockHeight, HeightLag, HeadAge, TlsDaysToExpiry, Exposed, AddressesUnhealthy (10) — api-1
    // and rpc-1..3; the EVM ones also FinalityLag (Algorand's instant finality has none): 3;
    // the reference public-ref only BlockHeight and HeadAge (2); the private node-3-admin
    // Up, Healthy, ProbeDuration, Exposed (4: no addresses are probed); one ProbeRuns heartbeat.
    const perRegion = 4 * 10 + 3 + 2 + 4 + 1;
    // Without a region: the account's PartKeyDaysToExpiry, and one BlockInterval per network (both read one).
    const regionless = 1 + 2;
    const inventory = metricInventory(example);
    expect(inventory.datumsPerRun).toBe(perRegion + regionless);
    expect(inventory.metrics).toBe(3 * perRegion + regionless);
  });

  it('counts FinalityLag only where finality is tracked, BlockInterval once per network that reads cadence', () => {
    const series = (chain: string, extra = '') => {
      const config = applyDefaults(parseConfigText(`
version: 1
probe: { regions: [us-east-1, eu-west-1] }
networks:
  - id: n
    chain: ${chain}
    endpoints: [{ id: a, url: "http://127.0.0.1:1"${extra} }, { id: b, url: "http://127.0.0.1:2"${extra} }]
`, { file: null, baseDir: '.' }));
      return metricInventory(config).metrics;
    };
    // Against http-json (no head time, no exposure probe, no finality, no cadence) with the same two
    // endpoints in two regions, each family adds only what it reads: HeadAge and Exposed as before,
    // FinalityLag per endpoint and region where finality is tracked (not for instant finality), and
    // one region-less BlockInterval per network that reads cadence (not substrate).
    const base = series('http-json', ', heightPointer: /h');
    expect(series('substrate') - base).toBe(2 * 2 /* FinalityLag */ + 2 * 2 /* Exposed: substrate has an exposure probe */);
    expect(series('bitcoin') - base).toBe(2 * 2 /* HeadAge */ + 1 /* BlockInterval */);
    expect(series('cometbft') - base).toBe(2 * 2 /* HeadAge */ + 1);
    expect(series('algorand') - base).toBe(2 * 2 /* HeadAge */ + 1 + 2 * 2 /* Exposed */);
    expect(series('solana') - base).toBe(2 * 2 /* HeadAge */ + 2 * 2 /* FinalityLag */ + 1);
    expect(series('evm') - base).toBe(2 * 2 /* HeadAge */ + 2 * 2 /* FinalityLag */ + 1 + 2 * 2 /* Exposed */);
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
