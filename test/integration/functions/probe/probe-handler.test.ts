// The probe Lambda's handler (the TypeScript source, with endpoints pointed
// at the local AWS double) against a real hardhat node behind real HTTPS.
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeBundleDefine } from '../../../../functions/common/bundle-config.ts';
import { readEmbeddedConfig } from '../../../../functions/common/embedded-config.ts';
import { createProbeHandler } from '../../../../functions/probe/probe-handler.ts';
import type { MetricDatum } from '../../../../src/metrics/datum.ts';
import { exposureWatchFor } from '../../../../src/alarms/exposure-rule.ts';
import { reportToDatums } from '../../../../src/metrics/report-datums.ts';
import type { Report } from '../../../../src/report/report.ts';
import { publishedDatums, type PublishedDatum } from '../../../support/aws/index.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import { jsonRpcFake, serve, type TestServer } from '../../../support/servers.ts';
import { captureOutput, lambdaContext, PUBLISHER_ROLE, SECRETS, splitLines, standardConfig, startProbeWorld, type LogLine, type ProbeWorld } from './harness.ts';

useTestCredentials();

let world: ProbeWorld;
let configFile: string;
beforeAll(async () => {
  world = await startProbeWorld();
  await world.hardhat.mine(41);
  configFile = await standardConfig(world);
});
afterAll(() => world.stop());
beforeEach(() => {
  world.aws.double.clearFaults();
  world.aws.double.reset();
});

function handlerFor(file: string, env: Record<string, string> = {}, secretTtlSeconds?: number) {
  // A short publishing reserve, so deadline tests need only a few seconds of "Lambda time".
  const text = JSON.parse(probeBundleDefine(file)['globalThis.__VANTAGE_PROBE_CONFIG__']!) as string;
  const config = readEmbeddedConfig(text, join(world.dir, 'ca-out'));
  const url = world.aws.double.url;
  return {
    config,
    handler: createProbeHandler({
      config,
      env: { AWS_REGION: 'eu-west-1', VANTAGE_PUBLISHER_ROLE_ARN: PUBLISHER_ROLE, ...env },
      deadlineReserveMs: 3000,
      endpoints: { cloudwatch: url, sts: url, ssm: url, secretsmanager: url },
      secretTtlSeconds,
    }),
  };
}

function summaryOf(logs: readonly LogLine[]): LogLine & { report: Report; publish: Record<string, unknown> } {
  const runs = logs.filter((l) => l.message === 'probe run');
  expect(runs).toHaveLength(1);
  return runs[0] as LogLine & { report: Report; publish: Record<string, unknown> };
}

const find = (datums: readonly PublishedDatum[], name: string, endpoint?: string) =>
  datums.filter((d) => d.MetricName === name && (endpoint === undefined || d.Dimensions?.some((x) => x.Name === 'Endpoint' && x.Value === endpoint)));

