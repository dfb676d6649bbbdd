// `vantage check --publish`, as a child process: the same datums and
// publisher as the Lambda, credentials from the standard AWS chain (here the
// environment), the endpoint from AWS_ENDPOINT_URL_CLOUDWATCH.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { publishedDatums, startProbeAwsDouble, TEST_CREDENTIALS, type ProbeAwsDouble } from '../../support/aws/index.ts';
import { runVantage } from '../../support/vantage-cli.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vantage-check-publish-'));
let hardhat: HardhatNode;
let aws: ProbeAwsDouble;

beforeAll(async () => {
  [hardhat, aws] = await Promise.all([startHardhat(), startProbeAwsDouble()]);
});
afterAll(async () => {
  await Promise.all([hardhat.stop(), aws.double.stop()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  aws.double.clearFaults();
  aws.double.reset();
});

function config(name: string, central: boolean): string {
  const file = join(dir, name);
  writeFileSync(file, `version: 1
${central ? 'central: { account: "111111111111", region: eu-central-1, namespace: VantageLocal }' : ''}
networks:
  - id: dev
    chain: evm
    endpoints:
      - { id: node-1, url: "${hardhat.url}" }
`);
  return file;
}

function vantage(args: string[]) {
  return runVantage(args, {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_CLOUDWATCH: aws.double.url,
    // No shared config files: only the environment provides credentials.
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
  });
}

describe('vantage check --publish', () => {
  it('publishes the run to the central region and says how many datums on stderr', async () => {
    const height = await hardhat.blockNumber();
    const run = await vantage(['check', '--config', config('ok.yaml', true), '--json', '--publish', '--region', 'office-berlin']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ region: 'office-berlin', status: 'up' });
    const datums = publishedDatums(aws.double);
    expect(run.stderr.trim()).toBe(`published ${datums.length} datums to CloudWatch namespace VantageLocal in eu-central-1`);
    expect(aws.double.calls('cloudwatch').map((c) => [c.region, c.accessKeyId])).toContainEqual(['eu-central-1', TEST_CREDENTIALS.accessKeyId]);
    expect(datums.find((d) => d.MetricName === 'Up')).toMatchObject({
      Namespace: 'VantageLocal',
      Dimensions: [{ Name: 'Network', Value: 'dev' }, { Name: 'Endpoint', Value: 'node-1' }, { Name: 'ProbeRegion', Value: 'office-berlin' }],
      Value: 1,
    });
    // The alarms' inputs are region-less: this vantage point adds its judgement to the same metric as the Lambda regions.
    expect(datums.find((d) => d.MetricName === 'RegionsDown')).toMatchObject({
      Dimensions: [{ Name: 'AlarmGroup', Value: 'g1' }, { Name: 'Network', Value: 'dev' }, { Name: 'Endpoint', Value: 'node-1' }],
      Value: 0,
    });
    expect(JSON.parse(run.stdout).networks[0].endpoints[0].chain.height).toBeGreaterThanOrEqual(height);
    expect(datums.filter((d) => d.MetricName === 'ProbeRuns')).toMatchObject([{ Dimensions: [{ Name: 'ProbeRegion', Value: 'office-berlin' }] }]);
  });

  it('publishes the count of failing addresses region-less, beside the other alarm inputs, for a host name probed address by address', async () => {
    // localhost is 127.0.0.1 and ::1; hardhat listens on 127.0.0.1 only, so ::1 fails where the machine has IPv6 (and is skipped where it has none).
    const file = join(dir, 'localhost.yaml');
    writeFileSync(file, `version: 1
central: { account: "111111111111", region: eu-central-1, namespace: VantageLocal }
networks:
  - id: dev
    chain: evm
    endpoints:
      - { id: node-1, url: "${hardhat.url.replace('127.0.0.1', 'localhost')}" }
`);
    const run = await vantage(['check', '--config', file, '--json', '--publish', '--region', 'office-berlin']);
    const endpoint = JSON.parse(run.stdout).networks[0].endpoints[0] as { addresses: { address: string }[]; reasons: { code: string }[] };
    expect(endpoint.addresses.map((a) => a.address)).toEqual(expect.arrayContaining(['127.0.0.1']));
    const failing = endpoint.reasons.filter((r) => r.code === 'address_unhealthy').length;
    const published = publishedDatums(aws.double).filter((d) => d.MetricName === 'AddressesUnhealthy');
    expect(published).toMatchObject([{
      Dimensions: [{ Name: 'AlarmGroup', Value: 'g1' }, { Name: 'Network', Value: 'dev' }, { Name: 'Endpoint', Value: 'node-1' }],
      Unit: 'Count',
      Value: failing,
    }]);
    // Never an address in a dimension.
    expect(JSON.stringify(publishedDatums(aws.double))).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it('exits 1 and says why when publishing fails, after printing the report', async () => {
    aws.double.fault('PutMetricData', { kind: 'error500' });
    const run = await vantage(['check', '--config', config('down.yaml', true), '--json', '--publish']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'up' });
    expect(run.stderr).toMatch(/^publishing failed: \d+ of \d+ datums not published to CloudWatch namespace VantageLocal in eu-central-1: .*InternalServiceError \(HTTP 500\)/);
  });

  it('refuses --publish without a central block before probing anything (exit 2)', async () => {
    const file = config('no-central.yaml', false);
    const run = await vantage(['check', '--config', file, '--publish']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toBe(`${file}: central: is required for --publish (central.account and central.region: where the metrics go)`);
    expect(aws.double.requests).toEqual([]);
  });
});
