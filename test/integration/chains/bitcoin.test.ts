// Bitcoin family against real `litecoind -regtest` nodes (same JSON-RPC 1.0
// as bitcoind), plus the two Bitcoin Core shapes litecoind cannot produce on
// demand, replayed from the Bitcoin Core RPC docs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointReport } from '../../../src/report/report.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { startLitecoind, type LitecoinNode } from '../../support/litecoind.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import type { Reply } from '../../support/replay-server.ts';
import { replayedChain } from '../../support/replayed-chain.ts';
import { checkConfig, codes, endpoint, network } from '../../support/run-check.ts';

interface Target {
  readonly id: string;
  readonly url: string;
  readonly username?: string;
  /** An env var name holding the password. */
  readonly passwordEnv?: string;
}

function config(targets: readonly Target[], expectChain = 'regtest'): string {
  return `
version: 1
networks:
  - id: ltc
    chain: bitcoin
    blockTimeSeconds: 150
    expect: { chain: ${expectChain} }
    endpoints:
${targets.map((t) => `      - id: ${t.id}
        url: ${t.url}
${t.username ? `        basicAuth: { username: ${t.username}, password: "\${env:${t.passwordEnv}}" }` : ''}`).join('\n')}
`;
}

describe('bitcoin adapter against real litecoind regtest nodes', () => {
  let a: LitecoinNode;
  let b: LitecoinNode;
  let env: Record<string, string>;
  const target = (id: string, node: LitecoinNode): Target => ({ id, url: node.url, username: node.username, passwordEnv: `PW_${id.toUpperCase()}` });

  beforeAll(async () => {
    [a, b] = await Promise.all([startLitecoind(), startLitecoind()]);
    env = { PW_A: a.password, PW_B: b.password };
    // Two unconnected chains: a at 12, b at 3.
    await Promise.all([a.mine(12), b.mine(3)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('reports the node behind as lagging and the other up, with heights, peers and the tip time as head age', async () => {
    const report = await checkConfig(config([target('a', a), target('b', b)]), { env });
    const up = endpoint(report, 'ltc', 'a');
    const behind = endpoint(report, 'ltc', 'b');
    expect(up.status).toBe('up');
    expect(up.chain).toMatchObject({ height: 12, lagBlocks: 0, syncing: false, peers: 0 });
    // Just mined: the tip's own time (getblockheader) is seconds old.
    expect(up.chain?.headAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(up.chain?.headAgeSeconds).toBeLessThan(600);
    // maxLagBlocks = ceil(30 s / 150 s) = 1
    expect(behind.status).toBe('degraded');
    expect(behind.reasons).toEqual([{ code: 'lagging', message: 'height 3 is 9 blocks behind reference 12 (max 1)' }]);
    expect(network(report, 'ltc').referenceHeight).toBe(12);
  });

  it('reports expect.chain main against a regtest node as wrong_chain with both values', async () => {
    const report = await checkConfig(config([target('a', a)], 'main'), { env });
    const e = endpoint(report, 'ltc', 'a');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'wrong_chain', message: 'chain is "regtest", expected "main"' }]);
  });

  it('reports a wrong RPC password as http_error 401, and no password appears in the report', async () => {
    const wrong = 'not-the-rpc-password-7f3a';
    const report = await checkConfig(config([{ ...target('a', a), passwordEnv: 'PW_WRONG' }]), { env: { PW_WRONG: wrong } });
    const e = endpoint(report, 'ltc', 'a');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'http_error', message: 'getblockchaininfo: HTTP 401: the RPC rejected the credentials; check basicAuth (rpcuser/rpcpassword or rpcauth)' }]);
    const text = JSON.stringify(report);
    expect(text).not.toContain(wrong);
    expect(text).not.toContain(a.password);
  });

  it('reports a node still in initial block download as syncing', async () => {
    const fresh = await startLitecoind();
    try {
      const report = await checkConfig(config([target('fresh', fresh)]), { env: { PW_FRESH: fresh.password } });
      const e = endpoint(report, 'ltc', 'fresh');
      expect(e.status).toBe('down');
      expect(e.reasons[0]).toEqual({ code: 'syncing', message: 'node is in initial block download (blocks 0, headers 0, verification progress 100.0%)' });
      // Its head is the 2011 regtest genesis block: stale as well, and said so.
      expect(codes(e)).toEqual(['syncing', 'stale_head']);
      expect(e.chain).toMatchObject({ height: 0, syncing: true, lagBlocks: null });
    } finally {
      await fresh.stop();
    }
  });

  it('reports a tip older than maxHeadAgeSeconds as stale_head (blocks mined under a clock three hours back)', async () => {
    const old = await startLitecoind();
    try {
      await old.rpc('setmocktime', [Math.floor(Date.now() / 1000) - 3 * 3600]);
      await old.mine(3);
      const report = await checkConfig(config([target('old', old)]), { env: { PW_OLD: old.password } });
      const e = endpoint(report, 'ltc', 'old');
      expect(codes(e)).toEqual(['stale_head']);
      expect(e.reasons[0]!.message).toMatch(/^newest block is 3\.0 h old \(max 7200 s\)$/);
    } finally {
      await old.stop();
    }
  });

  it('reports the RPC warm-up (-28) as down with the node\'s own message, caught on a real restart', async () => {
    const node = await startLitecoind();
    try {
      await node.mine(400);
      // Verifying every block at level 4 keeps the RPC in warm-up for a while after it starts listening.
      await node.restart(['-checkblocks=0', '-checklevel=4']);
      const seen: EndpointReport[] = [];
      const deadline = Date.now() + 60_000;
      for (;;) {
        const report = await checkConfig(config([target('n', node)]), { env: { PW_N: node.password } });
        const e = endpoint(report, 'ltc', 'n');
        if (e.status === 'up' || Date.now() > deadline) {
          seen.push(e);
          break;
        }
        if (codes(e)[0] === 'connect_refused') await new Promise((r) => setTimeout(r, 10)); // not listening yet: poll gently
        else seen.push(e);
      }
      // litecoind answers the warm-up with HTTP 500 and the -28 error object: HTTP status first, then what it means.
      const warmups = seen.filter((e) => codes(e).includes('http_error') && e.reasons[0]!.message.startsWith('getblockchaininfo: HTTP 500'));
      expect(warmups.length).toBeGreaterThan(0);
      for (const e of warmups) {
        expect(e.status).toBe('down');
        expect(e.chain).toBeNull();
        expect(codes(e)).toEqual(['http_error']);
        // The node's own warm-up status: "RPC server started" (its initial value in Bitcoin Core's and
        // Litecoin Core's rpc/server.cpp) until init moves on to "Loading block index…", "Verifying blocks…", ….
        expect(e.reasons[0]!.message).toMatch(/^getblockchaininfo: HTTP 500: node is starting up \(RPC warm-up, error -28\): (RPC server started|Loading|Verifying|Rewinding|Starting|Pruning|Replaying)/);
      }
      expect(seen.at(-1)).toMatchObject({ status: 'up', chain: { height: 400 } });
    } finally {
      await node.stop();
    }
  });
});

