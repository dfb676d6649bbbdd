// The WebSocket transport against real servers on 127.0.0.1 (ws's own
// server, node:http, raw TCP): what an upgrade can meet becomes a reason
// code, a message is capped at maxResponseBytes, and a wss server whose
// certificate fails verification gets not one byte of the upgrade request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint, type EndpointProbe } from '../../../src/engine/probe-endpoint.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { createCa, issueLeaf, selfSigned, type CertificateAuthority } from '../../support/certificates.ts';
import { certificateSwitchingServer } from '../../support/certificate-switching-server.ts';
import { fixedResponse, serve, silentTcp } from '../../support/servers.ts';
import { startWebSocketRpcServer, type WebSocketRpcOptions } from '../../support/websocket-rpc-server.ts';
import { endpointConfig } from '../../support/config-for.ts';

const closers: Array<{ close(): Promise<void> }> = [];
async function track<T extends { close(): Promise<void> }>(thing: Promise<T>): Promise<T> {
  const t = await thing;
  closers.push(t);
  return t;
}
let ca: CertificateAuthority;
beforeAll(async () => {
  ca = await createCa('Vantage WebSocket CA');
});
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
});

async function probeSubstrate(url: string, extra: Record<string, unknown> = {}): Promise<EndpointProbe> {
  const { network, endpoint } = await endpointConfig('substrate', url, extra, { blockTimeSeconds: 1 });
  return probeEndpoint(network, endpoint);
}

/** A healthy Substrate node over WebSocket, as its docs show it. */
const substrateNode = (over: Partial<WebSocketRpcOptions> = {}): WebSocketRpcOptions => ({
  answers: {
    chain_getBlockHash: chainFixture('substrate', 'chain_getBlockHash-polkadot'),
    chain_getHeader: chainFixture('substrate', 'chain_getHeader'),
    system_health: chainFixture('substrate', 'system_health'),
  },
  subscriptions: {
    chain_subscribeNewHeads: {
      id: 'sub-1', notification: 'chain_newHead', unsubscribe: 'chain_unsubscribeNewHeads',
      result: () => chainFixture('substrate', 'chain_newHead')['params'].result,
    },
  },
  ...over,
});