describe('probe handler', () => {
  it('publishes the run to the central region with the assumed role: names, dimensions, values', async () => {
    const { handler } = handlerFor(configFile);
    const height = await world.hardhat.blockNumber();
    const { result, lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(result).toMatchObject({ status: 'down', shard: { shard: 0, of: 1 }, endpoints: 3, unpublished: 0 });

    const [assume] = world.aws.double.calls('sts', 'AssumeRole');
    expect(assume!.input).toMatchObject({ RoleArn: PUBLISHER_ROLE, RoleSessionName: 'vantage-probe-eu-west-1' });
    expect(assume!.region).toBe('eu-west-1');
    const puts = world.aws.double.calls('cloudwatch', 'PutMetricData');
    expect(new Set(puts.map((c) => c.region))).toEqual(new Set(['us-east-1']));
    expect(new Set(puts.map((c) => c.accessKeyId))).toEqual(new Set([world.aws.sts.issued.at(-1)!.accessKeyId]));

    const datums = publishedDatums(world.aws.double);
    expect(new Set(datums.map((d) => d.Namespace))).toEqual(new Set(['VantageTest']));
    const dims = (endpoint: string) => [
      { Name: 'Network', Value: 'local-evm' }, { Name: 'Endpoint', Value: endpoint }, { Name: 'ProbeRegion', Value: 'eu-west-1' },
    ];
    expect(find(datums, 'Up', 'node-tls')).toMatchObject([{ Dimensions: dims('node-tls'), Value: 1, Unit: 'None' }]);
    expect(find(datums, 'Up', 'node-plain')).toMatchObject([{ Value: 1 }]);
    expect(find(datums, 'Up', 'dead')).toMatchObject([{ Dimensions: dims('dead'), Value: 0 }]);
    expect(find(datums, 'Healthy', 'dead')).toMatchObject([{ Value: 0 }]);
    expect(find(datums, 'BlockHeight', 'node-tls')).toMatchObject([{ Value: height }]);
    expect(find(datums, 'HeightLag', 'node-plain')).toMatchObject([{ Value: 0, Unit: 'Count' }]);
    expect(find(datums, 'TlsDaysToExpiry', 'node-tls')[0]!.Value).toBeGreaterThan(80);
    expect(find(datums, 'TlsTime', 'node-tls')[0]!.Value).toBeGreaterThan(0);
    expect(find(datums, 'TlsTime', 'node-plain')).toEqual([]);
    expect(find(datums, 'Exposed', 'node-plain')).toMatchObject([{ Value: 0 }]);
    expect(find(datums, 'ProbeRuns')).toMatchObject([{ Dimensions: [{ Name: 'ProbeRegion', Value: 'eu-west-1' }], Value: 1, Unit: 'Count' }]);

    const { logs, emf } = splitLines(lines);
    expect(emf).toEqual([]);
    const summary = summaryOf(logs);
    expect(summary.level).toBe('INFO');
    expect(summary.publish).toMatchObject({ namespace: 'VantageTest', centralRegion: 'us-east-1', datums: datums.length, published: datums.length, unpublished: 0 });
    expect(summary.report.networks[0]!.endpoints.map((e) => e.id)).toEqual(['node-tls', 'node-plain', 'dead']);
  });

  it('never lets a secret value reach the logs, while the endpoint did receive them', async () => {
    const { handler } = handlerFor(configFile);
    const { lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(world.seen.at(-1)).toEqual({ path: `/${SECRETS.pathKey}`, authorization: `Bearer ${SECRETS.token}` });
    const output = lines.join('\n');
    for (const secret of Object.values(SECRETS)) {
      expect(output).not.toContain(secret);
      expect(output).not.toContain(secret.slice(0, 10));
    }
    const tls = summaryOf(splitLines(lines).logs).report.networks[0]!.endpoints[0]!;
    expect(tls.url).toBe(`${world.tlsUrl}/***`);
    expect(tls.status).toBe('up');
  });

  it('retries a throttled CloudWatch and still delivers the whole run', async () => {
    world.aws.double.fault('PutMetricData', { kind: 'throttle', times: 2 });
    const { handler } = handlerFor(configFile);
    const { result } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(result).toMatchObject({ unpublished: 0 });
    const outcomes = world.aws.double.requests.filter((r) => r.operation === 'PutMetricData').map((r) => r.outcome);
    expect(outcomes.slice(0, 2)).toEqual(['fault:throttle', 'fault:throttle']);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2); // the run, then its heartbeat
    expect(find(publishedDatums(world.aws.double), 'ProbeRuns')).toHaveLength(1);
  });

  it('writes the same datums as EMF lines when CloudWatch is down, and returns normally', async () => {
    world.aws.double.fault('PutMetricData', { kind: 'error500' });
    const { handler, config } = handlerFor(configFile);
    const { result, lines } = await captureOutput(() => handler({}, lambdaContext(20_000)));
    const { logs, emf } = splitLines(lines);
    const summary = summaryOf(logs);
    const expected = reportToDatums(summary.report, { detail: 'full', watchesExposure: exposureWatchFor(config.networks) });
    expect(result).toMatchObject({ published: 0, unpublished: expected.length });
    expect(publishedDatums(world.aws.double)).toEqual([]);

    const fromEmf: MetricDatum[] = emf.flatMap((line) => {
      const doc = JSON.parse(line) as Record<string, unknown> & { _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } };
      const directive = doc._aws.CloudWatchMetrics[0]!;
      expect(directive.Namespace).toBe('VantageTest');
      return directive.Metrics.flatMap((m) => [doc[m.Name] as number].flat().map((value) => ({
        name: m.Name, unit: m.Unit, value, timestamp: doc._aws.Timestamp,
        dimensions: directive.Dimensions[0]!.map((name) => ({ name, value: doc[name] as string })),
      }) as MetricDatum));
    });
    const key = (d: MetricDatum) => JSON.stringify([d.name, d.unit, d.value, d.timestamp, d.dimensions]);
    expect(fromEmf.map(key).sort()).toEqual(expected.map(key).sort());
    expect(fromEmf.find((d) => d.name === 'ProbeRuns')).toMatchObject({ value: 1, dimensions: [{ name: 'ProbeRegion', value: 'eu-west-1' }] });

    const failure = logs.find((l) => l.level === 'ERROR')!;
    expect(failure.message).toBe('metrics not published to the central account; written as EMF to this log instead');
    expect(failure['errors']).toEqual(expect.arrayContaining([expect.stringContaining('InternalServiceError (HTTP 500)')]));
  });

  it('abandons a hanging CloudWatch before the Lambda deadline and falls back to EMF', async () => {
    world.aws.double.fault('PutMetricData', { kind: 'hang' });
    const { handler } = handlerFor(configFile);
    const { result, lines } = await captureOutput(() => handler({}, lambdaContext(5_000)));
    // middy's backstop (100 ms before the deadline) answers null; a summary means the handler finished in time.
    expect(result).not.toBeNull();
    expect(result).toMatchObject({ published: 0 });
    expect(result!.unpublished).toBeGreaterThan(10);
    expect(splitLines(lines).emf.length).toBeGreaterThan(0);
    expect(world.aws.double.requests.map((r) => r.outcome)).toContain('fault:hang');
  });

  it('publishes with its own credentials and no AssumeRole when no publisher role is set', async () => {
    const { handler } = handlerFor(configFile, { VANTAGE_PUBLISHER_ROLE_ARN: '' });
    await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(world.aws.double.calls('sts')).toEqual([]);
    expect(new Set(world.aws.double.calls('cloudwatch', 'PutMetricData').map((c) => c.accessKeyId))).toEqual(new Set(['AKIDVANTAGETEST']));
  });
});

