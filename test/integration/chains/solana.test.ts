// Solana against a local stand-in replaying the examples of the Solana RPC
// docs (test/fixtures/chains/solana), through the real engine.
import { describe, expect, it } from 'vitest';
import { chainFixture } from '../../support/chain-fixtures.ts';
import type { Reply, Routes } from '../../support/replay-server.ts';
import { oneEndpointConfig, replayedChain } from '../../support/replayed-chain.ts';
import { endpoint } from '../../support/run-check.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const GENESIS = 'GH7ome3EiwEr7tu9JuTh2dpYWBJK3z69Xm1ZE3MEE6JC';
type Method = 'getGenesisHash' | 'getHealth' | 'getBlockHeight' | 'getSlot' | 'getBlockTime';

/** getBlockTime's docs example, moved to `ageSeconds` before NOW. */
const blockTime = (ageSeconds: number): Reply => ({ body: { ...chainFixture('solana', 'getBlockTime'), result: Math.floor(NOW / 1000) - ageSeconds } });
const result = (value: unknown): Reply => ({ body: { jsonrpc: '2.0', result: value, id: 1 } });

function node(parts: Partial<Record<Method, Reply>> = {}): Routes {
  return {
    rpc: {
      getGenesisHash: parts.getGenesisHash ?? { body: chainFixture('solana', 'getGenesisHash') },
      getHealth: parts.getHealth ?? { body: chainFixture('solana', 'getHealth-ok') },
      getBlockHeight: parts.getBlockHeight ?? { body: chainFixture('solana', 'getBlockHeight') },
      getSlot: parts.getSlot ?? { body: chainFixture('solana', 'getSlot') },
      getBlockTime: parts.getBlockTime ?? blockTime(8),
    },
  };
}

describe('solana adapter against replayed RPC responses', () => {
  const server = replayedChain();
  const run = (routes: Routes, genesis = GENESIS) =>
    server.replay(routes, (url) => oneEndpointConfig({ id: 'sol', chain: 'solana', expect: { genesisHash: genesis } }, url), { now: () => NOW });

  it('reports a healthy node up: getBlockHeight as height, head age from the finalized slot getBlockTime', async () => {
    const e = endpoint(await run(node()), 'sol', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    expect(e.chain).toEqual({ height: 1233, lagBlocks: 0, headAgeSeconds: 8, syncing: false, peers: null });
  });

  it('reads height and slot at finalized commitment and asks getBlockTime for that slot', async () => {
    await run(node());
    const params = (m: string) => server.requests.find((r) => r.rpcMethod === m)?.rpcParams;
    expect(params('getBlockHeight')).toEqual([{ commitment: 'finalized' }]);
    expect(params('getSlot')).toEqual([{ commitment: 'finalized' }]);
    expect(params('getBlockTime')).toEqual([1234]);
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
