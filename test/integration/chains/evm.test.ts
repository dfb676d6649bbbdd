// EVM finality and cadence against a real hardhat node, through the real
// engine. hardhat's `finalized` block is its latest (lag 0), so a finalized
// head that lags, stalls or errors comes from a proxy in front of the same
// node that answers `finalized` itself, with a real block of the node's chain.
// Blocks are mined at chosen timestamps, so every interval is known.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { startRecordingProxy, type RecordingProxy } from '../../support/recording-proxy.ts';
import type { RecordedRequest, Reply } from '../../support/replay-server.ts';
import { checkConfig, codes, endpoint } from '../../support/run-check.ts';

interface Block {
  readonly number: string;
  readonly timestamp: string;
}

let node: HardhatNode;
const proxies: RecordingProxy[] = [];

beforeAll(async () => {
  node = await startHardhat();
});
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await node?.stop();
});

const block = (tag: string | number) => node.rpc<Block>('eth_getBlockByNumber', [typeof tag === 'number' ? `0x${tag.toString(16)}` : tag, false]);
const head = async () => Number((await block('latest')).number);
const timeOf = async (height: number) => Number((await block(height)).timestamp);

/** Mines `count` blocks `interval` seconds apart in block time, the first `interval` after the current head. */
async function mineSpaced(count: number, interval: number): Promise<void> {
  const last = Number((await block('latest')).timestamp);
  await node.rpc('evm_setNextBlockTimestamp', [last + interval]);
  await node.rpc('hardhat_mine', [`0x${count.toString(16)}`, `0x${interval.toString(16)}`]);
}

const isFinalizedRead = (req: RecordedRequest) => req.rpcMethod === 'eth_getBlockByNumber' && (req.rpcParams as unknown[])[0] === 'finalized';

/** A proxy to the node that answers `eth_getBlockByNumber("finalized")` itself; every other call reaches hardhat. */
async function finalizedAnswering(reply: Reply): Promise<RecordingProxy> {
  const proxy = await startRecordingProxy(node.url, (req) => (isFinalizedRead(req) ? reply : undefined));
  proxies.push(proxy);
  return proxy;
}

/** The node's own block at `height`, as the answer to `finalized`. */
const finalizedAt = async (height: number): Promise<Reply> => ({ body: { jsonrpc: '2.0', result: await block(height) } });

function yaml(endpoints: { id: string; url: string }[], extra = ''): string {
  return `
version: 1
networks:
  - id: eth
    chain: evm
    expect: { chainId: 31337 }
${extra}
    endpoints:
${endpoints.map((e) => `      - { id: ${e.id}, url: "${e.url}" }`).join('\n')}
`;
}

describe('evm block interval on a real hardhat node', () => {
  it('near genesis, measures from block 1 over the blocks there are: 9 blocks at 12 s', async () => {
    // A fresh node: block 0 is genesis; mine 10 more, 12 s apart.
    expect(await head()).toBe(0);
    await mineSpaced(10, 12);
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: node.url }])), 'eth', 'a');
    expect(e.chain?.height).toBe(10);
    expect(e.chain?.blockIntervalSeconds).toBe(12);
    expect(e.reasons).toEqual([]);
  });

  it('measures 12 s a block over the 32 below the head: on time, no reason', async () => {
    await mineSpaced(40, 12);
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: node.url }])), 'eth', 'a');
    expect(e.chain?.height).toBe(50);
    expect(e.chain?.blockIntervalSeconds).toBe(12);
    expect(e.status).toBe('up');
  });

  it('reads the block 32 below the head by number, without transactions', async () => {
    const proxy = await finalizedAnswering({ body: { jsonrpc: '2.0', result: null } });
    await checkConfig(yaml([{ id: 'a', url: proxy.url }]));
    const reads = proxy.requests.filter((r) => r.rpcMethod === 'eth_getBlockByNumber').map((r) => r.rpcParams);
    expect(reads).toEqual([['latest', false], ['finalized', false], [`0x${(50 - 32).toString(16)}`, false]]);
  });

  it('reports blocks every 30 s on a 12 s chain as slow_blocks on every endpoint: the chain itself is slow', async () => {
    await mineSpaced(32, 30);
    const proxy = await finalizedAnswering({ body: { jsonrpc: '2.0', result: null } });
    const report = await checkConfig(yaml([{ id: 'a', url: node.url }, { id: 'b', url: proxy.url }]));
    for (const id of ['a', 'b']) {
      const e = endpoint(report, 'eth', id);
      expect(e.chain?.blockIntervalSeconds).toBe(30);
      expect(e.status).toBe('degraded');
      expect(e.reasons).toEqual([{
        code: 'slow_blocks',
        message: 'blocks every 30.0 s over the last 32 blocks, expected ~12 s (max cadenceFactor 2 × 12 s); '
          + 'every endpoint of the network sees it: the chain itself is producing blocks slowly (block producers offline or a network problem), nothing to fix on one node',
      }]);
    }
  });

  it('takes cadenceFactor from the network: 30 s blocks are within 3 × 12 s', async () => {
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: node.url }], '    cadenceFactor: 3')), 'eth', 'a');
    expect(e.chain?.blockIntervalSeconds).toBe(30);
    expect(codes(e)).toEqual([]);
  });
});

