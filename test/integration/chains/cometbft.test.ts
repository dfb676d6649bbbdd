// CometBFT against a local stand-in replaying the /status example of the
// CometBFT RPC reference (test/fixtures/chains/cometbft), through the real engine.
import { describe, expect, it } from 'vitest';
import { chainFixture } from '../../support/chain-fixtures.ts';
import type { Reply } from '../../support/replay-server.ts';
import { oneEndpointConfig, replayedChain } from '../../support/replayed-chain.ts';
import { endpoint } from '../../support/run-check.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');

/** The docs' /status, with its block time moved to `ageSeconds` before NOW and any sync_info fields replaced. */
function status(ageSeconds: number, sync: Record<string, unknown> = {}, fixture = 'status'): Reply {
  const body = chainFixture('cometbft', fixture);
  body['result']['sync_info'] = { ...body['result']['sync_info'], latest_block_time: new Date(NOW - ageSeconds * 1000).toISOString().replace('Z', '123456Z'), ...sync };
  return { body };
}

describe('cometbft adapter against replayed /status responses', () => {
  const node = replayedChain();
  const run = (reply: Reply, expectNetwork = 'cosmoshub-2') =>
    node.replay({ rest: { 'GET /status': reply } }, (url) => oneEndpointConfig({ id: 'cosmos', chain: 'cometbft', expect: { network: expectNetwork } }, url), { now: () => NOW });

  it('reports a healthy node up: string height parsed, head age from latest_block_time (nanoseconds)', async () => {
    const e = endpoint(await run(status(4)), 'cosmos', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    expect(e.chain).toEqual({ height: 1262196, lagBlocks: 0, headAgeSeconds: 4, syncing: false, peers: null });
    expect(node.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /status']);
  });

  it('reports catching_up as syncing (down)', async () => {
    const e = endpoint(await run(status(4, {}, 'status-catching-up')), 'cosmos', 'rpc-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'syncing', message: 'node reports catching_up (at height 1262196)' }]);
    expect(e.chain?.syncing).toBe(true);
  });

  it('reports a head older than 60 s (the family default) as stale_head', async () => {
    const e = endpoint(await run(status(600)), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'stale_head', message: 'newest block is 10.0 min old (max 60 s)' }]);
  });

  it('reports the docs example as it is (a head from 2019) as stale', async () => {
    const e = endpoint(await run({ body: chainFixture('cometbft', 'status') }), 'cosmos', 'rpc-1');
    expect(e.reasons[0]?.code).toBe('stale_head');
  });

  it('reports another network as wrong_chain with both chain ids', async () => {
    const e = endpoint(await run(status(4), 'cosmoshub-4'), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'wrong_chain', message: 'network is "cosmoshub-2", expected "cosmoshub-4"' }]);
  });

  it('reports a JSON-RPC error envelope in HTTP 500 (as CometBFT sends it) as http_error quoting the error and its data', async () => {
    const e = endpoint(await run({ status: 500, body: chainFixture('cometbft', 'error-internal') }), 'cosmos', 'rpc-1');
    expect(e.status).toBe('down');
    // HTTP status first (DESIGN.md, "Precise rules").
    expect(e.reasons).toEqual([{ code: 'http_error', message: 'GET /status: HTTP 500, error -32603: Internal error (blockstore is not initialized)' }]);
    expect(e.chain).toBeNull();
  });

  it('reports the same error envelope in a 200 as rpc_error with its data', async () => {
    const e = endpoint(await run({ status: 200, body: chainFixture('cometbft', 'error-internal') }), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'rpc_error', message: 'GET /status returned error -32603: Internal error (blockstore is not initialized)' }]);
    expect(e.chain).toBeNull();
  });

  it('reports an error without a numeric code in a 200 as invalid_response', async () => {
    const e = endpoint(await run({ status: 200, body: { jsonrpc: '2.0', id: -1, error: 'internal error' } }), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'GET /status: error without a numeric code (not a JSON-RPC error object): internal error' }]);
  });

  it.each([
    ['a JSON number (CometBFT sends int64 as a string)', 1262196, 'latest_block_height 1262196 is not a decimal string'],
    ['hex', '0x13425c', 'latest_block_height "0x13425c" is not a non-negative whole number'],
    ['a negative string', '-1', 'latest_block_height "-1" is not a non-negative whole number'],
  ])('reports latest_block_height sent as %s as invalid_response', async (_what, value, message) => {
    const e = endpoint(await run(status(4, { latest_block_height: value })), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: `GET /status: ${message}` }]);
    expect(e.chain?.height).toBeNull();
  });

  it('reports an unparseable latest_block_time as invalid_response', async () => {
    const e = endpoint(await run(status(4, { latest_block_time: 'yesterday' })), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'GET /status: latest_block_time "yesterday" is not an RFC 3339 time' }]);
  });

  it('reads a bare status object (no envelope), as some gateways serve it', async () => {
    const bare = status(4).body as { result: unknown };
    const e = endpoint(await run({ body: bare.result }), 'cosmos', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.chain?.height).toBe(1262196);
  });

  it('reports a body that is neither an envelope nor a status as invalid_response', async () => {
    const e = endpoint(await run({ body: { hello: 'world' } }), 'cosmos', 'rpc-1');
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'GET /status: neither a JSON-RPC result nor a node status' }]);
  });
});
