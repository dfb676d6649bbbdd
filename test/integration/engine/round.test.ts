// One round over real servers: concurrency limit, network selection (shards
// keep networks whole), the run deadline, progress, redaction.
import { afterAll, describe, expect, it } from 'vitest';
import { runRound } from '../../../src/engine/round.ts';
import { evmAnswers, jsonRpcFake, neverAnswers, serve, type TestServer } from '../../support/servers.ts';
import { prepareConfigText } from '../../../src/config/index.ts';
import { parseConfigText } from '../../../src/config/load.ts';
import { resolveReferences } from '../../../src/config/resolve-secrets.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';

const servers: TestServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const prepared = (config: unknown, env: Record<string, string> = {}) => prepareConfigText(JSON.stringify(config), { env });

describe('runRound', () => {
  it('probes probe.concurrency endpoints at a time and reports them in config order', async () => {
    let inFlight = 0;
    let most = 0;
    // Each request is held until a second one is in flight: a round that
    // probes two at a time finishes, one that probed one at a time would time
    // out, and no clock decides which requests overlap. (The upper limit is
    // counted exactly in test/unit/engine/map-concurrent.test.ts.)
    const held: Array<() => void> = [];
    const slow = await serve(async (_req, res) => {
      most = Math.max(most, ++inFlight);
      await new Promise<void>((release) => {
        held.push(release);
        if (held.length >= 2) for (const r of held.splice(0)) r();
      });
      inFlight--;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"h": 1}');
    });
    servers.push(slow);
    const endpoints = Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, url: `${slow.url}/${i}`, heightPointer: '/h' }));
    const { config, redactor } = await prepared({ version: 1, probe: { concurrency: 2 }, networks: [{ id: 'n', chain: 'http-json', endpoints }] });
    const progress: Array<[number, number]> = [];
    const report = await runRound(config, redactor, { region: 'local', onProbe: (done, total) => progress.push([done, total]) });
    expect(report.status).toBe('up');
    expect(most).toBe(2);
    expect(progress).toEqual([[1, 6], [2, 6], [3, 6], [4, 6], [5, 6], [6, 6]]);
    // Report order is config order, whatever order probes finished in.
    expect(report.networks[0]!.endpoints.map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
  });

  it('probes only the selected networks, each whole', async () => {
    const x = await jsonRpcFake(evmAnswers({ height: 10 }));
    const y = await jsonRpcFake(evmAnswers({ height: 10 }));
    servers.push(x, y);
    const { config, redactor } = await prepared({
      version: 1,
      networks: [
        { id: 'x', chain: 'evm', endpoints: [{ id: 'x1', url: x.url }, { id: 'x2', url: x.url }] },
        { id: 'y', chain: 'evm', endpoints: [{ id: 'y1', url: y.url }] },
      ],
    });
    const report = await runRound(config, redactor, { region: 'local', selectNetwork: (n) => n.id === 'x' });
    expect(report.networks.map((n) => n.id)).toEqual(['x']);
    expect(report.networks[0]!.endpoints.map((e) => e.id)).toEqual(['x1', 'x2']);
    expect(y.requests).toHaveLength(0);
  });

  it('at the run deadline unfinished probes become timeout; finished ones keep their results', async () => {
    const stuck = await neverAnswers();
    const fine = await jsonRpcFake(evmAnswers({ height: 10 }));
    servers.push(stuck, fine);
    const { config, redactor } = await prepared({
      version: 1,
      networks: [{ id: 'n', chain: 'evm', endpoints: [{ id: 'fine', url: fine.url }, { id: 'stuck', url: stuck.url, timeoutMs: 60_000 }] }],
    });
    const deadline = new AbortController();
    const round = runRound(config, redactor, { region: 'local', runSignal: deadline.signal, onProbe: (done) => done === 1 && deadline.abort() });
    const report = await round;
    const [fineResult, stuckResult] = report.networks[0]!.endpoints;
    expect(fineResult!.status).toBe('up');
    expect(stuckResult!.reasons).toEqual([{ code: 'timeout', message: "connected, but no HTTP response before the run's deadline" }]);
  });

  it('reports the URL with its secret redacted, and the injected clock', async () => {
    const fake = await jsonRpcFake(evmAnswers({ height: 10 }));
    servers.push(fake);
    const { config, redactor } = await prepared(
      { version: 1, networks: [{ id: 'n', chain: 'evm', endpoints: [{ id: 'e', url: `${fake.url}/v3/\${env:KEY}` }] }] },
      { KEY: 'c0ffee-secret-key' },
    );
    const now = Date.parse('2030-01-01T00:00:00Z');
    const report = await runRound(config, redactor, { region: 'ap-south-1', now: () => now });
    expect(report.startedAt).toBe('2030-01-01T00:00:00.000Z');
    expect(report.region).toBe('ap-south-1');
    expect(report.networks[0]!.endpoints[0]!.url).toBe(`${fake.url}/v3/***`);
    expect(fake.requests[0]!.url).toBe('/v3/c0ffee-secret-key');
  });

  it('does not contact an endpoint whose secret did not resolve: secret_unresolved, and its peers agree without it', async () => {
    const [needsKey, peer] = [await jsonRpcFake(evmAnswers({ height: 10 })), await jsonRpcFake(evmAnswers({ height: 10 }))];
    servers.push(needsKey, peer);
    const loaded = parseConfigText(JSON.stringify({
      version: 1,
      networks: [{ id: 'n', chain: 'evm', endpoints: [
        { id: 'keyed', url: `${needsKey.url}/v3/\${env:VANTAGE_TEST_UNSET_KEY}` },
        { id: 'peer', url: peer.url },
      ] }],
    }), { file: null, baseDir: process.cwd() });
    const { config, redactor } = await resolveReferences(applyDefaults(loaded), { env: {} });
    const report = await runRound(config, redactor, { region: 'local' });
    const [keyed, other] = report.networks[0]!.endpoints;
    expect(keyed).toMatchObject({
      status: 'down',
      url: `${needsKey.url}/v3/\${env:VANTAGE_TEST_UNSET_KEY}`,
      reasons: [{ code: 'secret_unresolved', message: 'not probed: environment variable VANTAGE_TEST_UNSET_KEY is not set (referenced as ${env:VANTAGE_TEST_UNSET_KEY})' }],
      timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null },
      tls: null,
      chain: null,
    });
    expect(needsKey.requests).toEqual([]);
    expect(other).toMatchObject({ status: 'up', chain: { height: 10, lagBlocks: 0 } });
    expect(report.networks[0]!.referenceHeight).toBe(10);
  });
});

