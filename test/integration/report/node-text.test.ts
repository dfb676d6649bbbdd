// Hostile node text, end to end (DESIGN.md, "Text from a node"): real servers
// on 127.0.0.1 send terminal escapes, bidi overrides and 200,000-character
// strings in JSON-RPC errors, Algorand status fields, header values, a
// redirect's Location, a body and a certificate's names. The report carries
// each as one clean line of at most 200 characters, and the `vantage check`
// table shows no byte of the escapes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointReport, Report } from '../../../src/report/report.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { selfSigned } from '../../support/certificates.ts';
import { startReplayServer, type ReplayServer } from '../../support/replay-server.ts';
import { jsonRpcFake, rawAnswer, serve, type TestServer } from '../../support/servers.ts';
import { runVantage } from '../../support/vantage-cli.ts';
import { checkConfig, endpoint } from '../../support/run-check.ts';

/** Erase line, cursor up, a window-title OSC, BEL, CR and a right-to-left override, then 200,000 characters. */
const HOSTILE = `\u001b[2K\u001b[1A\u001b]0;pwned\u0007✓ all fine\u0007\r\u202e${'A'.repeat(200_000)}`;
/** What HOSTILE is once cleaned, up to the clip: "✓ all fine " and then A's. */
const CLEAN_START = '✓ all fine ';
/** Any character that a clean message never holds: C0, DEL, C1, bidi overrides and isolates. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const servers: Array<{ close(): Promise<void> }> = [];
async function track<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const rpcBody = (error: Record<string, unknown>) => JSON.stringify({ jsonrpc: '2.0', id: 1, error });

/** Raw HTTP/1.1 bytes, header values as latin1 bytes (C1 controls included; llhttp refuses C0 ones before they reach anyone). */
function rawHttp(statusLine: string, headers: Record<string, string>, body: string): Buffer {
  const head = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
  return Buffer.concat([Buffer.from(`HTTP/1.1 ${statusLine}\r\n${head}\r\n`, 'latin1'), Buffer.from(body, 'utf8')]);
}

interface HostileEvm {
  readonly rpc: TestServer;
  readonly http500: TestServer;
  readonly notJson: TestServer;
  readonly redirect: TestServer;
}

async function hostileEvmServers(): Promise<HostileEvm> {
  return {
    // 2xx answers carrying JSON-RPC errors: rpc_error.
    rpc: await track(jsonRpcFake({
      eth_chainId: { error: { code: -32000, message: HOSTILE } },
      eth_getBlockByNumber: { error: { code: -32603, message: 'boom\u0007', data: HOSTILE } },
      eth_syncing: { result: false },
    })),
    // The same error in an HTTP 500: http_error quoting it.
    http500: await track(jsonRpcFake({ eth_chainId: { status: 500, body: rpcBody({ code: -32000, message: HOSTILE }) } })),
    // A 200 that is not JSON: C1 controls (CSI U+009B, NEL U+0085) in its content-type, escapes in its body.
    notJson: await track(rawAnswer(rawHttp('200 OK', { 'content-type': 'text/html\x9b2J\x85x' }, '<h1>\u001b[31mhi\u0007</h1>'))),
    // A redirect whose Location carries a C1 CSI and runs on for 5,000 characters.
    redirect: await track(rawAnswer(rawHttp('302 Found', { location: `/next\x9b2J${'L'.repeat(5000)}` }, ''))),
  };
}

const evmConfig = (s: HostileEvm) => ({
  version: 1,
  networks: [{
    id: 'evm',
    chain: 'evm',
    endpoints: [
      { id: 'rpc', url: s.rpc.url },
      { id: 'http500', url: s.http500.url },
      { id: 'not-json', url: s.notJson.url },
      { id: 'redirect', url: s.redirect.url },
    ],
  }],
});

function expectClean(report: Report): void {
  const messages = report.networks.flatMap((n) => [...n.endpoints, ...n.accounts].flatMap((e) => e.reasons.map((r) => r.message)));
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) {
    expect(message).not.toMatch(UNSAFE);
    // Never more than 200 characters of the node's 200,000.
    expect(message.split('A').length - 1).toBeLessThanOrEqual(200);
  }
}

