// Substrate against a local stand-in replaying Polkadot JSON-RPC responses
// (test/fixtures/chains/substrate), through the real engine.
import { describe, expect, it } from 'vitest';
import { chainFixture } from '../../support/chain-fixtures.ts';
import type { RecordedRequest, Reply, Routes } from '../../support/replay-server.ts';
import { oneEndpointConfig, replayedChain } from '../../support/replayed-chain.ts';
import { codes, endpoint } from '../../support/run-check.ts';

const POLKADOT = '0x91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3';
const HEIGHT = 0x92a3df;

const FINALIZED_HASH = chainFixture('substrate', 'chain_getFinalizedHead')['result'] as string;

type Method = 'chain_getBlockHash' | 'chain_getHeader' | 'chain_getFinalizedHead' | 'system_health' | 'system_peers';

/**
 * chain_getHeader answers the head without params, and the finalized block
 * (`finalized` blocks below the head, 2 by default: GRANDPA's usual distance)
 * for the finalized hash.
 */
function node(parts: Partial<Record<Method, Reply>> & { finalizedBehind?: number } = {}): Routes {
  const headerFor = (req: RecordedRequest): Reply => {
    const params = req.rpcParams as unknown[] | undefined;
    if (!params?.length) return parts.chain_getHeader ?? { body: chainFixture('substrate', 'chain_getHeader') };
    if (params[0] !== FINALIZED_HASH) return { body: { jsonrpc: '2.0', result: null, id: 1 } };
    return header(`0x${(HEIGHT - (parts.finalizedBehind ?? 2)).toString(16)}`);
  };
  return {
    rpc: {
      chain_getBlockHash: parts.chain_getBlockHash ?? { body: chainFixture('substrate', 'chain_getBlockHash-polkadot') },
      chain_getHeader: headerFor,
      chain_getFinalizedHead: parts.chain_getFinalizedHead ?? { body: chainFixture('substrate', 'chain_getFinalizedHead') },
      system_health: parts.system_health ?? { body: chainFixture('substrate', 'system_health') },
      // A public node runs --rpc-methods=safe.
      system_peers: parts.system_peers ?? { body: chainFixture('substrate', 'error-unsafe') },
    },
  };
}

const header = (number: unknown): Reply => {
  const body = chainFixture('substrate', 'chain_getHeader');
  body['result']['number'] = number;
  return { body };
};

