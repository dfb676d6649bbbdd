// Exposure findings against a real hardhat node: a proxy that answers
// admin_nodeInfo (as a geth with --http.api admin would) is exposed, plain
// hardhat (which rejects admin_*/personal_*) is not; private endpoints are
// judged by a TCP connection alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { freePort } from '../../support/free-port.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import { checkConfig, codes, endpoint, network } from '../../support/run-check.ts';

/** geth's admin_nodeInfo result shape (trimmed). */
const NODE_INFO = {
  id: '44826a5d6a55f88a18298bca4773fca5749cdc3a5c9f308aa7d810e9b31123f3',
  name: 'Geth/v1.14.11-stable/linux-amd64/go1.22.8',
  enode: 'enode://6f8a80d14311c39f35f516fa664deaaaa13e85b2f7493f37f6144d86991ec012937307647bd3b9a82abe2974e1407241d54947bbb39763a4cac9f77166ad92a0@127.0.0.1:30303',
  ip: '127.0.0.1',
  ports: { discovery: 30303, listener: 30303 },
  listenAddr: '[::]:30303',
  protocols: { eth: { network: 31337 } },
};

const evmConfig = (endpoints: string) => `
version: 1
networks:
  - id: eth
    chain: evm
    endpoints:
${endpoints}
`;

describe('admin API exposure on a real EVM node', () => {
  let hardhat: HardhatNode;
  let exposed: RecordingProxy;
  let plain: RecordingProxy;
  beforeAll(async () => {
    hardhat = await startHardhat();
    exposed = await startRecordingProxy(hardhat.url, (req) => (req.rpcMethod === 'admin_nodeInfo' ? { body: { jsonrpc: '2.0', result: NODE_INFO } } : undefined));
    plain = await startRecordingProxy(hardhat.url);
  });
  afterAll(async () => {
    await Promise.all([exposed?.close(), plain?.close()]);
    await hardhat?.stop();
  });

  it('reports exposed_admin_api (degraded) when admin_nodeInfo returns a result', async () => {
    const report = await checkConfig(evmConfig(`      - { id: node, url: "${exposed.url}" }`));
    const e = endpoint(report, 'eth', 'node');
    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{ code: 'exposed_admin_api', message: 'admin_nodeInfo answers from outside: the admin namespace is exposed to the internet' }]);
    expect(network(report, 'eth').status).toBe('degraded');
  });

  it('reports plain hardhat as not exposed: it rejects every exposure probe (-32004), and every probe was sent', async () => {
    plain.requests.length = 0;
    const report = await checkConfig(evmConfig(`      - { id: node, url: "${plain.url}" }`));
    const e = endpoint(report, 'eth', 'node');
    expect(e.status).toBe('up');
    expect(codes(e)).toEqual([]);
    const sent = plain.requests.map((r) => r.rpcMethod);
    expect(sent).toEqual(expect.arrayContaining(['admin_nodeInfo', 'admin_peers', 'personal_listAccounts']));
  });

  it('does not probe a reference endpoint for exposure', async () => {
    exposed.requests.length = 0;
    const closed = await freePort();
    const report = await checkConfig(evmConfig(`      - { id: ref, url: "${exposed.url}", reference: true }
      - { id: other, url: "http://127.0.0.1:${closed}" }`));
    expect(endpoint(report, 'eth', 'ref').status).toBe('up');
    expect(exposed.requests.map((r) => r.rpcMethod)).not.toContain('admin_nodeInfo');
  });
});

describe('private endpoints', () => {
  let hardhat: HardhatNode;
  let watcher: RecordingProxy;
  beforeAll(async () => {
    hardhat = await startHardhat();
    watcher = await startRecordingProxy(hardhat.url);
  });
  afterAll(async () => {
    await watcher?.close();
    await hardhat?.stop();
  });

  it('reports a private endpoint on a closed port as up with no reasons: that is the healthy state', async () => {
    const closed = await freePort();
    const report = await checkConfig(evmConfig(`      - { id: public, url: "${hardhat.url}" }
      - { id: admin, url: "http://127.0.0.1:${closed}", visibility: private }`));
    const e = endpoint(report, 'eth', 'admin');
    expect(e).toMatchObject({ status: 'up', reasons: [], tls: null, chain: null });
    expect(network(report, 'eth').status).toBe('up');
  });

  it('reports a private endpoint that accepts a connection as exposed_private_endpoint, and sends it nothing', async () => {
    watcher.requests.length = 0;
    const { port } = new URL(watcher.url);
    const report = await checkConfig(evmConfig(`      - { id: public, url: "${hardhat.url}" }
      - { id: admin, url: "${watcher.url}", visibility: private }`));
    const e = endpoint(report, 'eth', 'admin');
    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{ code: 'exposed_private_endpoint', message: `private endpoint accepts connections from outside (TCP 127.0.0.1:${port} connected)` }]);
    expect(e.chain).toBeNull();
    expect(network(report, 'eth').status).toBe('degraded');
    // TCP only: not one HTTP request reached the node.
    expect(watcher.requests).toEqual([]);
  });
});
