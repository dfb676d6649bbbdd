// CometBFT against a local stand-in replaying the /status example of the
// CometBFT RPC reference (test/fixtures/chains/cometbft), through the real engine.
import { describe, expect, it } from 'vitest';
import { chainFixture } from '../../support/chain-fixtures.ts';
import type { RecordedRequest, Reply, Routes } from '../../support/replay-server.ts';
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
  const run = (reply: Reply, expectNetwork = 'cosmoshub-2', more: Routes['rest'] = {}) =>
    node.replay({ rest: { 'GET /status': reply, ...more } }, (url) => oneEndpointConfig({ id: 'cosmos', chain: 'cometbft', expect: { network: expectNetwork } }, url), { now: () => NOW });

  it('reports a healthy node up: string height parsed, head age from latest_block_time (nanoseconds)', async () => {
    const e = endpoint(await run(status(4)), 'cosmos', 'rpc-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    // Instant finality: the head is final. The docs' node keeps no block below its head
    // (earliest_block_height = latest), so there is no older header to read: no interval, no call.
    expect(e.chain).toEqual({
      height: 1262196, lagBlocks: 0, headAgeSeconds: 4, syncing: false, peers: null,
      finalizedHeight: 1262196, finalityLagBlocks: 0, finalityLagSeconds: 0, blockIntervalSeconds: null,
    });
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

  describe('block interval from the header 32 blocks below the head', () => {
    const HEAD = 1262196;
    /** /status of a node at `version` keeping blocks from `earliest`, its head 4 s old. */
    const statusOf = (version: string, earliest = 1) => {
      const reply = status(4, { earliest_block_height: String(earliest) });
      (reply.body as Record<string, any>)['result']['node_info']['version'] = version;
      return reply;
    };
    /** The docs' header (or block) at the requested height, its time `secondsBeforeHead` before the head's. */
    const olderBlock = (fixture: 'header' | 'block', secondsBeforeHead: number) => (req: RecordedRequest): Reply => {
      const body = chainFixture('cometbft', fixture);
      const header = fixture === 'header' ? body['result']['header'] : body['result']['block']['header'];
      header['height'] = new URL(req.path, 'http://x').searchParams.get('height');
      header['time'] = new Date(NOW - (4 + secondsBeforeHead) * 1000).toISOString();
      return { body };
    };
    const paths = () => node.requests.map((r) => `${r.method} ${r.path}`);

    it('reads /header (CometBFT 0.37 and later) at head − 32: 192 s over 32 blocks is 6 s a block', async () => {
      const e = endpoint(await run(statusOf('0.38.12'), 'cosmoshub-2', { 'GET /header': olderBlock('header', 192) }), 'cosmos', 'rpc-1');
      expect(paths()).toEqual(['GET /status', `GET /header?height=${HEAD - 32}`]);
      expect(e.status).toBe('up');
      expect(e.chain?.blockIntervalSeconds).toBe(6);
    });

    it('reads /block where the node is older than 0.37 (no /header route), to the same result', async () => {
      const e = endpoint(await run(statusOf('0.34.27'), 'cosmoshub-2', { 'GET /block': olderBlock('block', 192) }), 'cosmos', 'rpc-1');
      expect(paths()).toEqual(['GET /status', `GET /block?height=${HEAD - 32}`]);
      expect(e.chain?.blockIntervalSeconds).toBe(6);
    });

    it('goes no lower than earliest_block_height on a pruned node, measuring fewer blocks', async () => {
      const e = endpoint(await run(statusOf('0.38.12', HEAD - 10), 'cosmoshub-2', { 'GET /header': olderBlock('header', 60) }), 'cosmos', 'rpc-1');
      expect(paths()).toEqual(['GET /status', `GET /header?height=${HEAD - 10}`]);
      expect(e.chain?.blockIntervalSeconds).toBe(6);
    });

    it('reports blocks slower than cadenceFactor × blockTimeSeconds as slow_blocks (degraded), naming the span', async () => {
      const e = endpoint(await run(statusOf('0.38.12'), 'cosmoshub-2', { 'GET /header': olderBlock('header', 32 * 20) }), 'cosmos', 'rpc-1');
      expect(e.status).toBe('degraded');
      expect(e.chain?.blockIntervalSeconds).toBe(20);
      expect(e.reasons).toEqual([{
        code: 'slow_blocks',
        message: 'blocks every 20.0 s over the last 32 blocks, expected ~6 s (max cadenceFactor 2 × 6 s); the chain, or the branch this node follows, is producing blocks slowly',
      }]);
    });

    it.each([
      ['HTTP 500 "height is not available" (pruned after /status)', { status: 500, body: chainFixture('cometbft', 'error-pruned') }],
      ['HTTP 404 (a gateway without the route)', { status: 404, body: '404 page not found' }],
      ['a header for another height', { body: { ...chainFixture('cometbft', 'header') } }],
    ] as const)('gives no block interval, and no reason, on %s', async (_what, reply) => {
      const e = endpoint(await run(statusOf('0.38.12'), 'cosmoshub-2', { 'GET /header': reply }), 'cosmos', 'rpc-1');
      expect(e.status).toBe('up');
      expect(e.reasons).toEqual([]);
      expect(e.chain).toMatchObject({ height: HEAD, headAgeSeconds: 4, blockIntervalSeconds: null });
    });
  });
});

