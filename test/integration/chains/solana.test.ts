// Solana against a local stand-in replaying the examples of the Solana RPC
// docs (test/fixtures/chains/solana), through the real engine.
import { describe, expect, it } from 'vitest';
import { chainFixture } from '../../support/chain-fixtures.ts';
import type { RecordedRequest, Reply, Routes } from '../../support/replay-server.ts';
import { oneEndpointConfig, replayedChain } from '../../support/replayed-chain.ts';
import { endpoint } from '../../support/run-check.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const GENESIS = 'GH7ome3EiwEr7tu9JuTh2dpYWBJK3z69Xm1ZE3MEE6JC';
type Method = 'getGenesisHash' | 'getHealth' | 'getBlockHeight' | 'getSlot' | 'getBlockTime';

/** getBlockTime's docs example, moved to `ageSeconds` before NOW. */
const blockTime = (ageSeconds: number): Reply => ({ body: { ...chainFixture('solana', 'getBlockTime'), result: Math.floor(NOW / 1000) - ageSeconds } });
const result = (value: unknown): Reply => ({ body: { jsonrpc: '2.0', result: value, id: 1 } });

/** The docs' examples: finalized slot 1234 (getSlot.json), processed 1266 (32 slots ahead). */
const FINALIZED_SLOT = 1234;
const commitmentOf = (req: RecordedRequest) => (req.rpcParams as [{ commitment?: string }] | undefined)?.[0]?.commitment;

/**
 * getSlot by commitment; getBlockTime by slot: the finalized slot 8 s before
 * NOW, the slot 32 below it `spanSeconds` earlier (13 s: 0.406 s a slot).
 */
function node(parts: Partial<Record<Method, Reply>> & { processed?: Reply; baseTime?: Reply; spanSeconds?: number } = {}): Routes {
  const base = parts.baseTime ?? blockTime(8 + (parts.spanSeconds ?? 13));
  return {
    rpc: {
      getGenesisHash: parts.getGenesisHash ?? { body: chainFixture('solana', 'getGenesisHash') },
      getHealth: parts.getHealth ?? { body: chainFixture('solana', 'getHealth-ok') },
      getBlockHeight: parts.getBlockHeight ?? { body: chainFixture('solana', 'getBlockHeight') },
      getSlot: (req) => commitmentOf(req) === 'processed'
        ? parts.processed ?? { body: chainFixture('solana', 'getSlot-processed') }
        : parts.getSlot ?? { body: chainFixture('solana', 'getSlot') },
      getBlockTime: (req) => (req.rpcParams as number[])[0] === FINALIZED_SLOT - 32 && !parts.getBlockTime ? base : parts.getBlockTime ?? blockTime(8),
    },
  };
}

