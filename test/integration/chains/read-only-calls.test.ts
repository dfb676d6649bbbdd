// "Nothing Vantage sends changes state": for every family, a full probe
// (read, exposure, accounts, and a one-second block arrival watch) against a
// real node (hardhat, litecoind) or a replay server records every request the
// node receives. That record must
// equal the adapter's declared readCalls + exposureCalls (what docs/chains.md
// tells operators to whitelist), and every declared call must be on the
// hand-written list of read-only calls below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/chains/registry.ts';
import type { ChainFamily } from '../../../src/config/families.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { startLitecoind, type LitecoinNode } from '../../support/litecoind.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import { startReplayServer, type RecordedRequest, type ReplayServer, type Routes } from '../../support/replay-server.ts';
import { checkConfig } from '../../support/run-check.ts';

/**
 * Read-only by the node's own documentation. Written by hand, not derived
 * from the adapters: adding a call to an adapter must mean adding it here.
 */
const READ_ONLY: Readonly<Record<Exclude<ChainFamily, 'http-json'>, readonly string[]>> = {
  evm: [
    'eth_chainId', 'eth_getBlockByNumber', 'eth_syncing', 'net_peerCount', 'eth_blockNumber', // eth/net reads
    'admin_nodeInfo', 'admin_peers', // admin namespace, read methods only (never addPeer, startHTTP, …)
    'personal_listAccounts', // lists addresses; never unlocks or signs
  ],
  algorand: [
    'GET /v2/status', 'GET /versions', 'GET /v2/accounts/{address}?exclude=all', 'GET /v2/participation',
    'GET /v2/status/wait-for-block-after/{round}', // waits for the next round, then the node status
  ],
  substrate: ['chain_getBlockHash', 'chain_getHeader', 'system_health', 'system_peers'],
  cometbft: ['GET /status'],
  bitcoin: ['getblockchaininfo', 'getblockheader', 'getconnectioncount', 'getblockcount'],
  solana: ['getGenesisHash', 'getHealth', 'getBlockHeight', 'getSlot', 'getBlockTime'],
};

const ADDRESS = 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY';

/** A request as the adapters name calls: the JSON-RPC method, or `GET /path` with the account address as {address}. */
function callName(req: RecordedRequest): string {
  if (req.rpcMethod !== null) return req.rpcMethod;
  const path = req.path.replace(`/v2/accounts/${ADDRESS}`, '/v2/accounts/{address}').replace(/\/wait-for-block-after\/\d+$/, '/wait-for-block-after/{round}');
  return `${req.method} ${path}`;
}

const declared = (family: ChainFamily) => {
  const adapter = adapterFor(family);
  return [...adapter.readCalls, ...adapter.exposureCalls];
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
  let replay: ReplayServer;

  beforeAll(async () => {
    [hardhat, ltc, replay] = await Promise.all([startHardhat(), startLitecoind(), startReplayServer()]);
    await ltc.mine(2);
    [evmProxy, ltcProxy] = await Promise.all([startRecordingProxy(hardhat.url), startRecordingProxy(ltc.url)]);
  });
  afterAll(async () => {
    await Promise.all([evmProxy?.close(), ltcProxy?.close(), replay?.close()]);
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

  const replayed = async (family: Exclude<ChainFamily, 'http-json' | 'evm' | 'bitcoin'>, routes: Routes, extra = '') => {
    replay.setRoutes(routes);
    replay.requests.length = 0;
    await checkConfig(yaml(family, replay.url, extra));
    expectReadOnly(family, replay.requests);
  };

  it('algorand, with an account watched (replayed algod)', async () => {
    await replayed('algorand', {
      rest: {
        'GET /v2/status': { body: chainFixture('algorand', 'status') },
        'GET /versions': { body: chainFixture('algorand', 'versions-mainnet') },
        [`GET /v2/accounts/${ADDRESS}`]: { body: chainFixture('algorand', 'account-online') },
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
        system_health: { body: chainFixture('substrate', 'system_health') },
        system_peers: { body: chainFixture('substrate', 'error-unsafe') },
      },
    });
  });

  it('cometbft (replayed)', async () => {
    await replayed('cometbft', { rest: { 'GET /status': { body: chainFixture('cometbft', 'status') } } });
  });

  it('solana (replayed)', async () => {
    await replayed('solana', {
      rpc: {
        getGenesisHash: { body: chainFixture('solana', 'getGenesisHash') },
        getHealth: { body: chainFixture('solana', 'getHealth-ok') },
        getBlockHeight: { body: chainFixture('solana', 'getBlockHeight') },
        getSlot: { body: chainFixture('solana', 'getSlot') },
        getBlockTime: { body: chainFixture('solana', 'getBlockTime') },
      },
    });
  });

  it('http-json sends only the one configured request, its arrival watch included', async () => {
    replay.setRoutes({ rest: { 'GET /height': { body: { result: { number: 7 } } } } });
    replay.requests.length = 0;
    await checkConfig(yaml('http-json', `${replay.url}/height`, '', '        heightPointer: /result/number'));
    // The probe's one request, the watch's first ask, and its asks in the window (every 2.5 s: one).
    expect(replay.requests.map(callName)).toEqual(['GET /height', 'GET /height', 'GET /height']);
  });
});
