// WebSocket endpoints per family (issue 13, DESIGN.md "WebSocket
// endpoints"): the family's reads and exposure calls as JSON-RPC frames,
// then one subscription timed to its first notification, cancelled. EVM on
// a real hardhat node (WebSocket on its HTTP port, interval mining);
// Substrate and Solana on a WebSocket JSON-RPC server answering with the
// shapes of their docs (test/fixtures/chains/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/chains/registry.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { startWebSocketRecordingProxy } from '../../support/websocket-recording-proxy.ts';
import { startWebSocketRpcServer, type SubscriptionBehaviour, type WebSocketRpcServer } from '../../support/websocket-rpc-server.ts';
import { checkConfig, codes, endpoint } from '../../support/run-check.ts';

const servers: WebSocketRpcServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const yaml = (chain: string, url: string, network = '', endpointExtra = '') => `
version: 1
networks:
  - id: n
    chain: ${chain}
${network}
    endpoints:
      - id: e
        url: ${url}
${endpointExtra}
`;

const hex = (n: number) => `0x${n.toString(16)}`;

/** The JSON-RPC methods of a family's declared reads and exposure calls (`getSlot(finalized)` → getSlot). */
const readMethods = (family: 'substrate' | 'solana') => {
  const adapter = adapterFor(family);
  return new Set([...adapter.readCalls, ...adapter.exposureCalls].map((call) => call.replace(/\(.*\)$/, '')));
};

const substrateAnswers = () => ({
  chain_getBlockHash: chainFixture('substrate', 'chain_getBlockHash-polkadot'),
  chain_getHeader: chainFixture('substrate', 'chain_getHeader'),
  system_health: chainFixture('substrate', 'system_health'),
  system_peers: chainFixture('substrate', 'error-unsafe'),
});

/** Substrate's new-heads subscription as its docs show it; `result` absent: it never notifies. */
function newHeads(result?: SubscriptionBehaviour['result']): Record<string, SubscriptionBehaviour> {
  return {
    chain_subscribeNewHeads: {
      id: chainFixture('substrate', 'chain_subscribeNewHeads')['result'] as string,
      notification: 'chain_newHead', unsubscribe: 'chain_unsubscribeNewHeads', result,
    },
  };
}

const headerNumbered = (n: number) => ({ ...chainFixture('substrate', 'chain_newHead')['params'].result, number: hex(0x123456 + n) });

async function wsServer(options: Parameters<typeof startWebSocketRpcServer>[0]): Promise<WebSocketRpcServer> {
  const server = await startWebSocketRpcServer(options);
  servers.push(server);
  return server;
}

describe('evm over WebSocket (real hardhat, a block every second)', () => {
  let node: HardhatNode;
  beforeAll(async () => {
    node = await startHardhat();
    await node.setIntervalMining(1000);
  });
  afterAll(async () => {
    await node?.stop();
  });

  it('reads over frames, then times eth_subscribe("newHeads") to its first notification', async () => {
    const report = await checkConfig(yaml('evm', `ws://127.0.0.1:${node.port}/`, '    blockTimeSeconds: 1\n    expect: { chainId: 31337 }'));
    const e = endpoint(report, 'n', 'e');
    expect({ status: e.status, reasons: e.reasons }).toEqual({ status: 'up', reasons: [] });
    expect(e.chain!.height).toBeGreaterThanOrEqual(0);
    expect(e.tls).toBeNull();
    const t = e.timings;
    expect(t.upgradeMs).not.toBeNull();
    expect(t.firstNotificationMs).not.toBeNull();
    // ttfb counts from the probe's start to the first answer's first byte: past the whole upgrade.
    expect(t.ttfbMs!).toBeGreaterThan(t.upgradeMs!);
    expect(t.totalMs!).toBeGreaterThan(t.ttfbMs! + t.firstNotificationMs!);
    expect(e.addresses).toEqual([{ address: '127.0.0.1', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: t.ttfbMs, height: e.chain!.height }]);
  });

  it('with block arrival watched, a ws endpoint is watched through its newHeads subscription on its own WebSocket, beside a polled http one', async () => {
    const proxy = await startWebSocketRecordingProxy(`ws://127.0.0.1:${node.port}/`);
    try {
      const report = await checkConfig(`
version: 1
networks:
  - id: n
    chain: evm
    blockTimeSeconds: 1
    arrival: { windowSeconds: 3, maxDelayMs: 1000 }
    endpoints:
      - { id: ws, url: "${proxy.url}/" }
      - { id: http, url: "${node.url}" }
`);
      const ws = endpoint(report, 'n', 'ws');
      expect({ status: ws.status, reasons: ws.reasons }).toEqual({ status: 'up', reasons: [] });
      expect(ws.arrival!.blocks).toBeGreaterThanOrEqual(1);
      expect(ws.arrival).toMatchObject({ missed: 0, resolutionMs: 0 });
      expect(endpoint(report, 'n', 'http').arrival).toMatchObject({ missed: 0, resolutionMs: 250 });
      // After the probe's own subscription: the watch's, the one height call that places the head, its cancellation.
      const methods = proxy.frames.map((f) => f.method);
      expect(methods.slice(methods.indexOf('eth_unsubscribe') + 1)).toEqual(['eth_subscribe', 'eth_blockNumber', 'eth_unsubscribe']);
    } finally {
      await proxy.close();
    }
  });
});

