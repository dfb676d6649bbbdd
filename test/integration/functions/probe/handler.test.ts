// The built Lambda bundle (esbuild, the options the CDK app uses), imported
// and invoked in a fresh Node process the way the Lambda runtime does it: the
// AWS endpoints come from the SDK's standard AWS_ENDPOINT_URL_<SERVICE>
// variables, the config and its CA certificate from inside the bundle.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProbeBundle, type ProbeBuild } from '../../../../functions/probe/build.ts';
import { publishedDatums, TEST_CREDENTIALS } from '../../../support/aws/index.ts';
import { PUBLISHER_ROLE, SECRETS, splitLines, standardConfig, startProbeWorld, type ProbeWorld } from './harness.ts';

let world: ProbeWorld;
let bundle: ProbeBuild;
let runner: string;
beforeAll(async () => {
  world = await startProbeWorld();
  await world.hardhat.mine(7);
  const config = await standardConfig(world);
  bundle = await buildProbeBundle({ configFile: config, outDir: join(world.dir, 'dist') });
  // Files do not travel with a bundle: the CA must come from inside it.
  rmSync(world.caFile);
  runner = join(world.dir, 'invoke.mjs');
  writeFileSync(runner, `
const [bundle, remainingMs, event] = process.argv.slice(2);
const { handler } = await import(bundle);
process.stderr.write('SHAPE ' + handler.constructor.name + '/' + handler.length + '\\n');
const end = Date.now() + Number(remainingMs);
const context = {
  functionName: 'vantage-probe', functionVersion: '$LATEST', memoryLimitInMB: '512', awsRequestId: 'bundle-test',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:222222222222:function:vantage-probe',
  getRemainingTimeInMillis: () => Math.max(0, end - Date.now()),
};
const result = await handler(JSON.parse(event), context);
process.stderr.write('RESULT ' + JSON.stringify(result) + '\\n');
// Lambda freezes the process after a return; here, keep-alive sockets would keep it running.
process.exit(0);
`);
});
afterAll(() => world.stop());

function invoke(event: unknown = {}, remainingMs = 30_000): Promise<{ code: number | null; stdout: string[]; stderr: string }> {
  const url = world.aws.double.url;
  const child = spawn(process.execPath, [runner, pathToFileURL(bundle.file).href, String(remainingMs), JSON.stringify(event)], {
    cwd: world.dir,
    env: {
      PATH: process.env['PATH'],
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_ENDPOINT_URL_STS: url,
      AWS_ENDPOINT_URL_SSM: url,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: url,
      VANTAGE_PUBLISHER_ROLE_ARN: PUBLISHER_ROLE,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout: stdout.split('\n').filter(Boolean), stderr })));
}

function resultOf(stderr: string): Record<string, unknown> {
  const line = stderr.split('\n').find((l) => l.startsWith('RESULT '));
  if (!line) throw new Error(`no result; stderr:\n${stderr}`);
  return JSON.parse(line.slice('RESULT '.length)) as Record<string, unknown>;
}