describe('solana adapter against replayed RPC responses', () => {
  const server = replayedChain();
  const run = (routes: Routes, genesis = GENESIS) =>
    server.replay(routes, (url) => oneEndpointConfig({ id: 'sol', chain: 'solana', expect: { genesisHash: genesis } }, url), { now: () => NOW });

  it('reports a healthy node up: getBlockHeight as height, head age from the finalized slot getBlockTime, finality in slots, the slot interval', async () => {
    const e = endpoint(await run(node()), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    // Finalized 32 slots behind processed: 32 × 0.4 s; 13 s over the 32 slots below the finalized one.
    expect(e.chain).toEqual({
      height: 1233, lagBlocks: 0, headAgeSeconds: 8, syncing: false, peers: null,
      finalizedHeight: 1233, finalityLagBlocks: 32, finalityLagSeconds: 12.8, blockIntervalSeconds: 0.406,
    });
  });

  it('reads height and slot at finalized commitment, the processed slot, and getBlockTime for the finalized slot and 32 below', async () => {
    await run(node());
    const params = (m: string) => server.requests.filter((r) => r.rpcMethod === m).map((r) => r.rpcParams);
    expect(params('getBlockHeight')).toEqual([[{ commitment: 'finalized' }]]);
    expect(params('getSlot')).toEqual([[{ commitment: 'finalized' }], [{ commitment: 'processed' }]]);
    expect(params('getBlockTime')).toEqual([[1234], [1202]]);
  });

  it('reports a finalized slot more than 60 s of slots behind processed as finality_lagging (degraded)', async () => {
    // Roots stopped: processed went on 400 slots (160 s at 0.4 s) past the finalized slot.
    const e = endpoint(await run(node({ processed: result(FINALIZED_SLOT + 400) })), 'sol', 'rpc-1');
    expect(e.status).toBe('degraded');
    expect(e.chain).toMatchObject({ finalizedHeight: 1233, finalityLagBlocks: 400, finalityLagSeconds: 160 });
    expect(e.reasons).toEqual([{
      code: 'finality_lagging',
      message: "finalized head is 2.7 min behind the head (400 slots behind; max 60.0 s); this node's finality is stuck or behind: check that it keeps up replaying and voting (its root is behind the cluster)",
    }]);
  });

  it('reports slots slower than cadenceFactor × 0.4 s as slow_blocks (degraded)', async () => {
    // 32 slots in 40 s: 1.25 s a slot, over 2 × 0.4 s.
    const e = endpoint(await run(node({ spanSeconds: 40 })), 'sol', 'rpc-1');
    expect(e.chain?.blockIntervalSeconds).toBe(1.25);
    expect(e.reasons).toEqual([{
      code: 'slow_blocks',
      message: 'blocks every 1.25 s over the last 32 slots, expected ~0.4 s (max cadenceFactor 2 × 0.4 s); the chain, or the branch this node follows, is producing blocks slowly',
    }]);
  });

  it.each([
    ['skipped (-32007)', { body: chainFixture('solana', 'getBlockTime-skipped') }],
    ['not available (-32004)', { body: chainFixture('solana', 'getBlockTime-unavailable') }],
    ['null', result(null)],
  ] as const)('gives no block interval, and no reason, when the slot 32 below is %s', async (_what, reply) => {
    const e = endpoint(await run(node({ baseTime: reply })), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain).toMatchObject({ headAgeSeconds: 8, blockIntervalSeconds: null, finalityLagBlocks: 32 });
  });

  it('gives no finality, and no reason, when the processed slot cannot be read', async () => {
    const e = endpoint(await run(node({ processed: { body: { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params' }, id: 1 } } })), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain).toMatchObject({ finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null });
  });

  it('reports getHealth -32005 as syncing with the number of slots behind', async () => {
    const e = endpoint(await run(node({ getHealth: { body: chainFixture('solana', 'getHealth-behind') } })), 'sol', 'rpc-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'syncing', message: 'node is behind by 42 slots (getHealth)' }]);
    expect(e.chain).toMatchObject({ syncing: true, lagBlocks: null });
  });

  it('reports getHealth -32005 without a slot count as syncing with the node message', async () => {
    const e = endpoint(await run(node({ getHealth: { body: chainFixture('solana', 'getHealth-unknown') } })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'syncing', message: 'node reports it is unhealthy (getHealth: Node is unhealthy)' }]);
  });

  it('counts -32005 only in a 2xx answer (HTTP status first): in a 503 it is a failed getHealth, health unknown', async () => {
    const e = endpoint(await run(node({ getHealth: { status: 503, body: chainFixture('solana', 'getHealth-behind') } })), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain?.syncing).toBeNull();
  });

  it('treats a provider that hides getHealth as health unknown, not as a failure', async () => {
    const hidden = { body: { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: 1 } };
    const e = endpoint(await run(node({ getHealth: hidden })), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain?.syncing).toBeNull();
  });

  it('reports a block time older than 60 s (the family default) as stale_head', async () => {
    const e = endpoint(await run(node({ getBlockTime: blockTime(300) })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'stale_head', message: 'newest block is 5.0 min old (max 60 s)' }]);
  });

  it('leaves head age unknown when the slot has no block time (-32004), without failing', async () => {
    const e = endpoint(await run(node({ getBlockTime: { body: chainFixture('solana', 'getBlockTime-unavailable') } })), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain?.headAgeSeconds).toBeNull();
  });

  it('reports another cluster as wrong_chain with both genesis hashes', async () => {
    const e = endpoint(await run(node({ getGenesisHash: { body: chainFixture('solana', 'getGenesisHash-mainnet') } })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'wrong_chain', message: `genesisHash is "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d", expected "${GENESIS}"` }]);
  });

  it.each([
    ['a decimal string', '1233', 'block height "1233" is not a JSON number'],
    ['hex', '0x4d1', 'block height "0x4d1" is not a JSON number'],
    ['a negative number', -1, 'block height -1 is not a non-negative whole number'],
  ])('reports getBlockHeight sent as %s as invalid_response', async (_what, value, message) => {
    const e = endpoint(await run(node({ getBlockHeight: result(value) })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: `getBlockHeight: ${message}` }]);
    expect(e.chain?.height).toBeNull();
  });

  it('reports a getHealth result other than "ok" as invalid_response', async () => {
    const e = endpoint(await run(node({ getHealth: result('behind') })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'getHealth returned "behind", expected "ok" or an error' }]);
  });

  it('reports a genesis hash that is not base-58 as invalid_response', async () => {
    const e = endpoint(await run(node({ getGenesisHash: result('0x91b171bb') })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'getGenesisHash returned "0x91b171bb", not a base-58 hash' }]);
  });

  it('reports an error object on getBlockHeight as rpc_error', async () => {
    const failure = { body: { jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: 1 } };
    const e = endpoint(await run(node({ getBlockHeight: failure })), 'sol', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'rpc_error', message: 'getBlockHeight returned error -32603: Internal error' }]);
  });

  it('stops after getGenesisHash when the endpoint is not a JSON-RPC server at all', async () => {
    const notFound: Reply = { status: 404, body: 'Not Found', headers: { 'content-type': 'text/plain' } };
    const e = endpoint(await run(node({ getGenesisHash: notFound })), 'sol', 'rpc-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'http_error', message: 'getGenesisHash: HTTP 404 (Not Found)' }]);
    expect(e.chain).toBeNull();
    expect(server.requests.map((r) => r.rpcMethod)).toEqual(['getGenesisHash']);
  });
});
