import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { metricInventory } from '../../../src/cost/metric-inventory.ts';

const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));

describe('metricInventory', () => {
  it('counts the example config\'s series in the layout: per endpoint and region, region-less per endpoint, per network', () => {
    const inventory = metricInventory(example);
    // Served endpoints api-1 and rpc-1..3: Up, TimeToFirstByte, HeightLag in each of 3 regions, and FinalityLag
    // for the evm ones (rpc-1..3; algorand's finality is instant). Region-less: RegionsDown, Lagging,
    // TlsDaysToExpiry and AddressesUnhealthy for each served endpoint (4 × 4), FinalityLagging for rpc-1..3,
    // Exposed for api-1, rpc-1..3 (families probing admin APIs) and the private node-3-admin (5).
    // Per network: HeadAge and BlockInterval of both, eth-main's FinalityLagging. Other: the account's
    // PartKeyDaysToExpiry and 3 ProbeRuns heartbeats.
    expect(inventory.byLayout).toEqual({ endpointRegion: 4 * 3 * 3 + 3 * 3, endpoint: 4 * 4 + 3 + 5, network: 2 + 2 + 1, other: 1 + 3 });
    expect(inventory.metrics).toBe(45 + 24 + 5 + 4);
  });

  it('counts the datums of a region\'s first round (slow facts and heartbeat) and of each later round', () => {
    const inventory = metricInventory(example);
    // Network datums: HeadAge from every endpoint with a head time (api-1, public-ref, rpc-1..3),
    // FinalityLagging from rpc-1..3, one BlockInterval per network.
    // Per endpoint and region, one round: 4 served × (Up, TimeToFirstByte, HeightLag) + 3 FinalityLag = 15.
    // Region-less, first round: 4 × (RegionsDown, Lagging, TlsDaysToExpiry, AddressesUnhealthy) + 3 FinalityLagging + 5 Exposed = 24;
    // later rounds leave out the slow facts (TlsDaysToExpiry, Exposed), the account's PartKeyDaysToExpiry and the heartbeat.
    expect(inventory.datumsFirstRound).toBe(15 + 24 + (5 + 3 + 2) + 1 + 1);
    expect(inventory.datumsLaterRound).toBe(15 + 4 + 4 + 4 + 3 + (5 + 3 + 2));
  });

  it('counts finality only where it is tracked, BlockInterval once per network that reads cadence', () => {
    const series = (chain: string, extra = '') => metricInventory(applyDefaults(parseConfigText(`
version: 1
probe: { regions: [us-east-1, eu-west-1] }
networks:
  - id: n
    chain: ${chain}
    endpoints: [{ id: a, url: "http://127.0.0.1:1"${extra} }, { id: b, url: "http://127.0.0.1:2"${extra} }]
`, { file: null, baseDir: '.' }))).metrics;
    // Against http-json (no head time, no exposure probe, no finality, no cadence) with the same two
    // endpoints in two regions, each family adds only what it reads: the network's HeadAge, Exposed
    // (region-less), FinalityLag per endpoint and region with its region-less judgement and the network's
    // (tracked finality only), and one BlockInterval per network that reads cadence (not substrate).
    const base = series('http-json', ', heightPointer: /h');
    const finality = 2 * 2 + 2 + 1;
    expect(series('substrate') - base).toBe(finality + 2 /* Exposed */);
    expect(series('bitcoin') - base).toBe(1 /* HeadAge */ + 1 /* BlockInterval */);
    expect(series('cometbft') - base).toBe(1 + 1);
    expect(series('algorand') - base).toBe(1 + 1 + 2);
    expect(series('solana') - base).toBe(1 + finality + 1);
    expect(series('evm') - base).toBe(1 + finality + 1 + 2);
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
