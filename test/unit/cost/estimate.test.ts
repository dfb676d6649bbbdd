import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { ASSUMPTIONS, estimateCost, type CostSide } from '../../../src/cost/estimate.ts';
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
    expect(usd(estimate.vantage, /^custom metrics/)).toBeCloseTo(153 * 0.30, 6);
    // Endpoint alarms read one metric per region: 5 for api-1, 1 for node-3-admin, 15 for rpc-1..3 (21 × 3);
    // the partkey alarm and each of the 3 heartbeats read one.
    expect(usd(estimate.vantage, /^alarm metrics/)).toBeCloseTo((21 * 3 + 1 + 3) * 0.10, 6);
    expect(usd(estimate.vantage, /^Metrics Insights/)).toBeCloseTo((2 + 3) * 3 * 0.10, 6);
    expect(usd(estimate.vantage, /^composite/)).toBeCloseTo(2 * 0.50, 6);
    expect(estimate.shape).toMatchObject({ metrics: 153, alarms: 27, compositeAlarms: 2 });
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

  it('prices block arrival: ArrivalDelay per watched, alarmed endpoint and region, and the window as Lambda time', () => {
    const networks = example.networks.map((n) => (n.id === 'eth-main' ? { ...n, arrival: { windowSeconds: 20, maxDelayMs: 3000 } } : n));
    const withArrival = estimateCost({ ...example, networks });
    // rpc-1..3 × 3 regions; the network without arrival adds none.
    expect(withArrival.shape.metrics - estimate.shape.metrics).toBe(3 * 3);
    const watch = withArrival.vantage.lines.find((l) => l.item.includes('block arrival watch'))!;
    // 20 s × 43,800 ticks × 3 regions (one shard) at 256 MB.
    expect(watch.item).toBe('compute, arm64: block arrival watch (20 s × 131,400 invocations)');
    expect(watch.quantity).toBeCloseTo(20 * 43_800 * 3 * (256 / 1024), 6);
    expect(watch.monthlyUsd).toBeCloseTo(20 * 43_800 * 3 * 0.25 * 0.0000133334, 6);
    expect(estimate.vantage.lines.some((l) => l.item.includes('block arrival'))).toBe(false);
    // With more shards than watching networks, only the shard holding it waits the window.
    const sharded = estimateCost({ ...example, probe: { ...example.probe, shards: 4 }, networks });
    expect(sharded.vantage.lines.find((l) => l.item.includes('block arrival watch'))!.quantity).toBeCloseTo(watch.quantity, 6);
  });

  it('totals every line', () => {
    const sum = estimate.vantage.lines.reduce((n, l) => n + l.monthlyUsd, 0);
    expect(estimate.vantage.totalUsd).toBeCloseTo(sum, 9);
    expect(estimate.synthetics.totalUsd).toBeGreaterThan(estimate.vantage.totalUsd);
  });
});
