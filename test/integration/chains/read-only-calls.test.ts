// "Nothing Vantage sends changes state": for every family, a full probe
// (read, exposure, accounts, and a one-second block arrival watch) against a
// real node (hardhat, litecoind) or a replay server records every request the
// node receives. That record must
// equal the adapter's declared readCalls + exposureCalls (what docs/chains.md
// tells operators to whitelist), and every declared call must be on the
// hand-written list of read-only calls below. Over WebSocket (evm,
// substrate, solana) every frame is recorded the same way, and the record is
// the same calls plus the subscription's subscribe and unsubscribe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/chains/registry.ts';
import type { ChainFamily } from '../../../src/config/families.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { startLitecoind, type LitecoinNode } from '../../support/litecoind.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import { startReplayServer, type RecordedRequest, type ReplayServer, type Routes } from '../../support/replay-server.ts';
import { checkConfig } from '../../support/run-check.ts';
import { startWebSocketRecordingProxy } from '../../support/websocket-recording-proxy.ts';
import { startWebSocketRpcServer, type RpcFrame, type WebSocketRpcOptions } from '../../support/websocket-rpc-server.ts';

/**
 * Read-only by the node's own documentation. Written by hand, not derived
 * from the adapters: adding a call to an adapter must mean adding it here.
 */
const READ_ONLY: Readonly<Record<Exclude<ChainFamily, 'http-json'>, readonly string[]>> = {
  evm: [
    'eth_chainId', 'eth_syncing', 'net_peerCount', 'eth_blockNumber', // eth/net reads
    // a block header (hashes of transactions only, params[1] false) by tag or number
    'eth_getBlockByNumber(latest)', 'eth_getBlockByNumber(finalized)', 'eth_getBlockByNumber(number)',
    'admin_nodeInfo', 'admin_peers', // admin namespace, read methods only (never addPeer, startHTTP, …)
    'personal_listAccounts', // lists addresses; never unlocks or signs
    'eth_subscribe', 'eth_unsubscribe', // WebSocket: newHeads notifications, then cancelled
  ],
  algorand: [
    'GET /v2/status', 'GET /versions', 'GET /v2/accounts/{address}?exclude=all', 'GET /v2/participation',
    'GET /v2/blocks/{round}?header-only=true',
    'GET /v2/status/wait-for-block-after/{round}', // waits for the next round, then the node status
  ],
  substrate: [
    'chain_getBlockHash', 'chain_getHeader', 'chain_getFinalizedHead', 'system_health', 'system_peers',
    'chain_subscribeNewHeads', 'chain_unsubscribeNewHeads', // WebSocket: new heads, then cancelled
  ],
  cometbft: ['GET /status', 'GET /header?height={height}', 'GET /block?height={height}'],
  bitcoin: ['getblockchaininfo', 'getblockhash', 'getblockheader', 'getconnectioncount', 'getblockcount'],
  solana: [
    'getGenesisHash', 'getHealth', 'getBlockHeight', 'getSlot(finalized)', 'getSlot(processed)', 'getBlockTime',
    'slotSubscribe', 'slotUnsubscribe', // WebSocket: slot notifications, then cancelled
  ],
};

const ADDRESS = 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY';

/**
 * A request as the adapters name calls: the JSON-RPC method (with the block
 * tag or commitment where that decides what is read), or `GET /path` with the
 * account address, round and height as placeholders.
 */
function callName(req: RecordedRequest): string {
  if (req.rpcMethod !== null) return rpcCallName(req.rpcMethod, req.rpcParams);
  const path = req.path
    .replace(`/v2/accounts/${ADDRESS}`, '/v2/accounts/{address}')
    .replace(/^\/v2\/blocks\/\d+/, '/v2/blocks/{round}')
    .replace(/([?&]height=)\d+/, '$1{height}')
    .replace(/\/wait-for-block-after\/\d+$/, '/wait-for-block-after/{round}');
  return `${req.method} ${path}`;
}

/** A JSON-RPC call as the adapters name it, over HTTP or in a WebSocket frame. */
function rpcCallName(method: string, params: unknown): string {
  const first = Array.isArray(params) ? params[0] : undefined;
  if (method === 'eth_getBlockByNumber') return `${method}(${typeof first === 'string' && first.startsWith('0x') ? 'number' : String(first)})`;
  if (method === 'getSlot') return `${method}(${(first as { commitment?: string } | undefined)?.commitment})`;
  return method;
}

const declared = (family: ChainFamily) => {
  const adapter = adapterFor(family);
  return [...adapter.readCalls, ...adapter.exposureCalls];
};

/** Over WebSocket: the same calls, plus the subscription's subscribe and unsubscribe. */
const declaredOverWebSocket = (family: ChainFamily) => {
  const { subscription } = adapterFor(family);
  return [...declared(family), subscription!.subscribe.method, subscription!.unsubscribe];
};

const sortedSet = (values: string[]) => [...new Set(values)].sort();

/** Every family watches block arrival for a second, so its height call is among the requests. */
const ARRIVAL = '    arrival: { windowSeconds: 1, maxDelayMs: 500 }';