describe('WebSocket transport: what an upgrade can meet', () => {
  it('a refused upgrade (403 carrying a JSON-RPC error) is http_error quoting the error', async () => {
    const body = '{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"WebSocket not enabled for this key"}}';
    const server = await track(startWebSocketRpcServer({ refuse: { status: 403, body } }));
    const probe = await probeSubstrate(server.url);
    expect(probe.reasons).toEqual([{ code: 'http_error', message: 'WebSocket upgrade: HTTP 403, error -32005: WebSocket not enabled for this key' }]);
    expect(probe.timings).toMatchObject({ upgradeMs: null, ttfbMs: null, firstNotificationMs: null });
    expect(probe.chain).toBeNull();
  });

  it('a plain HTTP server answering the upgrade with 200 is http_error: not a WebSocket endpoint', async () => {
    const server = await track(fixedResponse(200, '{"ok":true}'));
    const probe = await probeSubstrate(server.url.replace('http:', 'ws:'));
    expect(probe.reasons).toEqual([{ code: 'http_error', message: 'WebSocket upgrade: HTTP 200 instead of 101 Switching Protocols, not a WebSocket endpoint ({"ok":true})' }]);
  });

  it('a redirect is not followed: http_error naming where it points', async () => {
    const server = await track(serve((_req, res) => {
      res.writeHead(301, { location: 'wss://elsewhere.example/ws' });
      res.end();
    }));
    const probe = await probeSubstrate(server.url.replace('http:', 'ws:'));
    expect(probe.reasons).toEqual([{
      code: 'http_error',
      message: 'WebSocket upgrade: HTTP 301 redirect to wss://elsewhere.example/ws; redirects are not followed, point the config at the final URL',
    }]);
  });

  it('a server that accepts TCP and never answers the upgrade is timeout, at the timeout', async () => {
    const server = await track(silentTcp());
    const probe = await probeSubstrate(`ws://127.0.0.1:${server.port}/`, { timeoutMs: 700 });
    expect(probe.reasons).toEqual([{ code: 'timeout', message: 'connected, but no answer to the WebSocket upgrade within 700 ms' }]);
    expect(probe.timings.connectMs).not.toBeNull();
    expect(probe.timings.upgradeMs).toBeNull();
  });

  it('a message over maxResponseBytes is response_too_large (ws maxPayload), and the session ends there', async () => {
    const huge = { jsonrpc: '2.0', id: 1, result: `0x${'ab'.repeat(2000)}` };
    const server = await track(startWebSocketRpcServer(substrateNode({ answers: { ...substrateNode().answers, chain_getBlockHash: huge } })));
    const probe = await probeSubstrate(server.url, { maxResponseBytes: 1000 });
    expect(probe.reasons).toEqual([{ code: 'response_too_large', message: 'a WebSocket message is over maxResponseBytes 1000' }]);
    expect(server.frames.map((f) => f.method)).toEqual(['chain_getBlockHash']);
  });

  it('the first notification is timed from the subscribe request; the upgrade from its request to the 101', async () => {
    const node = substrateNode();
    const subscription = { ...node.subscriptions!['chain_subscribeNewHeads']!, everyMs: 300 };
    const server = await track(startWebSocketRpcServer({ ...node, subscriptions: { chain_subscribeNewHeads: subscription } }));
    const probe = await probeSubstrate(server.url);
    expect(probe.reasons).toEqual([]);
    const t = probe.timings;
    expect(t.upgradeMs).toBeGreaterThan(0);
    // The server's timer starts when the subscribe request reaches it, 300 ms before the first notification.
    expect(t.firstNotificationMs).toBeGreaterThanOrEqual(299);
    expect(t.ttfbMs!).toBeGreaterThan(t.connectMs! + t.upgradeMs!);
  });
});

describe('wss: the same TLS rules as HTTPS', () => {
  it('a valid certificate: the upgrade carries the host, the endpoint headers and Basic auth, and no compression offer', async () => {
    const tls = await issueLeaf(ca, { names: ['127.0.0.1'] });
    const server = await track(startWebSocketRpcServer(substrateNode({ tls })));
    const probe = await probeSubstrate(`${server.url}/ws?net=dot`, {
      tls: { caFile: ca.caFile }, headers: { 'X-Api-Key': 'k-1' }, basicAuth: { username: 'probe', password: 'pw' },
    });
    expect(probe.reasons).toEqual([]);
    expect(probe.tls).toMatchObject({ trusted: true, hostnameMatch: true, subject: 'CN=127.0.0.1' });
    expect(probe.timings.tlsMs).not.toBeNull();
    const [upgrade] = server.upgrades;
    expect(upgrade!.url).toBe('/ws?net=dot');
    expect(upgrade!.headers).toMatchObject({
      host: `127.0.0.1:${server.port}`, 'x-api-key': 'k-1', authorization: `Basic ${Buffer.from('probe:pw').toString('base64')}`, 'user-agent': 'vantage-probe/0.1',
    });
    expect(upgrade!.headers['sec-websocket-extensions']).toBeUndefined();
  });

  it('a certificate that fails verification: cert_untrusted, and not one byte of the upgrade request is written', async () => {
    const impostor = await selfSigned({ names: ['impostor.example'] });
    const server = await track(certificateSwitchingServer({ first: impostor, later: impostor, firstConnections: 0, handler: (_req, res) => res.end() }));
    const probe = await probeSubstrate(`wss://127.0.0.1:${server.port}/`, { tls: { caFile: ca.caFile }, headers: { 'X-Api-Key': 'k-1' } });
    expect(probe.reasons.map((r) => r.code)).toEqual(['cert_untrusted', 'cert_hostname_mismatch']);
    expect(probe.tls).toMatchObject({ trusted: false, hostnameMatch: false });
    expect(server.connections).toHaveLength(1);
    expect(server.connections[0]!.applicationBytes).toBe(0);
  });
});