describe('substrate over WebSocket (docs shapes)', () => {
  it('reads, exposure, chain_subscribeNewHeads timed to its first chain_newHead, then chain_unsubscribeNewHeads with its id', async () => {
    const server = await wsServer({ answers: substrateAnswers(), subscriptions: newHeads(headerNumbered) });
    const e = endpoint(await checkConfig(yaml('substrate', `${server.url}/rpc`, '    blockTimeSeconds: 1')), 'n', 'e');
    expect({ status: e.status, reasons: e.reasons }).toEqual({ status: 'up', reasons: [] });
    expect(e.chain).toMatchObject({ height: 0x92a3df, syncing: false });
    expect(e.timings.firstNotificationMs).not.toBeNull();
    // Every read and exposure call first, then the subscription, then its cancellation with its id.
    const methods = server.frames.map((f) => f.method);
    expect(new Set(methods.slice(0, -2))).toEqual(readMethods('substrate'));
    expect(methods.slice(-2)).toEqual(['chain_subscribeNewHeads', 'chain_unsubscribeNewHeads']);
    expect(server.frames.at(-1)!.params).toEqual(['0x1234567890abcdef']);
  });

  it('with block arrival watched, every chain_newHead above the head is a sighting: subscribed once, chain_getHeader once, cancelled at the end', async () => {
    const head = chainFixture('substrate', 'chain_getHeader')['result'] as { number: string };
    const above = (n: number) => ({ ...chainFixture('substrate', 'chain_newHead')['params'].result, number: hex(Number(head.number) + 1 + n) });
    const server = await wsServer({ answers: substrateAnswers(), subscriptions: newHeads(above) });
    const report = await checkConfig(yaml('substrate', server.url, '    blockTimeSeconds: 1\n    arrival: { windowSeconds: 2, maxDelayMs: 1000 }'));
    const e = endpoint(report, 'n', 'e');
    expect({ status: e.status, reasons: e.reasons }).toEqual({ status: 'up', reasons: [] });
    expect(e.arrival).toMatchObject({ missed: 0, p50Ms: 0, resolutionMs: 0 });
    expect(e.arrival!.blocks).toBeGreaterThanOrEqual(1);
    // The probe's subscription and its cancellation first; then the watch's.
    const methods = server.frames.map((f) => f.method);
    expect(methods.slice(methods.lastIndexOf('chain_subscribeNewHeads'))).toEqual(['chain_subscribeNewHeads', 'chain_getHeader', 'chain_unsubscribeNewHeads']);
    expect(server.frames.at(-1)!.params).toEqual(['0x1234567890abcdef']);
  });

  it('a subscription accepted but never notified is subscription_silent (down) at max(5 s, 2 × blockTimeSeconds)', async () => {
    const server = await wsServer({ answers: substrateAnswers(), subscriptions: newHeads() });
    const e = endpoint(await checkConfig(yaml('substrate', server.url, '    blockTimeSeconds: 1')), 'n', 'e');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{
      code: 'subscription_silent',
      message: 'no new head notification within 5000 ms of chain_subscribeNewHeads (the window is max(5 s, 2 × blockTimeSeconds 1))',
    }]);
    expect(e.timings.firstNotificationMs).toBeNull();
    // The reads still count: the node answered them.
    expect(e.chain?.height).toBe(0x92a3df);
  });

  it('a notification without a block number is invalid_response', async () => {
    const server = await wsServer({ answers: substrateAnswers(), subscriptions: newHeads(() => ({ parentHash: '0x00', number: 'latest' })) });
    const e = endpoint(await checkConfig(yaml('substrate', server.url, '    blockTimeSeconds: 1')), 'n', 'e');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'chain_newHead: new head number "latest" is not a hex quantity' }]);
  });

  it('a node that refuses subscriptions (method not found) is rpc_error', async () => {
    const server = await wsServer({ answers: substrateAnswers() });
    const e = endpoint(await checkConfig(yaml('substrate', server.url, '    blockTimeSeconds: 1')), 'n', 'e');
    expect(codes(e)).toEqual(['rpc_error']);
    expect(e.reasons[0]!.message).toBe('chain_subscribeNewHeads returned error -32601: Method not found');
  });
});

