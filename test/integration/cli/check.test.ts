// `vantage check` end to end, as a child process, against real hardhat
// nodes and real servers on 127.0.0.1: the table, the JSON report field for
// field, agreement across nodes, exit codes, and secrets that never leave.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { check } from '../../../src/cli/commands/check.ts';
import { NODE_TEXT_MAX } from '../../../src/report/node-text.ts';
import { createCa, issueLeaf } from '../../support/certificates.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { runVantage, type CliRun } from '../../support/vantage-cli.ts';
import { closedPort, evmAnswers, jsonRpcFake, neverAnswers, serve, type TestServer } from '../../support/servers.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SCRATCH = mkdtempSync(join(tmpdir(), 'vantage-cli-'));

const vantage = runVantage;

let counter = 0;
function configFile(config: unknown): string {
  const file = join(SCRATCH, `config-${++counter}.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

const evmNetwork = (id: string, endpoints: unknown[], extra: Record<string, unknown> = {}) => ({ id, chain: 'evm', ...extra, endpoints });

const nodes: HardhatNode[] = [];
const servers: Array<{ close(): Promise<void> }> = [];
let a: HardhatNode;
let b: HardhatNode;
let c: HardhatNode;
let behind: HardhatNode;

beforeAll(async () => {
  [a, b, c, behind] = await Promise.all([startHardhat(), startHardhat(), startHardhat(), startHardhat()]);
  nodes.push(a!, b!, c!, behind!);
  // Heights 100, 99, 98 agree within maxLagBlocks 3; 40 does not.
  await Promise.all([a!.mine(100), b!.mine(99), c!.mine(98), behind!.mine(40)]);
});

afterAll(async () => {
  await Promise.all([...nodes.map((n) => n.stop()), ...servers.map((s) => s.close())]);
});

async function track<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}

describe('vantage check against a real hardhat node', () => {
  it('all up: exit 0, a table naming the network, endpoint, status and height', async () => {
    await a.mine(0);
    const file = configFile({ version: 1, networks: [evmNetwork('local-evm', [{ id: 'node-1', url: a.url }], { expect: { chainId: 31337 } })] });
    const run = await vantage(['check', '--config', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^✓ UP {2}region local · \d{4}-\d\d-\d\dT[\d:.]+Z · \d+ ms$/);
    expect(lines[2]).toBe('local-evm (evm)  ✓ up  reference height 100');
    expect(lines[3]).toMatch(/^ {2}ENDPOINT +STATUS +HEIGHT +LAG +HEAD AGE +FINALITY LAG +BLOCK INTERVAL +DNS +CONNECT +TLS +TTFB +TOTAL +CERT DAYS$/);
    // hardhat's finalized block is its latest (lag 0); hardhat_mine spaces blocks 1 s apart.
    expect(lines[4]).toMatch(/^ {2}node-1 +✓ up +100 +0 +\d+\.\d s +0 s +1\.0 s +- +[\d.]+ ms +- +[\d.]+ ms +[\d.]+ ms +-$/);
  });

  it('a chain id other than expect.chainId: wrong_chain, exit 1', async () => {
    const file = configFile({ version: 1, networks: [evmNetwork('mainnet', [{ id: 'node-1', url: a.url }], { expect: { chainId: 1 } })] });
    const run = await vantage(['check', '--config', file, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.networks[0]!.endpoints[0]!.reasons).toEqual([{ code: 'wrong_chain', message: 'chainId is 31337, expected 1' }]);
    expect(report.status).toBe('down');
  });

  it('--region names the region in the report', async () => {
    const file = configFile({ version: 1, networks: [evmNetwork('n', [{ id: 'e', url: a.url }])] });
    const run = await vantage(['check', '--config', file, '--json', '--region', 'eu-west-1'], { AWS_REGION: 'us-east-1' });
    expect((JSON.parse(run.stdout) as Report).region).toBe('eu-west-1');
    // AWS_REGION alone (outside Lambda) does not name the region.
    const local = await vantage(['check', '--config', file, '--json'], { AWS_REGION: 'us-east-1' });
    expect((JSON.parse(local.stdout) as Report).region).toBe('local');
  });
});

describe('agreement across real nodes', () => {
  it('three nodes within maxLagBlocks and one server far ahead: the liar is ahead, the others are up', async () => {
    const liar = await track(jsonRpcFake(evmAnswers({ height: 1_000_000, chainId: 31337 })));
    const file = configFile({
      version: 1,
      networks: [evmNetwork('eth', [
        { id: 'a', url: a.url }, { id: 'b', url: b.url }, { id: 'c', url: c.url }, { id: 'liar', url: liar.url },
      ])],
    });
    const run = await vantage(['check', '--config', file, '--json']);
    expect(run.code).toBe(1);
    const network = (JSON.parse(run.stdout) as Report).networks[0]!;
    expect(network.referenceHeight).toBe(100);
    const byId = Object.fromEntries(network.endpoints.map((e) => [e.id, e]));
    expect(byId['liar']!.reasons).toEqual([{
      code: 'ahead',
      message: 'height 1000000 is 999900 blocks above reference 100 (max 3): a fork, another network, or a proxy that lies',
    }]);
    expect(byId['liar']!.status).toBe('degraded');
    for (const id of ['a', 'b', 'c']) {
      expect(byId[id]!.reasons, id).toEqual([]);
      expect(byId[id]!.status).toBe('up');
    }
    expect([byId['a']!.chain!.lagBlocks, byId['b']!.chain!.lagBlocks, byId['c']!.chain!.lagBlocks, byId['liar']!.chain!.lagBlocks])
      .toEqual([0, 1, 2, -999_900]);
    expect(network.status).toBe('degraded');
  });

  it('a node further behind than maxLagBlocks is lagging; a lagging reference endpoint does not move the network', async () => {
    const file = configFile({
      version: 1,
      networks: [
        evmNetwork('watched', [{ id: 'a', url: a.url }, { id: 'b', url: b.url }, { id: 'behind', url: behind.url }]),
        evmNetwork('ref-only', [{ id: 'a', url: a.url }, { id: 'b', url: b.url }, { id: 'public', url: behind.url, reference: true }]),
      ],
    });
    const run = await vantage(['check', '--config', file, '--json']);
    const [watched, refOnly] = (JSON.parse(run.stdout) as Report).networks;
    const lagging = watched!.endpoints.find((e) => e.id === 'behind')!;
    expect(lagging.reasons).toEqual([{ code: 'lagging', message: 'height 40 is 59 blocks behind reference 99 (max 3)' }]);
    expect(watched!.status).toBe('degraded');
    const reference = refOnly!.endpoints.find((e) => e.id === 'public')!;
    expect(reference.status).toBe('degraded');
    expect(refOnly!.status).toBe('up');
    expect(run.code).toBe(1);
  });
});

// ---------------------------------------------------------------------------
// The JSON report, field for field (DESIGN.md "JSON report")

interface Report {
  schemaVersion: number; startedAt: string; durationMs: number; region: string; status: string;
  networks: Array<{
    id: string; chain: string; status: string; referenceHeight: number | null; accounts: unknown[];
    endpoints: Array<{
      id: string; url: string; reference: boolean; status: string; reasons: Array<{ code: string; message: string }>;
      timings: Record<string, number | null>; tls: Record<string, unknown> | null; chain: Record<string, number | boolean | null> | null;
      arrival: Record<string, number | null> | null;
      addresses: Array<Record<string, unknown>>;
    }>;
  }>;
}

const REPORT_KEYS = ['schemaVersion', 'startedAt', 'durationMs', 'region', 'status', 'networks'];
const NETWORK_KEYS = ['id', 'chain', 'status', 'referenceHeight', 'endpoints', 'accounts'];
const ENDPOINT_KEYS = ['id', 'url', 'reference', 'status', 'reasons', 'timings', 'tls', 'chain', 'arrival', 'addresses'];
const TIMING_KEYS = ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'totalMs', 'upgradeMs', 'firstNotificationMs'];
const ADDRESS_KEYS = ['address', 'family', 'primary', 'status', 'reasons', 'ttfbMs', 'height'];
const TLS_KEYS = ['protocol', 'notAfter', 'daysToExpiry', 'issuer', 'subject', 'trusted', 'hostnameMatch'];
const CHAIN_KEYS = ['height', 'lagBlocks', 'headAgeSeconds', 'syncing', 'peers', 'finalizedHeight', 'finalityLagBlocks', 'finalityLagSeconds', 'blockIntervalSeconds'];
const ARRIVAL_KEYS = ['blocks', 'p50Ms', 'maxMs', 'missed', 'resolutionMs'];

describe('the --json report', () => {
  let report: Report;
  let run: CliRun;

  beforeAll(async () => {
    const ca = await createCa('Report Test CA');
    const https = await track(jsonRpcFake(evmAnswers({ height: 100, chainId: 31337, peers: 12 }), { tls: await issueLeaf(ca, { names: ['127.0.0.1'], toDays: 61 }) }));
    const refused = await closedPort();
    const open = await track(serve((_req, res) => void res.end('{}')));
    await a.mine(0);
    const file = configFile({
      version: 1,
      networks: [evmNetwork('eth-local', [
        { id: 'hardhat', url: a.url },
        { id: 'https', url: https.url, tls: { caFile: ca.caFile } },
        { id: 'refused', url: `http://127.0.0.1:${refused}` },
        { id: 'admin', url: open.url, visibility: 'private' },
        { id: 'ref', url: b.url, reference: true },
      ])],
    });
    run = await vantage(['check', '--config', file, '--json']);
    report = JSON.parse(run.stdout) as Report;
  });

  it('is the only thing on stdout, exit 1 when not all up', () => {
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('}\n')).toBe(true);
  });

  it('has every field of DESIGN.md in its order at every level, nothing missing and nothing more', () => {
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(report).toMatchObject({ schemaVersion: 1, region: 'local', status: 'down' });
    expect(new Date(report.startedAt).toISOString()).toBe(report.startedAt);
    expect(Number.isInteger(report.durationMs)).toBe(true);
    const network = report.networks[0]!;
    expect(Object.keys(network)).toEqual(NETWORK_KEYS);
    expect(network).toMatchObject({ id: 'eth-local', chain: 'evm', status: 'down', referenceHeight: 100, accounts: [] });
    for (const endpoint of network.endpoints) {
      expect(Object.keys(endpoint), endpoint.id).toEqual(ENDPOINT_KEYS);
      expect(Object.keys(endpoint.timings)).toEqual(TIMING_KEYS);
      if (endpoint.tls) expect(Object.keys(endpoint.tls)).toEqual(TLS_KEYS);
      if (endpoint.chain) expect(Object.keys(endpoint.chain)).toEqual(CHAIN_KEYS);
      for (const r of endpoint.reasons) expect(Object.keys(r)).toEqual(['code', 'message']);
      for (const a of endpoint.addresses) expect(Object.keys(a), endpoint.id).toEqual(ADDRESS_KEYS);
      // HTTP endpoints: the WebSocket phases are there, null.
      expect(endpoint.timings).toMatchObject({ upgradeMs: null, firstNotificationMs: null });
      // No arrival configured: present and null.
      expect(endpoint.arrival).toBeNull();
    }
    // Every public endpoint lists the address it probed (an IP literal: that one); a private one lists none.
    expect(network.endpoints.map((e) => [e.id, e.addresses.map((a) => `${a['address']} ${a['status']}`)])).toEqual([
      ['hardhat', ['127.0.0.1 up']], ['https', ['127.0.0.1 up']], ['refused', ['127.0.0.1 down']], ['admin', []], ['ref', ['127.0.0.1 up']],
    ]);
  });

  it('with arrival set, watched endpoints carry every arrival field; the private one and a dead one null', async () => {
    const refused = await closedPort();
    const file = configFile({
      version: 1,
      networks: [evmNetwork('eth-local', [
        { id: 'hardhat', url: a.url },
        { id: 'ref', url: b.url, reference: true },
        { id: 'refused', url: `http://127.0.0.1:${refused}` },
        { id: 'admin', url: `http://127.0.0.1:${refused}`, visibility: 'private' },
      ], { blockTimeSeconds: 2, arrival: { windowSeconds: 1, maxDelayMs: 500 } })],
    });
    const arrivalRun = await vantage(['check', '--config', file, '--json']);
    const byId = Object.fromEntries((JSON.parse(arrivalRun.stdout) as Report).networks[0]!.endpoints.map((e) => [e.id, e]));
    for (const id of ['hardhat', 'ref']) {
      expect(Object.keys(byId[id]!.arrival!)).toEqual(ARRIVAL_KEYS);
      // hardhat mines on demand here: no new block in the window, nothing judged.
      expect(byId[id]!.arrival).toEqual({ blocks: 0, p50Ms: null, maxMs: null, missed: 0, resolutionMs: 500 });
    }
    expect(byId['refused']!.arrival).toBeNull();
    expect(byId['admin']!.arrival).toBeNull();
  });

  it('on a terminal, says it is watching block arrival for the longest window, then clears the line', async () => {
    const file = configFile({
      version: 1,
      networks: [
        evmNetwork('short', [{ id: 'a', url: a.url }], { arrival: { windowSeconds: 1, maxDelayMs: 500 } }),
        evmNetwork('long', [{ id: 'b', url: b.url }], { arrival: { windowSeconds: 2, maxDelayMs: 500 } }),
      ],
    });
    const stderr = Object.assign(new PassThrough(), { isTTY: true });
    const stdout = new PassThrough();
    let progress = '';
    stderr.on('data', (c: Buffer) => (progress += c.toString()));
    stdout.resume();
    await check.run(['--config', file], { stdout, stderr, env: {}, signal: new AbortController().signal });
    expect(progress).toContain('\r\x1b[2Kprobing 2/2 endpoints\r\x1b[2Kwatching block arrival for 2 s\r\x1b[2K');
  });

  it('a healthy plain-HTTP node: tls null, no DNS or TLS phase, chain read, peers null (hardhat refuses net_peerCount)', () => {
    const e = report.networks[0]!.endpoints.find((x) => x.id === 'hardhat')!;
    expect(e).toMatchObject({ url: a.url, reference: false, status: 'up', reasons: [], tls: null });
    expect(e.timings).toMatchObject({ dnsMs: null, tlsMs: null });
    for (const k of ['connectMs', 'ttfbMs', 'totalMs']) expect(typeof e.timings[k]).toBe('number');
    // hardhat's finalized block is its latest; hardhat_mine spaced the blocks 1 s apart.
    expect(e.chain).toEqual({
      height: 100, lagBlocks: 0, headAgeSeconds: expect.any(Number), syncing: false, peers: null,
      finalizedHeight: 100, finalityLagBlocks: 0, finalityLagSeconds: 0, blockIntervalSeconds: 1,
    });
  });

  it('an HTTPS node: every TLS field and every phase but DNS', () => {
    const e = report.networks[0]!.endpoints.find((x) => x.id === 'https')!;
    expect(e.status).toBe('up');
    expect(e.tls).toEqual({
      protocol: 'TLSv1.3', notAfter: expect.any(String), daysToExpiry: expect.any(Number),
      issuer: 'CN=Report Test CA', subject: 'CN=127.0.0.1', trusted: true, hostnameMatch: true,
    });
    expect(e.timings.dnsMs).toBeNull();
    for (const k of ['connectMs', 'tlsMs', 'ttfbMs', 'totalMs']) expect(typeof e.timings[k]).toBe('number');
    expect(e.chain).toMatchObject({ height: 100, lagBlocks: 0, syncing: false, peers: 12 });
  });

  it('a refused endpoint: down, tls and chain null, only the phases that happened', () => {
    const e = report.networks[0]!.endpoints.find((x) => x.id === 'refused')!;
    expect(e).toMatchObject({ status: 'down', tls: null, chain: null });
    expect(e.reasons.map((r) => r.code)).toEqual(['connect_refused']);
    expect(e.timings).toMatchObject({ dnsMs: null, tlsMs: null, ttfbMs: null });
  });

  it('a private endpoint that accepts connections: exposed_private_endpoint', () => {
    const e = report.networks[0]!.endpoints.find((x) => x.id === 'admin')!;
    expect(e).toMatchObject({ status: 'degraded', tls: null, chain: null });
    expect(e.reasons.map((r) => r.code)).toEqual(['exposed_private_endpoint']);
  });

  it('a reference endpoint is reported with reference: true and takes part in agreement', () => {
    const e = report.networks[0]!.endpoints.find((x) => x.id === 'ref')!;
    expect(e).toMatchObject({ reference: true, status: 'up' });
    expect(e.chain!['lagBlocks']).toBe(1);
  });
});