describe('the built probe bundle', () => {
  it('is one ESM file with the AWS SDK inside and a source map beside it', () => {
    expect(bundle.file.endsWith('index.mjs')).toBe(true);
    expect(bundle.bytes).toBe(statSync(bundle.file).size);
    expect(existsSync(`${bundle.file}.map`)).toBe(true);
  });

  it('probes over TLS with the embedded CA, resolves secrets, and publishes to the central account', async () => {
    const height = await world.hardhat.blockNumber();
    const { code, stdout, stderr } = await invoke();
    expect(code).toBe(0);
    expect(resultOf(stderr)).toMatchObject({ status: 'down', endpoints: 3, unpublished: 0 });
    // nodejs24.x accepts only promise handlers of (event, context), no callback.
    expect(stderr).toContain('SHAPE AsyncFunction/2');

    expect(world.aws.double.calls('ssm', 'GetParameter').map((c) => (c.input as { Name: string }).Name)).toEqual(['/vantage/node-token']);
    expect(world.aws.double.calls('secretsmanager', 'GetSecretValue').map((c) => (c.input as { SecretId: string }).SecretId)).toEqual(['vantage/path-key']);
    expect(world.aws.double.calls('sts', 'AssumeRole')).toHaveLength(1);

    const datums = publishedDatums(world.aws.double);
    const value = (name: string, endpoint: string) =>
      datums.find((d) => d.MetricName === name && d.Dimensions?.some((x) => x.Name === 'Endpoint' && x.Value === endpoint))?.Value;
    expect(value('Up', 'node-tls')).toBe(1);
    expect(value('BlockHeight', 'node-tls')).toBe(height);
    expect(value('Up', 'dead')).toBe(0);
    expect(datums.filter((d) => d.MetricName === 'ProbeRuns')).toHaveLength(1);

    const { logs } = splitLines(stdout);
    const summary = logs.find((l) => l.message === 'probe run') as { report: { networks: { endpoints: { id: string; url: string; status: string }[] }[] } } | undefined;
    expect(summary?.report.networks[0]!.endpoints[0]).toMatchObject({ id: 'node-tls', url: `${world.tlsUrl}/***`, status: 'up' });
    for (const secret of Object.values(SECRETS)) expect(`${stdout.join('\n')}\n${stderr}`).not.toContain(secret);
  });

  it('with one SSM parameter missing, still publishes every other endpoint and the heartbeat, and names the reference', async () => {
    world.aws.double.reset();
    world.aws.parameters.delete('/vantage/node-token');
    try {
      const { code, stdout, stderr } = await invoke();
      expect(code).toBe(0);
      expect(resultOf(stderr)).toMatchObject({ status: 'down', endpoints: 3, unpublished: 0 });
      const datums = publishedDatums(world.aws.double);
      const up = (endpoint: string) => datums.find((d) => d.MetricName === 'Up' && d.Dimensions?.some((x) => x.Value === endpoint))?.Value;
      expect([up('node-tls'), up('node-plain'), up('dead')]).toEqual([0, 1, 0]);
      expect(datums.filter((d) => d.MetricName === 'ProbeRuns')).toHaveLength(1);
      const errors = stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(errors.filter((l) => String(l['message']).startsWith('secret reference not resolved'))).toMatchObject([
        { level: 'ERROR', reference: '${ssm:/vantage/node-token}', problem: '${ssm:/vantage/node-token} was not found', endpoints: ['local-evm/node-tls'] },
      ]);
      const summary = splitLines(stdout).logs.find((l) => l.message === 'probe run') as unknown as { report: { networks: { endpoints: { reasons: unknown[] }[] }[] } };
      expect(summary.report.networks[0]!.endpoints[0]!.reasons).toEqual([{ code: 'secret_unresolved', message: 'not probed: ${ssm:/vantage/node-token} was not found' }]);
    } finally {
      world.aws.parameters.set('/vantage/node-token', { value: SECRETS.token, type: 'SecureString' });
    }
  });

  it('falls back to EMF on stdout and exits cleanly when CloudWatch is down', async () => {
    world.aws.double.reset();
    world.aws.double.fault('PutMetricData', { kind: 'error500' });
    try {
      const { code, stdout, stderr } = await invoke({ shard: 0, of: 1 }, 20_000);
      expect(code).toBe(0);
      const result = resultOf(stderr);
      expect(result['published']).toBe(0);
      const { emf } = splitLines(stdout);
      const values = emf.reduce((n, line) => {
        const doc = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } };
        return n + doc._aws.CloudWatchMetrics[0]!.Metrics.reduce((m, metric) => m + [doc[metric.Name]].flat().length, 0);
      }, 0);
      expect(values).toBe(result['unpublished']);
      expect(stderr).toContain('metrics not published to the central account');
    } finally {
      world.aws.double.clearFaults();
    }
  });
});
