import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';

async function run(argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const code = await main(argv, { stdout, stderr, env: {}, signal: new AbortController().signal });
  return { code, out, err };
}

describe('vantage cost', () => {
  it('prints both sides and the ratio for the example config', async () => {
    const { code, out, err } = await run(['cost', '--config', 'examples/vantage.example.yaml']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^VANTAGE$/m);
    expect(out).toMatch(/CLOUDWATCH SYNTHETICS/);
    expect(out).toMatch(/canary runs \(18 canaries\)\s+788,400/);
    expect(out).toMatch(/Synthetics would cost [\d.]+× what Vantage costs/);
  });

  it('says which alarm strategy and why, the quotas, and per alarm kind the time to detect as given and every 10 s', async () => {
    const { code, out } = await run(['cost', '--config', 'examples/vantage.example.yaml']);
    expect(code).toBe(0);
    // 38 + an addresses alarm for each of the 4 served endpoints.
    expect(out).toMatch(/^Alarms: per-endpoint\. Per-endpoint alarms fit: 42 metric alarms/m);
    expect(out).toMatch(/^\s+addresses\s+310 s \(5\.2 min\) \(standard, 60 s × 3\/3\)\s+220 s \(3\.7 min\) \(standard, 60 s × 3\/3\)$/m);
    expect(out).toMatch(/^\s+\$[\d.]+ per endpoint-month, \$[\d.]+ per endpoint-region-month$/m);
    expect(out).toMatch(/^\s+Metrics Insights alarms per account and region\s+0\s+200\s+NO /m);
    expect(out).toContain('Quota increases needed: none.');
    expect(out).toMatch(/^\s+outage\s+250 s \(4\.2 min\) \(standard, 60 s × 2\/3\)\s+60 s \(high-resolution, 10 s × 2\/3\)$/m);
    expect(out).toMatch(/With everySeconds: 10 the deployment costs \$[\d.]+ a month/);
  });

  it('prints JSON whose totals add up to its lines', async () => {
    const { code, out } = await run(['cost', '--config', 'examples/vantage.example.yaml', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.pricesReadOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.shape.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-1']);
    const total = json.vantage.lines.reduce((n: number, l: { monthlyUsd: number }) => n + l.monthlyUsd, 0);
    expect(json.vantage.totalUsd).toBeCloseTo(total, 9);
    expect(json.detection.find((d: { kind: string }) => d.kind === 'outage').totalSeconds).toBe(250);
    expect(json.everyTenSeconds.detection.find((d: { kind: string }) => d.kind === 'outage').totalSeconds).toBe(60);
    expect(json.assumptions.publishSeconds).toBe(5);
  });

  it('exits 2 with one line naming probe.regions when the config has none', async () => {
    const { code, out, err } = await run(['cost', '--config', 'examples/local.yaml']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual(['examples/local.yaml: probe.regions: is required for a cost estimate (every probe cost is per region)']);
  });

  it('exits 2 without --config', async () => {
    const { code, err } = await run(['cost']);
    expect(code).toBe(2);
    expect(err).toMatch(/--config FILE is required/);
  });
});