const yaml = (family: ChainFamily, url: string, extra = '', endpointExtra = '') => `
version: 1
networks:
  - id: n
    chain: ${family}
${ARRIVAL}
${extra}
    endpoints:
      - id: e
        url: ${url}
${endpointExtra}
`;

describe('every request each adapter sends is a declared, read-only call', () => {
  let hardhat: HardhatNode;
  let evmProxy: RecordingProxy;
  let ltc: LitecoinNode;
  let ltcProxy: RecordingProxy;

  beforeAll(async () => {
    [hardhat, ltc] = await Promise.all([startHardhat(), startLitecoind()]);
    // Deep enough for the cadence reads (a block below the head other than genesis).
    await Promise.all([ltc.mine(2), hardhat.mine(40)]);
    [evmProxy, ltcProxy] = await Promise.all([startRecordingProxy(hardhat.url), startRecordingProxy(ltc.url)]);
  });
  afterAll(async () => {
    await Promise.all([evmProxy?.close(), ltcProxy?.close()]);
    await Promise.all([hardhat?.stop(), ltc?.stop()]);
  });

  const expectReadOnly = (family: Exclude<ChainFamily, 'http-json'>, requests: readonly RecordedRequest[]) => {
    const sent = sortedSet(requests.map(callName));
    expect(sent).toEqual(sortedSet(declared(family)));
    for (const call of declared(family)) expect(READ_ONLY[family]).toContain(call);
    for (const req of requests) {
      // REST families only ever GET; JSON-RPC families only POST a single call (no batches).
      if (req.rpcMethod === null) expect(req.method).toBe('GET');
      else expect(Array.isArray(JSON.parse(req.body))).toBe(false);
      // Block reads ask for headers, never for whole transactions.
      if (req.rpcMethod === 'eth_getBlockByNumber') expect((req.rpcParams as unknown[])[1]).toBe(false);
    }
  };

  it('evm (real hardhat)', async () => {
    evmProxy.requests.length = 0;
    await checkConfig(yaml('evm', evmProxy.url));
    expectReadOnly('evm', evmProxy.requests);
  });

  it('bitcoin (real litecoind)', async () => {
    ltcProxy.requests.length = 0;
    await checkConfig(yaml('bitcoin', ltcProxy.url, '', `        basicAuth: { username: ${ltc.username}, password: "\${env:PW}" }`), { env: { PW: ltc.password } });
    expectReadOnly('bitcoin', ltcProxy.requests);
  });

  /**
   * A replay server of the case's own: a request the previous case's watch
   * wrote just before its window closed can still arrive after that case
   * ended, and must not land in this case's record.
   */
  const withReplay = async (use: (replay: ReplayServer) => Promise<void>) => {
    const replay = await startReplayServer();
    try {
      await use(replay);
    } finally {
      await replay.close();
    }
  };

  const replayed = (family: Exclude<ChainFamily, 'http-json' | 'evm' | 'bitcoin'>, routes: Routes, extra = '') => withReplay(async (replay) => {
    replay.setRoutes(routes);
    await checkConfig(yaml(family, replay.url, extra));
    expectReadOnly(family, replay.requests);
  });

  it('algorand, with an account watched (replayed algod)', async () => {
    await replayed('algorand', {
      rest: {
        'GET /v2/status': { body: chainFixture('algorand', 'status') },
        'GET /versions': { body: chainFixture('algorand', 'versions-mainnet') },
        [`GET /v2/accounts/${ADDRESS}`]: { body: chainFixture('algorand', 'account-online') },
        [`GET /v2/blocks/${chainFixture('algorand', 'status')['last-round'] - 32}`]: { body: chainFixture('algorand', 'block-header') },
        // The watch's first wait names the round GET /v2/status gave; this node brings no new one.
        [`GET /v2/status/wait-for-block-after/${chainFixture('algorand', 'status')['last-round']}`]: { body: chainFixture('algorand', 'status') },
        'GET /v2/participation': { status: 401, body: chainFixture('algorand', 'error-invalid-token') },
      },
    }, `    accounts: [{ address: ${ADDRESS} }]`);
  });

  it('substrate (replayed)', async () => {
    await replayed('substrate', {
      rpc: {
        chain_getBlockHash: { body: chainFixture('substrate', 'chain_getBlockHash-polkadot') },
        chain_getHeader: { body: chainFixture('substrate', 'chain_getHeader') },
        chain_getFinalizedHead: { body: chainFixture('substrate', 'chain_getFinalizedHead') },
        system_health: { body: chainFixture('substrate', 'system_health') },
        system_peers: { body: chainFixture('substrate', 'error-unsafe') },
      },
    });
  });

  it('cometbft, a node with /header (0.38) and one without (0.34) (replayed)', async () => {
    // The status example of the docs with an unpruned history and each version.
    const status = (version: string) => {
      const body = chainFixture('cometbft', 'status');
      body['result']['node_info']['version'] = version;
      body['result']['sync_info']['earliest_block_height'] = '1';
      return { body };
    };
    const header = { body: chainFixture('cometbft', 'header') };
    const block = { body: chainFixture('cometbft', 'block') };
    await withReplay(async (replay) => {
      for (const version of ['0.38.12', '0.34.27']) {
        replay.setRoutes({ rest: { 'GET /status': status(version), 'GET /header': header, 'GET /block': block } });
        await checkConfig(yaml('cometbft', replay.url));
      }
      expectReadOnly('cometbft', replay.requests);
    });
  });

  it('solana (replayed)', async () => {
    await replayed('solana', {
      rpc: {
        getGenesisHash: { body: chainFixture('solana', 'getGenesisHash') },
        getHealth: { body: chainFixture('solana', 'getHealth-ok') },
        getBlockHeight: { body: chainFixture('solana', 'getBlockHeight') },
        getSlot: (req) => ({ body: chainFixture('solana', (req.rpcParams as [{ commitment: string }])[0].commitment === 'processed' ? 'getSlot-processed' : 'getSlot') }),
        getBlockTime: { body: chainFixture('solana', 'getBlockTime') },
      },
    });
  });

  it('http-json sends only the one configured request, its arrival watch included', async () => {
    const calls: string[] = [];
    await withReplay(async (replay) => {
      replay.setRoutes({ rest: { 'GET /height': { body: { result: { number: 7 } } } } });
      await checkConfig(yaml('http-json', `${replay.url}/height`, '', '        heightPointer: /result/number'));
      calls.push(...replay.requests.map(callName));
    });
    // Nothing but the configured request: the probe's, the watch's first ask, and the asks of the
    // 1 s window on its 2.5 s poll grid (none or one, by where the grid falls).
    expect(new Set(calls)).toEqual(new Set(['GET /height']));
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(3);
  });
});