describe('substrate adapter against replayed node responses', () => {
  const server = replayedChain();
  const run = (routes: Routes) => server.replay(routes, (url) => oneEndpointConfig({ id: 'dot', chain: 'substrate', expect: { genesisHash: POLKADOT } }, url));

  it('reports a healthy node up with the hex header number as height, peers, finality, and no head age or block interval', async () => {
    const e = endpoint(await run(node()), 'dot', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    // Substrate headers carry no timestamp: head age and block interval are unknown, never guessed;
    // the finality lag in seconds is blocks × blockTimeSeconds (2 × 6 s).
    expect(e.chain).toEqual({
      height: HEIGHT, lagBlocks: 0, headAgeSeconds: null, syncing: false, peers: 42,
      finalizedHeight: HEIGHT - 2, finalityLagBlocks: 2, finalityLagSeconds: 12, blockIntervalSeconds: null,
    });
  });

  it('reads the finalized head as chain_getFinalizedHead, then chain_getHeader of that hash', async () => {
    await run(node());
    const calls = server.requests.map((r) => [r.rpcMethod, r.rpcParams]);
    const at = calls.findIndex(([m]) => m === 'chain_getFinalizedHead');
    expect(calls[at]).toEqual(['chain_getFinalizedHead', []]);
    expect(calls[at + 1]).toEqual(['chain_getHeader', [FINALIZED_HASH]]);
  });

  it('reports a finalized head past maxFinalityLagSeconds as finality_lagging (degraded), in blocks and seconds', async () => {
    // GRANDPA stalled: the head goes on, the finalized head is 50 blocks (300 s) behind; max 120 s.
    const e = endpoint(await run(node({ finalizedBehind: 50 })), 'dot', 'rpc-1');
    expect(e.status).toBe('degraded');
    expect(e.chain).toMatchObject({ finalizedHeight: HEIGHT - 50, finalityLagBlocks: 50, finalityLagSeconds: 300 });
    expect(e.reasons).toEqual([{
      code: 'finality_lagging',
      message: `finalized head is 5.0 min behind the head (finalized block ${HEIGHT - 50}, 50 blocks behind; max 2.0 min); `
        + "this node's finality is stuck or behind: check its peers and its GRANDPA finality in the node log",
    }]);
  });

  it.each([
    ['an error (a provider filtering it)', { body: { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 1 } }],
    ['null', { body: { jsonrpc: '2.0', result: null, id: 1 } }],
    ['something that is not a block hash', { body: { jsonrpc: '2.0', result: '0x1234', id: 1 } }],
  ] as const)('treats a chain_getFinalizedHead answering %s as finality unknown: nulls, no reason', async (_what, reply) => {
    const e = endpoint(await run(node({ chain_getFinalizedHead: reply })), 'dot', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain).toMatchObject({ height: HEIGHT, finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null });
  });

  it('asks for the genesis hash with chain_getBlockHash(0)', async () => {
    await run(node());
    expect(server.requests.find((r) => r.rpcMethod === 'chain_getBlockHash')?.rpcParams).toEqual([0]);
  });

  it('reports system_health isSyncing as syncing (down)', async () => {
    const e = endpoint(await run(node({ system_health: { body: chainFixture('substrate', 'system_health-syncing') } })), 'dot', 'rpc-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'syncing', message: 'node reports it is syncing (system_health isSyncing, 7 peers)' }]);
    expect(e.chain).toMatchObject({ syncing: true, peers: 7, lagBlocks: null });
  });

  it('reports another chain as wrong_chain with both genesis hashes', async () => {
    const e = endpoint(await run(node({ chain_getBlockHash: { body: chainFixture('substrate', 'chain_getBlockHash-kusama') } })), 'dot', 'rpc-1');
    expect(e.reasons).toEqual([{
      code: 'wrong_chain',
      message: `genesisHash is "0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe", expected "${POLKADOT}"`,
    }]);
  });

  it('treats a node that refuses system_health as health unknown, not as a failure', async () => {
    const e = endpoint(await run(node({ system_health: { body: chainFixture('substrate', 'error-unsafe') } })), 'dot', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain).toMatchObject({ height: HEIGHT, syncing: null, peers: null });
  });

  it('reports an error object on chain_getHeader as rpc_error', async () => {
    const error = { body: { jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: 1 } };
    const e = endpoint(await run(node({ chain_getHeader: error })), 'dot', 'rpc-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'rpc_error', message: 'chain_getHeader returned error -32603: Internal error' }]);
    expect(e.chain?.height).toBeNull();
  });

  it.each([
    ['a JSON number', 9610207, 'header number 9610207 is not a hex quantity'],
    ['a decimal string', '9610207', 'header number "9610207" is not a hex quantity'],
    ['hex without 0x', '92a3df', 'header number "92a3df" is not a hex quantity'],
  ])('reports a header number sent as %s as invalid_response', async (_what, value, message) => {
    const e = endpoint(await run(node({ chain_getHeader: header(value) })), 'dot', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: `chain_getHeader: ${message}` }]);
    expect(e.chain?.height).toBeNull();
  });

  it('reports a genesis hash that is not a 32-byte hash as invalid_response', async () => {
    const e = endpoint(await run(node({ chain_getBlockHash: { body: { jsonrpc: '2.0', result: null, id: 1 } } })), 'dot', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'chain_getBlockHash(0) returned null, not a 32-byte hex hash' }]);
  });

  it('reports exposed_admin_api when the unsafe system_peers answers', async () => {
    const e = endpoint(await run(node({ system_peers: { body: chainFixture('substrate', 'system_peers') } })), 'dot', 'rpc-1');
    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{ code: 'exposed_admin_api', message: 'system_peers answers from outside: unsafe RPC methods are exposed (run the public RPC with --rpc-methods=safe)' }]);
  });

  it.each([
    ['-32601 unsafe (safe RPC)', { body: chainFixture('substrate', 'error-unsafe') }],
    ['-32601 method not found (filtering proxy)', { body: { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 1 } }],
    ['403 from a proxy', { status: 403, body: 'forbidden' }],
  ] as const)('reports no exposure when system_peers answers %s', async (_what, reply) => {
    const e = endpoint(await run(node({ system_peers: reply })), 'dot', 'rpc-1');
    expect(e.status).toBe('up');
    expect(codes(e)).toEqual([]);
  });
});