describe('hostile JSON-RPC errors, headers, Location and body', () => {
  let report: Report;
  let e: (id: string) => EndpointReport;
  beforeAll(async () => {
    const s = await hostileEvmServers();
    report = await checkConfig(JSON.stringify(evmConfig(s)));
    e = (id) => endpoint(report, 'evm', id);
  });

  it('quotes a JSON-RPC error message (2xx, rpc_error) clean and clipped to 200 characters', () => {
    expect(e('rpc').reasons[0]).toEqual({ code: 'rpc_error', message: `eth_chainId returned error -32000: ${CLEAN_START}${'A'.repeat(189)}…` });
  });

  it('quotes an error\'s data with its message, within the same 200 characters', () => {
    expect(e('rpc').reasons[1]).toEqual({ code: 'rpc_error', message: `eth_getBlockByNumber returned error -32603: boom (${CLEAN_START}${'A'.repeat(183)}…` });
  });

  it('quotes the JSON-RPC error of an HTTP 500 in its http_error, clean and clipped', () => {
    expect(e('http500').reasons).toEqual([{ code: 'http_error', message: `eth_chainId: HTTP 500, error -32000: ${CLEAN_START}${'A'.repeat(189)}…` }]);
  });

  it('cleans a content-type header and a body snippet', () => {
    expect(e('not-json').reasons).toEqual([{ code: 'invalid_response', message: 'eth_chainId: body is not JSON (content-type text/html2J x): <h1>hi</h1>' }]);
  });

  it('cleans and clips a redirect\'s Location', () => {
    expect(e('redirect').reasons).toEqual([{
      code: 'http_error',
      message: `eth_chainId: HTTP 302 redirect to /next2J${'L'.repeat(193)}…; redirects are not followed, point the config at the final URL`,
    }]);
  });

  it('leaves no control character and no more than 200 characters of node text in any message', () => {
    expectClean(report);
  });
});

describe('hostile Algorand status fields', () => {
  let algod: ReplayServer;
  beforeAll(async () => {
    algod = await track(startReplayServer());
  });

  const run = async (status: Record<string, unknown>) => {
    algod.setRoutes({ rest: { 'GET /v2/status': { body: status }, 'GET /versions': { body: chainFixture('algorand', 'versions-mainnet') } } });
    const report = await checkConfig(`
version: 1
networks:
  - id: algo
    chain: algorand
    endpoints:
      - { id: node, url: "${algod.url}" }
`);
    expectClean(report);
    return endpoint(report, 'algo', 'node');
  };

  it('a 200,000-character catchpoint gives a short, clean syncing message', async () => {
    const status = { ...chainFixture('algorand', 'status-fast-catchup'), catchpoint: `\u001b]0;pwned\u0007${'46370000#'}${'C'.repeat(200_000)}\r\n` };
    const node = await run(status);
    expect(node.reasons).toEqual([{ code: 'syncing', message: `node is in fast catchup to catchpoint 46370000#${'C'.repeat(191)}… (blocks 0 of 1000)` }]);
  });

  it('a hostile next-version gives a short, clean stale_head message', async () => {
    const status = { ...chainFixture('algorand', 'status-stopped'), 'time-since-last-round': 0, 'next-version': HOSTILE };
    const node = await run(status);
    expect(node.reasons).toEqual([{
      code: 'stale_head',
      message: `algod stopped at round 46374813: the network upgraded its consensus protocol to ${CLEAN_START}${'A'.repeat(189)}… at round 46374814, which this algod version does not support; upgrade algod`,
    }]);
  });
});

describe('a hostile certificate', () => {
  it('a certificate\'s names are node text: the issuer and subject are clean and clipped, in the reason and the TLS facts', async () => {
    const pem = await selfSigned({ commonName: `evil\u001b[2J\u0007\u009b1A\u202e${'Z'.repeat(5000)}` });
    const server = await track(serve((_req, res) => void res.end('{}'), { tls: pem }));
    const report = await checkConfig(JSON.stringify({ version: 1, networks: [{ id: 'evm', chain: 'evm', endpoints: [{ id: 'tls', url: server.url }] }] }));
    const tls = endpoint(report, 'evm', 'tls');
    const name = `CN=evil1A${'Z'.repeat(191)}…`;
    expect(tls.reasons).toEqual([{ code: 'cert_untrusted', message: `certificate not trusted: self-signed certificate (issuer ${name})` }]);
    expect(tls.tls).toMatchObject({ issuer: name, subject: name, trusted: false });
    expect(server.requests).toEqual([]);
  });
});

describe('vantage check, the table on a terminal', () => {
  it('prints the hostile servers\' reasons with no ESC, BEL, CR, C1 or bidi control from them', async () => {
    const s = await hostileEvmServers();
    const file = join(mkdtempSync(join(tmpdir(), 'vantage-node-text-')), 'vantage.json');
    writeFileSync(file, JSON.stringify(evmConfig(s)));
    const run = await runVantage(['check', '--config', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`rpc_error: eth_chainId returned error -32000: ${CLEAN_START}${'A'.repeat(189)}…\n`);
    expect(run.stdout).toContain(`http_error: eth_chainId: HTTP 500, error -32000: ${CLEAN_START}A`);
    // Lines end in LF; no other control character is printed.
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(run.stdout.length).toBeLessThan(5000);
  });
});