describe('solana over WebSocket (docs shapes)', () => {
  it('reads at finalized, then slotSubscribe timed to its first slotNotification, slotUnsubscribe with the integer id', async () => {
    const blockTime = chainFixture('solana', 'getBlockTime');
    blockTime['result'] = Math.floor(Date.now() / 1000) - 2;
    const notification = chainFixture('solana', 'slotNotification')['params'].result as { slot: number };
    const server = await wsServer({
      answers: {
        getGenesisHash: chainFixture('solana', 'getGenesisHash'),
        getHealth: chainFixture('solana', 'getHealth-ok'),
        getBlockHeight: chainFixture('solana', 'getBlockHeight'),
        getSlot: chainFixture('solana', 'getSlot'),
        getBlockTime: blockTime,
      },
      subscriptions: {
        slotSubscribe: {
          id: chainFixture('solana', 'slotSubscribe')['result'] as number, notification: 'slotNotification', unsubscribe: 'slotUnsubscribe',
          result: (n) => ({ ...notification, slot: notification.slot + n }),
        },
      },
    });
    const e = endpoint(await checkConfig(yaml('solana', server.url)), 'n', 'e');
    expect({ status: e.status, reasons: e.reasons }).toEqual({ status: 'up', reasons: [] });
    expect(e.chain?.height).toBe(chainFixture('solana', 'getBlockHeight')['result']);
    expect(e.timings.firstNotificationMs).not.toBeNull();
    const methods = server.frames.map((f) => f.method);
    expect(new Set(methods.slice(0, -2))).toEqual(readMethods('solana'));
    expect(methods.slice(-2)).toEqual(['slotSubscribe', 'slotUnsubscribe']);
    expect(server.frames.at(-1)!.params).toEqual([0]);
  });
});

describe('secrets in a WebSocket URL', () => {
  it('reach the server in the upgrade request, and never the report', async () => {
    const key = 'wskey-5f2c9a1e77d0';
    const server = await wsServer({ refuse: { status: 401, body: `{"error":"key ${key} is not allowed to open WebSockets"}` } });
    const report = await checkConfig(yaml('substrate', `${server.url}/v1/\${env:WS_KEY}`), { env: { WS_KEY: key } });
    const e = endpoint(report, 'n', 'e');
    expect(server.upgrades[0]!.url).toBe(`/v1/${key}`);
    expect(e.url).toBe(`${server.url}/v1/***`);
    expect(e.reasons).toEqual([{ code: 'http_error', message: 'WebSocket upgrade: HTTP 401: key *** is not allowed to open WebSockets' }]);
    expect(JSON.stringify(report)).not.toContain(key.slice(0, 8));
  });
});