describe('evm finality on a real hardhat node and proxies that answer `finalized`', () => {
  beforeAll(async () => {
    // Back to 12 s blocks, deep enough for every scenario below.
    await mineSpaced(200, 12);
  });

  it('hardhat\'s finalized block is its latest: finalized height = height, lag 0 blocks and 0 s', async () => {
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: node.url }])), 'eth', 'a');
    const height = await head();
    expect(e.chain).toMatchObject({ height, finalizedHeight: height, finalityLagBlocks: 0, finalityLagSeconds: 0, blockIntervalSeconds: 12 });
    expect(e.status).toBe('up');
  });

  it('a finalized head 64 blocks behind: the lag in blocks, and in seconds from the two blocks\' own timestamps', async () => {
    const height = await head();
    const proxy = await finalizedAnswering(await finalizedAt(height - 64));
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: proxy.url }])), 'eth', 'a');
    expect(e.chain).toMatchObject({
      height, finalizedHeight: height - 64, finalityLagBlocks: 64,
      finalityLagSeconds: (await timeOf(height)) - (await timeOf(height - 64)),
    });
    expect(e.chain?.finalityLagSeconds).toBe(768);
    expect(e.status).toBe('up');
  });

  it('seconds come from timestamps, not blocks × blockTimeSeconds: a network that says 2 s blocks still sees 768 s', async () => {
    const height = await head();
    const proxy = await finalizedAnswering(await finalizedAt(height - 64));
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: proxy.url }], '    blockTimeSeconds: 2\n    cadenceFactor: 100')), 'eth', 'a');
    expect(e.chain?.finalityLagSeconds).toBe(768);
  });

  it('a stalled finalized head: the head moves on, the lag passes maxFinalityLagSeconds, finality_lagging on that node only', async () => {
    const stuckAt = await head();
    const proxy = await finalizedAnswering(await finalizedAt(stuckAt));
    // 120 more blocks at 12 s: 1440 s since the finalized block, over the default 1200 s.
    await mineSpaced(120, 12);
    const report = await checkConfig(yaml([{ id: 'stalled', url: proxy.url }, { id: 'direct', url: node.url }]));
    const stalled = endpoint(report, 'eth', 'stalled');
    expect(stalled.chain).toMatchObject({ finalizedHeight: stuckAt, finalityLagBlocks: 120, finalityLagSeconds: 1440 });
    expect(stalled.status).toBe('degraded');
    expect(stalled.reasons).toEqual([{
      code: 'finality_lagging',
      message: `finalized head is 24.0 min behind the head (finalized block ${stuckAt}, 120 blocks behind; max 20.0 min); `
        + "this node's finality is stuck or behind: check that its consensus client (beacon node) is synced and has peers",
    }]);
    expect(endpoint(report, 'eth', 'direct')).toMatchObject({ status: 'up', reasons: [] });
  });

  it('every endpoint stalled: the message says the chain itself is not finalizing', async () => {
    const stuck = await finalizedAt((await head()) - 120);
    const [p1, p2] = [await finalizedAnswering(stuck), await finalizedAnswering(stuck)];
    const report = await checkConfig(yaml([{ id: 'p1', url: p1.url }, { id: 'p2', url: p2.url }]));
    for (const id of ['p1', 'p2']) {
      expect(endpoint(report, 'eth', id).reasons[0]!.message).toMatch(/; every endpoint of the network sees it: the chain itself is not finalizing; nothing to fix on one node/);
    }
  });

  it('takes maxFinalityLagSeconds from the network', async () => {
    const proxy = await finalizedAnswering(await finalizedAt((await head()) - 120));
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: proxy.url }], '    maxFinalityLagSeconds: 1800')), 'eth', 'a');
    expect(e.chain?.finalityLagSeconds).toBe(1440);
    expect(codes(e)).toEqual([]);
  });

  it.each([
    ['geth: -32000 "finalized block not found"', { body: { jsonrpc: '2.0', error: { code: -32000, message: 'finalized block not found' } } }],
    ['Besu, Erigon: -39001 "Unknown block"', { body: { jsonrpc: '2.0', error: { code: -39001, message: 'Unknown block' } } }],
    ['Nethermind, reth: null', { body: { jsonrpc: '2.0', result: null } }],
    ['a client without the tag: -32602 invalid argument', { body: { jsonrpc: '2.0', error: { code: -32602, message: 'invalid argument 0: hex string without 0x prefix' } } }],
    ['a proxy refusing it with HTTP 400', { status: 400, body: { jsonrpc: '2.0', error: { code: -32600, message: 'block tag not allowed' } } }],
    ['a block without a number', { body: { jsonrpc: '2.0', result: { hash: '0x00' } } }],
  ] as const)('a `finalized` answered by %s: finality null, never a reason', async (_what, reply) => {
    const proxy = await finalizedAnswering(reply);
    const e = endpoint(await checkConfig(yaml([{ id: 'a', url: proxy.url }])), 'eth', 'a');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    expect(e.chain).toMatchObject({ height: await head(), finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: 12 });
  });
});