// ---------------------------------------------------------------------------

describe('secrets never leave the process', () => {
  const PATH_CANARY = 'cAnArY-pAtH-5d41402abc4b2a76b9719d911017c592';
  const HEADER_CANARY = 'canary-header-7215ee9c7d9dc229d2921a40e899ec5f';
  // A secret host name: URLs lower-case it, DNS errors name it.
  const HOST_CANARY = 'CanaryHost-0cc175b9c0f1b6a8';
  let echo: TestServer;
  let file: string;

  beforeAll(async () => {
    // Echoes what it was sent back in each of the ways servers do.
    echo = await track(serve((req, res) => {
      const seen = `${req.method} ${req.url} key=${String(req.headers['x-api-key'])}`;
      const mode = new URL(req.url ?? '/', 'http://x').searchParams.get('mode');
      if (mode === 'status') {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`Cannot ${seen}`);
      } else if (mode === 'clip') {
        // Puts the canary across the point where messages clip a body (NODE_TEXT_MAX): 11 of its characters before the mark.
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`${'x'.repeat(NODE_TEXT_MAX - 20)} ${seen}`);
      } else if (mode === 'redirect') {
        res.writeHead(302, { location: `https://login.example.com/?next=${encodeURIComponent(req.url ?? '')}&k=${String(req.headers['x-api-key'])}` });
        res.end();
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32000, message: `refused ${seen}` } }));
      }
    }));
    const endpoint = (id: string, mode: string) => ({
      id, url: `${echo.url}/v3/\${env:CANARY_PATH}?mode=${mode}`, headers: { 'X-Api-Key': '${env:CANARY_HEADER}' },
    });
    file = configFile({
      version: 1,
      networks: [
        evmNetwork('evm', [
          endpoint('status', 'status'), endpoint('clip', 'clip'), endpoint('redirect', 'redirect'), endpoint('rpc', 'rpc'),
          { id: 'host', url: 'http://${env:CANARY_HOST}.invalid/' },
        ]),
        { id: 'api', chain: 'http-json', endpoints: [{ ...endpoint('get', 'status'), heightPointer: '/height' }] },
      ],
    });
  });

  for (const json of [false, true]) {
    it(`the canaries a server echoes back appear in no output (${json ? 'JSON' : 'table'})`, async () => {
      const before = echo.requests.length;
      const run = await vantage(['check', '--config', file, ...(json ? ['--json'] : [])], { CANARY_PATH: PATH_CANARY, CANARY_HEADER: HEADER_CANARY, CANARY_HOST: HOST_CANARY });
      // The server did receive the secrets, and echoed them into the messages...
      const sent = echo.requests.slice(before);
      expect(sent.some((r) => r.url.includes(PATH_CANARY) && r.headers['x-api-key'] === HEADER_CANARY)).toBe(true);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('***');
      // ...and no part of them is printed.
      const output = run.stdout + run.stderr;
      expect(run.stdout).toContain('***.invalid');
      for (const canary of [PATH_CANARY, HEADER_CANARY, HOST_CANARY]) {
        expect(output).not.toContain(canary);
        expect(output).not.toContain(canary.slice(0, 8));
        expect(output.toLowerCase()).not.toContain(canary.toLowerCase().slice(0, 8));
      }
    });
  }
});

