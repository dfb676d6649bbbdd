import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { ASSUMPTIONS, estimateCost, everyTenSeconds, type CostSide } from '../../../src/cost/estimate.ts';
import { fleetYaml, TEN_REGIONS } from '../../support/fleet-config.ts';
import { modelFromAlarms } from '../../../src/status/alarm-model.ts';
import { pageLayout } from '../../../src/status/page-layout.ts';
import { renderStatusFiles } from '../../../src/status/status-files.ts';

const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));
const usd = (side: CostSide, item: RegExp) => side.lines.find((l) => item.test(l.item))!.monthlyUsd;

describe('estimateCost', () => {
  const estimate = estimateCost(example);

  it('prices one canary per endpoint per region at the probe schedule for Synthetics', () => {
    // 6 endpoints × 3 regions × 43,800 runs × $0.0012
    expect(usd(estimate.synthetics, /^canary runs/)).toBeCloseTo(6 * 3 * 43_800 * 0.0012, 6);
  });

  it('prices metrics, alarm metrics and composites from the inventories', () => {
    // 86 before AddressesUnhealthy went region-less: the 4 served endpoints' 4 × 3 regions per-region series
    // become 4 region-less ones (86 − 12 + 4 = 78).
    expect(usd(estimate.vantage, /^custom metrics/)).toBeCloseTo(78 * 0.30, 6);
    // 40 single-metric alarms (each reads one region-less metric: 36 + 4 addresses) and 2 anomaly bands of 3 alarm metrics.
    expect(usd(estimate.vantage, /^alarm metrics/)).toBeCloseTo((40 + 2 * 3) * 0.10, 6);
    expect(estimate.vantage.lines.some((l) => /Metrics Insights|high-resolution/.test(l.item))).toBe(false);
    // Two composites per network and the heartbeats' one.
    expect(usd(estimate.vantage, /^composite/)).toBeCloseTo(5 * 0.50, 6);
    expect(estimate.shape).toMatchObject({ metrics: 78, alarms: 42, compositeAlarms: 5, insightsAlarms: 0, strategy: 'per-endpoint', alarmStacks: 0 });
  });

  it('costs the example at least 20 times less than Synthetics, and names no quota increase', () => {
    expect(estimate.synthetics.totalUsd / estimate.vantage.totalUsd).toBeGreaterThanOrEqual(20);
    expect(estimate.perEndpointRegionUsd).toBeCloseTo(estimate.vantage.totalUsd / 18, 9);
    expect(estimate.quotas.filter((q) => q.used > q.limit)).toEqual([]);
  });

  it('prices 10-second rounds: high-resolution alarms at $0.30, six rounds of PutMetricData, the minute-long invocation', () => {
    const ten = estimateCost(everyTenSeconds(example));
    // outage, regional, lagging for 4 endpoints, stale head for 2 networks, and the 3 suppressors.
    expect(ten.vantage.lines.find((l) => l.item.startsWith('high-resolution alarm metrics'))).toMatchObject({ quantity: 4 * 3 + 2 + 3, unitUsd: 0.30 });
    const puts = (e: typeof estimate) => e.vantage.lines.find((l) => l.item === 'PutMetricData requests')!.quantity;
    expect(puts(ten)).toBe(43_800 * 3 * (6 + 1));
    // 50 s of waiting between rounds + one wave + overhead, at 256 MB, plus the status function.
    const compute = ten.vantage.lines.find((l) => l.item === 'compute, arm64')!.quantity;
    expect(compute).toBeCloseTo(43_800 * 3 * (50 + 1 + 0.5) * 0.25 + 43_800 * 1.5 * 0.25, 3);
    // Synthetics cannot run faster than once a minute: the same canary runs as before.
    expect(ten.synthetics.totalUsd).toBeCloseTo(estimate.synthetics.totalUsd, 6);
  });

  it('prices 2,000 endpoints × 10 regions with fleet alarms under $1 per endpoint-region-month', () => {
    const fleet = estimateCost(applyDefaults(parseConfigText(fleetYaml({ networks: 40, endpoints: 50, regions: TEN_REGIONS, shards: 20 }), { file: null, baseDir: process.cwd() })));
    // 6 conditions × 4 groups, + an addresses alarm per group (every generated endpoint is a host name with addresses: all).
    expect(fleet.shape).toMatchObject({ strategy: 'fleet', insightsAlarms: 28, alarmGroups: 4 });
    // Each Metrics Insights alarm is billed for the metrics its query matches: 500 a group for most conditions.
    const analysed = fleet.vantage.lines.find((l) => l.item.startsWith('Metrics Insights alarms'))!;
    expect(analysed.unitUsd).toBe(0.10);
    expect(analysed.quantity).toBeGreaterThan(20 * 400);
    expect(fleet.perEndpointRegionUsd).toBeLessThanOrEqual(1);
    expect(fleet.quotas.find((q) => q.quota.startsWith('Metrics Insights'))).toMatchObject({ used: 28, limit: 200, adjustable: false });
    // AddressesUnhealthy: one region-less series per endpoint (2,000) instead of one per endpoint and region (20,000).
    expect(fleet.shape.metrics).toBe(96_340 - 20_000 + 2_000);
  });

  it('grows probe invocations, not metrics, with shards', () => {
    const sharded = estimateCost({ ...example, probe: { ...example.probe, shards: 4 } });
    const requests = (e: typeof estimate) => e.vantage.lines.find((l) => l.item.startsWith('requests'))!.quantity;
    expect(requests(sharded) - requests(estimate)).toBe(3 * 3 * 43_800);
    expect(sharded.shape.metrics).toBe(estimate.shape.metrics);
  });

  it('counts two PutMetricData requests per run and region: the datums, then the heartbeat alone', () => {
    const quantity = (e: typeof estimate) => e.vantage.lines.find((l) => l.item === 'PutMetricData requests')!.quantity;
    expect(quantity(estimate)).toBe(43_800 * 3 * 2);
    expect(quantity(estimateCost({ ...example, probe: { ...example.probe, shards: 4 } }))).toBe(43_800 * 3 * (4 + 4));
  });

  it('counts the S3 PUTs of the files the status function writes every minute', () => {
    const model = modelFromAlarms({ namespace: 'Vantage', layout: pageLayout(example), alarms: [], transitions: [], uptime: [], now: '2026-05-01T00:00:00.000Z', historyStart: '2026-04-01T00:00:00.000Z' });
    const files = renderStatusFiles(model, { pageUrl: null, refreshSeconds: 60, sourceNote: null });
    expect(files).toHaveLength(ASSUMPTIONS.statusFixedFilesPerRun + example.networks.length);
    expect(estimate.vantage.lines.find((l) => l.item === 'S3 PUT (status feed)')!.quantity).toBe(43_800 * files.length);
  });

  it('prices block arrival: the judgement and ArrivalDelay per watched endpoint, and the window as Lambda time with the first round', () => {
    const networks = example.networks.map((n) => (n.id === 'eth-main' ? { ...n, arrival: { windowSeconds: 20, maxDelayMs: 3000 } } : n));
    const withArrival = estimateCost({ ...example, networks });
    // rpc-1..3: ArrivalDelay in 3 regions and a region-less LateBlocks each; the network without arrival adds none.
    expect(withArrival.shape.metrics - estimate.shape.metrics).toBe(3 * 3 + 3);
    // And a late-blocks alarm each.
    expect(withArrival.shape.alarms - estimate.shape.alarms).toBe(3);
    const watch = withArrival.vantage.lines.find((l) => l.item.includes('block arrival watch'))!;
    // 20 s × 43,800 ticks × 3 regions (one shard) at 256 MB.
    expect(watch.item).toBe('compute, arm64: block arrival watch (20 s × 131,400 invocations)');
    expect(watch.quantity).toBeCloseTo(20 * 43_800 * 3 * (256 / 1024), 6);
    expect(estimate.vantage.lines.some((l) => l.item.includes('block arrival'))).toBe(false);
  });

  it('totals every line', () => {
    const sum = estimate.vantage.lines.reduce((n, l) => n + l.monthlyUsd, 0);
    expect(estimate.vantage.totalUsd).toBeCloseTo(sum, 9);
    expect(estimate.synthetics.totalUsd).toBeGreaterThan(estimate.vantage.totalUsd);
  });
});