describe('over WebSocket, every frame each adapter sends is a declared, read-only call', () => {
  const expectReadOnlyFrames = (family: 'evm' | 'substrate' | 'solana', frames: readonly RpcFrame[]) => {
    expect(sortedSet(frames.map((f) => rpcCallName(f.method, f.params)))).toEqual(sortedSet(declaredOverWebSocket(family)));
    for (const call of declaredOverWebSocket(family)) expect(READ_ONLY[family]).toContain(call);
    // One call per frame, never a batch.
    for (const f of frames) expect(f.method).not.toBe('');
  };

  it('evm (real hardhat, a block every second)', async () => {
    const hardhat = await startHardhat();
    try {
      // Deep enough for the cadence read, then a block every second for the subscription.
      await hardhat.mine(40);
      await hardhat.setIntervalMining(1000);
      const proxy = await startWebSocketRecordingProxy(`ws://127.0.0.1:${hardhat.port}/`);
      try {
        const report = await checkConfig(yaml('evm', proxy.url, '    blockTimeSeconds: 1'));
        expect(report.networks[0]!.endpoints[0]!.timings.firstNotificationMs).not.toBeNull();
        expectReadOnlyFrames('evm', proxy.frames);
      } finally {
        await proxy.close();
      }
    } finally {
      await hardhat.stop();
    }
  });

  const served = async (family: 'substrate' | 'solana', options: WebSocketRpcOptions) => {
    const server = await startWebSocketRpcServer(options);
    try {
      const report = await checkConfig(yaml(family, server.url, '    blockTimeSeconds: 1'));
      expect(report.networks[0]!.endpoints[0]!.timings.firstNotificationMs).not.toBeNull();
      expectReadOnlyFrames(family, server.frames);
    } finally {
      await server.close();
    }
  };

  it('substrate (docs shapes)', async () => {
    await served('substrate', {
      answers: {
        chain_getBlockHash: chainFixture('substrate', 'chain_getBlockHash-polkadot'),
        chain_getHeader: chainFixture('substrate', 'chain_getHeader'),
        chain_getFinalizedHead: chainFixture('substrate', 'chain_getFinalizedHead'),
        system_health: chainFixture('substrate', 'system_health'),
        system_peers: chainFixture('substrate', 'error-unsafe'),
      },
      subscriptions: {
        chain_subscribeNewHeads: {
          id: 'sub', notification: 'chain_newHead', unsubscribe: 'chain_unsubscribeNewHeads',
          result: () => chainFixture('substrate', 'chain_newHead')['params'].result,
        },
      },
    });
  });

  it('solana (docs shapes)', async () => {
    await served('solana', {
      answers: {
        getGenesisHash: chainFixture('solana', 'getGenesisHash'),
        getHealth: chainFixture('solana', 'getHealth-ok'),
        getBlockHeight: chainFixture('solana', 'getBlockHeight'),
        getSlot: (params: unknown) => chainFixture('solana', (params as [{ commitment: string }])[0].commitment === 'processed' ? 'getSlot-processed' : 'getSlot'),
        getBlockTime: chainFixture('solana', 'getBlockTime'),
      },
      subscriptions: {
        slotSubscribe: { id: 0, notification: 'slotNotification', unsubscribe: 'slotUnsubscribe', result: () => chainFixture('solana', 'slotNotification')['params'].result },
      },
    });
  });
});