describe('credentials written literally', () => {
  const LITERAL_KEY = '4f1c2b9e8d7a6c5b4a3f2e1d0c9b8a7f6e5d4c3b';
  const LITERAL_PROJECT = 'acme-prod-7f3a';

  it('warns once per value on stderr, naming the config path, and redacts them like resolved secrets', async () => {
    // Echoes the path and the project header back in an error, as servers do.
    const echo = await track(serve((req, res) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Cannot ${req.method} ${req.url} project=${String(req.headers['x-project-id'])}`);
    }));
    const endpoint = (id: string) => ({ id, url: `${echo.url}/${LITERAL_KEY}/rpc`, headers: { 'X-Project-Id': LITERAL_PROJECT } });
    const file = configFile({ version: 1, networks: [evmNetwork('evm', [endpoint('one'), endpoint('two')])] });
    for (const args of [['--json'], []]) {
      const before = echo.requests.length;
      const run = await vantage(['check', '--config', file, ...args]);
      expect(echo.requests.slice(before).every((r) => r.url.includes(LITERAL_KEY) && r.headers['x-project-id'] === LITERAL_PROJECT)).toBe(true);
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n').filter(Boolean)).toEqual([
        expect.stringMatching(new RegExp(`^${file}:\\d+: warning: networks\\[0\\]\\.endpoints\\[0\\]\\.url: a URL path segment looks like a credential written literally \\(also written at 1 more place\\);`)),
        expect.stringMatching(new RegExp(`^${file}:\\d+: warning: networks\\[0\\]\\.endpoints\\[0\\]\\.headers\\.X-Project-Id: the header value looks like a credential written literally \\(also written at 1 more place\\);`)),
      ]);
      expect(run.stdout).toContain('***');
      for (const literal of [LITERAL_KEY, LITERAL_PROJECT]) expect(run.stdout + run.stderr).not.toContain(literal.slice(0, 8));
    }
  });
});

describe('short secrets', () => {
  it('a secret that is a common word leaves JSON keys and reason codes intact', async () => {
    const refused = await closedPort();
    const file = configFile({
      version: 1,
      networks: [evmNetwork('n', [
        { id: 'e1', url: a.url, basicAuth: { username: '${env:U1}', password: '${env:P}' } },
        { id: 'e2', url: `http://127.0.0.1:${refused}`, basicAuth: { username: '${env:U2}', password: '${env:P}' } },
      ])],
    });
    const run = await vantage(['check', '--config', file, '--json'], { U1: 'status', U2: 'connect', P: 'pw-2b1c9e' });
    const report = JSON.parse(run.stdout) as Report;
    expect(Object.keys(report)).toEqual(REPORT_KEYS);
    expect(Object.keys(report.networks[0]!.endpoints[0]!)).toEqual(ENDPOINT_KEYS);
    expect(report.networks[0]!.endpoints[1]!.reasons.map((r) => r.code)).toEqual(['connect_refused']);
    // In messages a secret is redacted wherever it appears, even inside a word.
    expect(report.networks[0]!.endpoints[1]!.reasons[0]!.message).toMatch(/^\*\*\*ion refused by 127\.0\.0\.1:\d+/);
  });
});