describe('block interval on a real litecoind regtest chain mined at chosen times', () => {
  let node: LitecoinNode;
  let proxy: RecordingProxy;
  /** Unix seconds of each block mined here, by height. */
  const times = new Map<number, number>();

  /**
   * Mines `count` blocks `spacing` seconds apart, each under its own
   * setmocktime: a block mined under mock time T is stamped T (T is above
   * the median of the last 11 blocks, as it must be).
   */
  const mineSpaced = async (count: number, spacing: number, from: number) => {
    let at = from;
    for (let i = 0; i < count; i++) {
      await node.rpc('setmocktime', [at]);
      await node.mine(1);
      times.set(await node.blockCount(), at);
      at += spacing;
    }
    return at - spacing;
  };
  const run = (tipTime: number) => checkConfig(config([{ id: 'n', url: proxy.url, username: node.username, passwordEnv: 'PW_N' }]), {
    env: { PW_N: node.password },
    // The probe's clock 30 s after the tip: the head is fresh whatever the mock times were.
    now: () => (tipTime + 30) * 1000,
  });

  beforeAll(async () => {
    node = await startLitecoind();
    proxy = await startRecordingProxy(node.url);
  });
  afterAll(async () => {
    await proxy?.close();
    await node?.stop();
  });

  it('measures 150 s a block over the 32 blocks below the tip, from the two blocks\' own times, and reports no reason', async () => {
    const start = Math.floor(Date.now() / 1000) - 3 * 86_400;
    const tip = await mineSpaced(40, 150, start);
    proxy.requests.length = 0;
    const e = endpoint(await run(tip), 'ltc', 'n');
    expect(e.status).toBe('up');
    expect(e.chain).toMatchObject({ height: 40, blockIntervalSeconds: 150, finalizedHeight: null, finalityLagSeconds: null });
    // getblockhash(40 − 32), then that block's header, after the tip's own header.
    const calls = proxy.requests.map((r) => [r.rpcMethod, r.rpcParams]);
    const hashAt = calls.findIndex(([m]) => m === 'getblockhash');
    expect(calls[hashAt]).toEqual(['getblockhash', [8]]);
    expect(calls[hashAt + 1]![0]).toBe('getblockheader');
    const header = await node.rpc<{ height: number; time: number }>('getblockheader', [(calls[hashAt + 1]![1] as [string])[0]]);
    expect(header).toMatchObject({ height: 8, time: times.get(8) });
  });

  it('reports blocks at 600 s on a 150 s chain as slow_blocks (degraded), with both intervals in the message', async () => {
    const from = times.get(await node.blockCount())! + 600;
    const tip = await mineSpaced(33, 600, from);
    const e = endpoint(await run(tip), 'ltc', 'n');
    expect(e.chain?.blockIntervalSeconds).toBe(600);
    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{
      code: 'slow_blocks',
      message: 'blocks every 10.0 min over the last 32 blocks, expected ~2.5 min (max cadenceFactor 2 × 2.5 min); the chain, or the branch this node follows, is producing blocks slowly',
    }]);
  });
});

