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

  it('prints JSON whose totals add up to its lines', async () => {
    const { code, out } = await run(['cost', '--config', 'examples/vantage.example.yaml', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.pricesReadOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.shape.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-1']);
    const total = json.vantage.lines.reduce((n: number, l: { monthlyUsd: number }) => n + l.monthlyUsd, 0);
    expect(json.vantage.totalUsd).toBeCloseTo(total, 9);
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