describe('exit codes and usage', () => {
  it('a usage error is exit 2 with one line on stderr and nothing on stdout', async () => {
    expect(await vantage(['check'])).toEqual({ code: 2, stdout: '', stderr: 'vantage check: --config FILE is required (see "vantage check --help")\n' });
    const unknown = await vantage(['check', '--config', 'x.yaml', '--jsn']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^vantage check: Unknown option '--jsn'.*\(see "vantage check --help"\)\n$/);
    expect(await vantage(['chek'])).toMatchObject({ code: 2, stdout: '' });
  });

  it('no command: the help on stderr, exit 2', async () => {
    const run = await vantage([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage: vantage <command> [options]');
  });

  it('Ctrl-C during a round ends it: unfinished probes are timeout, the report is still printed', async () => {
    const silent = await track(neverAnswers());
    const file = configFile({ version: 1, networks: [evmNetwork('n', [{ id: 'stuck', url: silent.url, timeoutMs: 60_000 }])] });
    const child = spawn(process.execPath, ['bin/vantage.js', 'check', '--config', file, '--json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Interrupt once the request reached the server.
    while (silent.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    const endpoint = (JSON.parse(stdout) as Report).networks[0]!.endpoints[0]!;
    expect(endpoint.reasons).toEqual([{ code: 'timeout', message: "connected, but no HTTP response before the run's deadline" }]);
  });
});

describe('--help', () => {
  it('vantage --help lists every command, exit 0', async () => {
    const { commands } = await import('../../../src/cli/commands/index.ts');
    const run = await vantage(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    for (const command of commands) expect(run.stdout).toMatch(new RegExp(`^  ${command.name} +\\S`, 'm'));
  });

  it('every command has --help: its usage on stdout, exit 0, nothing on stderr', async () => {
    const { commands } = await import('../../../src/cli/commands/index.ts');
    expect(commands.map((c) => c.name)).toContain('check');
    for (const command of commands) {
      const run = await vantage([command.name, '--help']);
      expect(run, command.name).toEqual({ code: 0, stdout: expect.stringMatching(new RegExp(`^Usage: vantage ${command.name}\\b`)), stderr: '' });
    }
  });
});