describe('probe handler secrets', () => {
  const reads = () => [world.aws.double.calls('ssm', 'GetParameter').length, world.aws.double.calls('secretsmanager', 'GetSecretValue').length];

  it('reads secret references at cold start and serves warm invocations from the cache', async () => {
    const { handler } = handlerFor(configFile);
    await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(reads()).toEqual([1, 1]);
    const { lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(reads()).toEqual([1, 1]);
    expect(summaryOf(splitLines(lines).logs).report.networks[0]!.endpoints[0]!.status).toBe('up');
  });

  it('keeps the last good values when a refresh after the TTL fails', async () => {
    const { handler } = handlerFor(configFile, {}, 0);
    await captureOutput(() => handler({}, lambdaContext(30_000)));
    world.aws.double.fault('GetParameter', { kind: 'error500' });
    const { lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    const { logs } = splitLines(lines);
    expect(logs.find((l) => l.level === 'WARN')?.message).toBe('could not refresh secret references; using the values read before');
    expect(summaryOf(logs).report.networks[0]!.endpoints[0]!.status).toBe('up');
  });

  it('an endpoint whose secret store fails past the retries is secret_unresolved; every other endpoint and the heartbeat are published', async () => {
    world.aws.double.fault('GetSecretValue', { kind: 'error500' });
    const { handler } = handlerFor(configFile);
    const { result, lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(result).toMatchObject({ status: 'down', endpoints: 3, unpublished: 0 });
    const tls = summaryOf(splitLines(lines).logs).report.networks[0]!.endpoints[0]!;
    expect(tls).toMatchObject({ id: 'node-tls', status: 'down', timings: { totalMs: null }, tls: null, chain: null });
    expect(tls.reasons).toEqual([{
      code: 'secret_unresolved',
      message: 'not probed: ${secretsmanager:vantage/path-key}: could not be read (InternalServerError: Internal server error)',
    }]);
    const datums = publishedDatums(world.aws.double);
    expect(find(datums, 'Up', 'node-tls')).toMatchObject([{ Value: 0 }]);
    expect(find(datums, 'Up', 'node-plain')).toMatchObject([{ Value: 1 }]);
    expect(find(datums, 'ProbeRuns')).toMatchObject([{ Value: 1 }]);
  });
});

describe('probe handler with a secret that cannot be resolved', () => {
  let proxy: TestServer;
  const ALGOD_TOKEN = 'algod-7d1e99c0b3a54f28';
  const GONE_SECRET = 'gone-52ab7e10c9d84e31';
  beforeAll(async () => {
    // Forwards to hardhat and records every request: an endpoint that is not probed sends nothing here.
    proxy = await serve(async (_req, res, body) => {
      const upstream = await fetch(world.hardhat.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
    });
  });
  afterAll(() => proxy.close());
  beforeEach(() => {
    world.aws.parameters.delete('/vantage/algod-token');
    world.aws.secrets.delete('vantage/gone');
  });

  const missingConfig = () => world.writeConfig('missing.yaml', `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
networks:
  - id: local-evm
    chain: evm
    endpoints:
      - id: node-tls
        url: "${world.tlsUrl}/\${secretsmanager:vantage/path-key}"
        headers: { Authorization: "Bearer \${ssm:/vantage/node-token}" }
        tls: { caFile: ./ca.pem }
      - { id: node-plain, url: "${world.hardhat.url}" }
      - { id: needs-token, url: "${proxy.url}/a", headers: { X-Api-Key: "\${ssm:/vantage/algod-token}" } }
      - id: needs-token-too
        url: "${proxy.url}/b"
        basicAuth: { username: vantage, password: "\${ssm:/vantage/algod-token}" }
      - { id: needs-gone, url: "${proxy.url}/c/\${secretsmanager:vantage/gone}" }
`);
  const unresolvedLines = (logs: readonly LogLine[]) => logs.filter((l) => l.message.startsWith('secret reference not resolved'));
  /** GetParameter requests for `name` that reached the double, answered or refused. */
  const ssmReads = (name: string) => world.aws.double.requests
    .filter((r) => r.operation === 'GetParameter' && (r.request?.input as { Name?: string } | undefined)?.Name === name).length;

  it('probes and publishes every other endpoint with the heartbeat, reports the affected ones secret_unresolved, and logs one line per reference', async () => {
    const { handler } = handlerFor(missingConfig());
    const { result, lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(result).toMatchObject({ status: 'down', endpoints: 5, unpublished: 0 });
    expect(proxy.requests).toEqual([]);

    const { logs } = splitLines(lines);
    const endpoints = summaryOf(logs).report.networks[0]!.endpoints;
    const byId = (id: string) => endpoints.find((e) => e.id === id)!;
    expect(byId('node-tls').status).toBe('up');
    expect(byId('node-plain').status).toBe('up');
    expect(byId('needs-token').reasons).toEqual([{ code: 'secret_unresolved', message: 'not probed: ${ssm:/vantage/algod-token} was not found' }]);
    expect(byId('needs-token-too').reasons).toEqual([{ code: 'secret_unresolved', message: 'not probed: ${ssm:/vantage/algod-token} was not found' }]);
    expect(byId('needs-gone')).toMatchObject({
      status: 'down',
      url: `${proxy.url}/c/\${secretsmanager:vantage/gone}`,
      reasons: [{ code: 'secret_unresolved', message: 'not probed: ${secretsmanager:vantage/gone} was not found' }],
    });

    const datums = publishedDatums(world.aws.double);
    expect(find(datums, 'Up', 'node-tls')).toMatchObject([{ Value: 1 }]);
    expect(find(datums, 'Up', 'node-plain')).toMatchObject([{ Value: 1 }]);
    for (const id of ['needs-token', 'needs-token-too', 'needs-gone']) expect(find(datums, 'Up', id)).toMatchObject([{ Value: 0 }]);
    expect(find(datums, 'ProbeRuns')).toMatchObject([{ Value: 1 }]);

    expect(unresolvedLines(logs).map((l) => [l.level, l['reference'], l['problem'], l['endpoints']])).toEqual([
      ['ERROR', '${ssm:/vantage/algod-token}', '${ssm:/vantage/algod-token} was not found', ['local-evm/needs-token', 'local-evm/needs-token-too']],
      ['ERROR', '${secretsmanager:vantage/gone}', '${secretsmanager:vantage/gone} was not found', ['local-evm/needs-gone']],
    ]);
  });

  it('asks again on the next invocation and uses a parameter created meanwhile (no failure is cached)', async () => {
    const { handler } = handlerFor(missingConfig());
    await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(ssmReads('/vantage/algod-token')).toBe(1);

    world.aws.parameters.set('/vantage/algod-token', { value: ALGOD_TOKEN, type: 'SecureString' });
    world.aws.secrets.set('vantage/gone', GONE_SECRET);
    const { lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
    expect(ssmReads('/vantage/algod-token')).toBe(2);
    // The values that were read are served from the cache: only the missing ones were asked for again.
    expect(ssmReads('/vantage/node-token')).toBe(1);

    const { logs } = splitLines(lines);
    expect(unresolvedLines(logs)).toEqual([]);
    const endpoints = summaryOf(logs).report.networks[0]!.endpoints;
    expect(endpoints.map((e) => [e.id, e.status])).toEqual([
      ['node-tls', 'up'], ['node-plain', 'up'], ['needs-token', 'up'], ['needs-token-too', 'up'], ['needs-gone', 'up'],
    ]);
    expect(proxy.requests.find((r) => r.url === '/a')?.headers['x-api-key']).toBe(ALGOD_TOKEN);
    expect(proxy.requests.find((r) => r.url === '/b')?.headers['authorization']).toBe(`Basic ${Buffer.from(`vantage:${ALGOD_TOKEN}`).toString('base64')}`);
    expect(proxy.requests.some((r) => r.url === `/c/${GONE_SECRET}`)).toBe(true);
    expect(lines.join('\n')).not.toContain(ALGOD_TOKEN);
    expect(lines.join('\n')).not.toContain(GONE_SECRET);
  });
});

describe('probe handler failures', () => {
  it('a cold start that cannot read its config logs exactly one redacted line, fails the invocation, and is tried again', async () => {
    const tries: number[] = [];
    const token = 'env-token-4c1f8e2a9b7d';
    const handler = createProbeHandler({
      config: () => {
        tries.push(tries.length);
        return readEmbeddedConfig('{"format": 1, "source": "vantage.yaml"');
      },
      env: { AWS_REGION: 'eu-west-1', NODE_TOKEN: token },
      endpoints: { cloudwatch: world.aws.double.url, sts: world.aws.double.url },
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      let error: unknown = null;
      const { lines } = await captureOutput(() => handler({}, lambdaContext(10_000)).catch((err: unknown) => void (error = err)));
      expect(error).toMatchObject({ name: 'MissingEmbeddedConfigError', message: expect.stringContaining('no usable bundled config (not JSON)') });
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as LogLine & { error: { name: string; message: string; location: string } };
      expect(line).toMatchObject({ level: 'ERROR', message: 'probe invocation failed', function_name: 'vantage-probe' });
      expect(line.error).toMatchObject({ name: 'MissingEmbeddedConfigError', message: (error as Error).message });
      expect(line.error.location).toMatch(/embedded-config\.ts:\d+:\d+$/);
      expect(lines[0]).not.toContain('    at ');
      expect(lines[0]).not.toContain(token);
      expect((error as Error).stack).not.toContain('    at ');
    }
    expect(tries).toEqual([0, 1]);
    expect(world.aws.double.requests).toEqual([]);
  });
});

describe('probe handler deadlines and shards', () => {
  it('cuts probes still running at the run deadline and reports them as timeout', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (silent.address() as { port: number }).port;
      const file = world.writeConfig('slow.yaml', `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
networks:
  - id: slow
    chain: evm
    endpoints:
      - { id: silent, url: "http://127.0.0.1:${port}", timeoutMs: 60000 }
`);
      const { handler } = handlerFor(file);
      const { result, lines } = await captureOutput(() => handler({}, lambdaContext(6_000)));
      const endpoint = summaryOf(splitLines(lines).logs).report.networks[0]!.endpoints[0]!;
      expect(endpoint.reasons.map((r) => r.code)).toEqual(['timeout']);
      expect(endpoint.reasons[0]!.message).toContain("before the run's deadline");
      expect(result).toMatchObject({ unpublished: 0 });
      expect(find(publishedDatums(world.aws.double), 'Up', 'silent')).toMatchObject([{ Value: 0 }]);
    } finally {
      silent.close();
    }
  });

  it('ends the block arrival watch at the run deadline, long before its window, and publishes what it saw', async () => {
    const file = world.writeConfig('arrival.yaml', `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
networks:
  - id: watched
    chain: evm
    blockTimeSeconds: 1
    arrival: { windowSeconds: 50, maxDelayMs: 1000 }
    endpoints:
      - { id: a, url: "${world.hardhat.url}" }
      - { id: b, url: "${world.hardhat.url}" }
`);
    const { handler } = handlerFor(file);
    await world.hardhat.setIntervalMining(1000);
    try {
      // 9 s of "Lambda time", a 3 s publishing reserve: the run's deadline comes 6 s in, 44 s before the window would end.
      const { result, lines } = await captureOutput(() => handler({}, lambdaContext(9_000)));
      expect(result).toMatchObject({ status: 'up', unpublished: 0 });
      const { logs } = splitLines(lines);
      expect(logs.map((l) => l.message)).not.toContain('invocation reached the Lambda timeout before the run finished; its metrics were not published');
      const endpoints = summaryOf(logs).report.networks[0]!.endpoints;
      for (const e of endpoints) {
        expect(e.reasons).toEqual([]);
        expect(e.arrival!.blocks).toBeGreaterThanOrEqual(2);
        expect(e.arrival!.missed).toBe(0);
      }
      const delays = find(publishedDatums(world.aws.double), 'ArrivalDelay');
      expect(delays.map((d) => d.Dimensions?.find((x) => x.Name === 'Endpoint')?.Value).sort()).toEqual(['a', 'b']);
      expect(delays.every((d) => d.Unit === 'Milliseconds' && d.Value! < 1000)).toBe(true);
    } finally {
      await world.hardhat.setIntervalMining(0);
    }
  });

  it('probes a stable slice of whole networks per shard', async () => {
    const networks = Array.from({ length: 8 }, (_, i) => `
  - id: net-${i}
    chain: evm
    endpoints:
      - { id: a, url: "${world.hardhat.url}" }
      - { id: b, url: "${world.hardhat.url}" }`).join('');
    const file = world.writeConfig('shards.yaml', `version: 1\ncentral: { account: "111111111111", region: us-east-1 }\nnetworks:${networks}\n`);
    const { handler } = handlerFor(file);
    const probed = async (event: unknown) => {
      const { lines } = await captureOutput(() => handler(event, lambdaContext(30_000)));
      const report = summaryOf(splitLines(lines).logs).report;
      for (const n of report.networks) expect(n.endpoints.map((e) => e.id)).toEqual(['a', 'b']);
      return report.networks.map((n) => n.id);
    };
    const first = await probed({ shard: 0, of: 2 });
    const second = await probed({ shard: 1, of: 2 });
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual(Array.from({ length: 8 }, (_, i) => `net-${i}`));
    expect(await probed({ shard: 0, of: 2 })).toEqual(first);
    expect(await probed({ version: '0', 'detail-type': 'Scheduled Event', source: 'aws.events' })).toHaveLength(8);
  });

  it('refuses an event naming a shard that does not exist', async () => {
    const { handler } = handlerFor(configFile);
    await expect(captureOutput(() => handler({ shard: 2, of: 2 }, lambdaContext(10_000)))).rejects.toThrow('event.shard must be a whole number from 0 to 1 (got 2)');
    expect(world.aws.double.calls('cloudwatch')).toEqual([]);
  });
});

describe('probe handler summary line', () => {
  it('stays bounded and free of control characters when a node sends a 200,000-character error full of escapes', async () => {
    const hostile = await jsonRpcFake({ eth_chainId: { error: { code: -32000, message: `\u001b[2K\u001b[1A\u0007\r${'A'.repeat(200_000)}` } } });
    try {
      const file = world.writeConfig('hostile.yaml', `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
networks:
  - id: hostile
    chain: evm
    endpoints:
      - { id: loud, url: "${hostile.url}" }
`);
      const { handler } = handlerFor(file);
      const { lines } = await captureOutput(() => handler({}, lambdaContext(30_000)));
      const summary = summaryOf(splitLines(lines).logs);
      const loud = summary.report.networks[0]!.endpoints[0]!;
      expect(loud.reasons[0]).toEqual({ code: 'rpc_error', message: `eth_chainId returned error -32000: ${'A'.repeat(200)}…` });
      // The whole line, not only that message: a few KB, where the node sent 200 KB (CloudWatch Logs takes at most 1 MB an event).
      const line = lines.find((l) => l.includes('"probe run"'))!;
      expect(line.length).toBeLessThan(10_000);
      expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f]|\\u00(?:1b|07|0d)/);
    } finally {
      await hostile.close();
    }
  });
});