describe('bitcoin adapter against replayed Bitcoin Core responses', () => {
  const server = replayedChain();
  const NOW = 1769215475_000 + 20_000; // 20 s after the fixture's tip time
  const info = (fields: Record<string, unknown> = {}): Reply => {
    const body = chainFixture('bitcoin', 'getblockchaininfo');
    body['result'] = { ...body['result'], ...fields };
    return { body };
  };
  const run = async (reply: Reply) => {
    const report = await server.replay({ rpc: { getblockchaininfo: reply, getconnectioncount: { body: { result: 11, error: null, id: 1 } } } }, (url) => `
version: 1
networks:
  - id: btc
    chain: bitcoin
    expect: { chain: main }
    endpoints:
      - id: core
        url: ${url}
        basicAuth: { username: vantage, password: "\${env:PW}" }
`, { env: { PW: 'replay-password' }, now: () => NOW });
    return endpoint(report, 'btc', 'core');
  };

  it('takes the tip time from getblockchaininfo.time when the node sends it, and sends JSON-RPC 1.0 with basic auth', async () => {
    const e = await run(info());
    expect(e.status).toBe('up');
    // No finalized head in proof of work. This stand-in knows no getblockhash (the cadence read): no interval, and no reason.
    expect(e.chain).toEqual({
      height: 933586, lagBlocks: 0, headAgeSeconds: 20, syncing: false, peers: 11,
      finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null,
    });
    expect(server.requests.map((r) => r.rpcMethod)).toEqual(['getblockchaininfo', 'getconnectioncount', 'getblockhash']);
    const first = server.requests[0]!;
    expect(JSON.parse(first.body)).toMatchObject({ jsonrpc: '1.0', method: 'getblockchaininfo', params: [] });
    expect(first.headers.authorization).toBe(`Basic ${Buffer.from('vantage:replay-password').toString('base64')}`);
  });

  it('reports headers far ahead of blocks as syncing', async () => {
    const e = await run(info({ headers: 933600 }));
    expect(e.reasons).toEqual([{ code: 'syncing', message: 'node knows headers up to 933600 but has blocks only up to 933586 (14 behind its own headers, max 1)' }]);
  });

  it('accepts headers one block ahead of blocks (a block being validated)', async () => {
    const e = await run(info({ headers: 933587 }));
    expect(e.status).toBe('up');
  });

  it('reports the -28 warm-up (HTTP 500 + error object) as http_error, saying the node is starting up, with its message', async () => {
    const e = await run({ status: 500, body: chainFixture('bitcoin', 'error-warmup') });
    expect(e.reasons).toEqual([{ code: 'http_error', message: 'getblockchaininfo: HTTP 500: node is starting up (RPC warm-up, error -28): Loading block index…' }]);
    expect(e.chain).toBeNull();
  });

  it('reports the -28 warm-up in a 200 (a JSON-RPC 2.0 server) as rpc_error, with the same words', async () => {
    const e = await run({ status: 200, body: chainFixture('bitcoin', 'error-warmup') });
    expect(e.reasons).toEqual([{ code: 'rpc_error', message: 'node is starting up (RPC warm-up, error -28): Loading block index…' }]);
  });

  it('reports another RPC error in HTTP 500 as http_error quoting it', async () => {
    const e = await run({ status: 500, body: { result: null, error: { code: -1, message: 'Internal bug detected: something' }, id: 1 } });
    expect(e.reasons).toEqual([{ code: 'http_error', message: 'getblockchaininfo: HTTP 500, error -1: Internal bug detected: something' }]);
  });

  it.each([
    ['a decimal string', '933586', 'blocks "933586" is not a JSON number'],
    ['hex', '0xe3ed2', 'blocks "0xe3ed2" is not a JSON number'],
    ['a fraction', 933586.5, 'blocks 933586.5 is not a non-negative whole number'],
  ])('reports blocks sent as %s as invalid_response', async (_what, value, message) => {
    const e = await run(info({ blocks: value }));
    expect(e.reasons).toContainEqual({ code: 'invalid_response', message: `getblockchaininfo: ${message}` });
    expect(e.chain?.height).toBeNull();
  });

  it('reports a result that is not an object as invalid_response', async () => {
    const e = await run({ body: { result: 'ok', error: null, id: 1 } });
    expect(e.reasons).toEqual([{ code: 'invalid_response', message: 'getblockchaininfo returned "ok", not an object' }]);
  });
});
