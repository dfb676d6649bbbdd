// Block arrival latency end to end (DESIGN.md, "Block arrival latency"):
// real hardhat with interval mining (one block a second) behind proxies that
// serve its head late or hide it, over HTTP and over its WebSocket (newHeads
// held back by a proxy; a server that refuses subscriptions), an algod
// wait-for-block-after server that releases rounds on a timer, and runs cut
// by their deadline mid-window.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAlgodFixture, type AlgodFixture } from '../../support/algod-fixture.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { startHeadDelayProxy } from '../../support/head-delay-proxy.ts';
import { checkConfig, codes, endpoint, network } from '../../support/run-check.ts';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { resolveSecrets } from '../../../src/config/resolve-secrets.ts';
import { runRound } from '../../../src/engine/round.ts';
import { adapterFor } from '../../../src/chains/registry.ts';
import { arrivalPollMs } from '../../../src/engine/arrival-budget.ts';
import { startWebSocketRecordingProxy } from '../../support/websocket-recording-proxy.ts';
import { startWebSocketRpcServer } from '../../support/websocket-rpc-server.ts';

const INJECTED_DELAY_MS = 2500;

const evmNetwork = (endpoints: Record<string, string>, arrival: string) => `
version: 1
networks:
  - id: eth
    chain: evm
    blockTimeSeconds: 1
    arrival: ${arrival}
    endpoints:
${Object.entries(endpoints).map(([id, url]) => `      - { id: ${id}, url: "${url}" }`).join('\n')}
`;

describe('EVM arrival on hardhat mining a block a second', () => {
  let hardhat: HardhatNode;
  beforeAll(async () => {
    hardhat = await startHardhat();
    await hardhat.setIntervalMining(1000);
  });
  afterAll(() => hardhat?.stop());

  it(`an endpoint serving the head ${INJECTED_DELAY_MS} ms late is late_blocks alone, its p50 within ±300 ms of the delay, its block lag small`, async () => {
    const delayed = await startHeadDelayProxy(hardhat.url, { delayMs: INJECTED_DELAY_MS });
    try {
      const report = await checkConfig(evmNetwork({ 'direct-a': hardhat.url, 'direct-b': hardhat.url, delayed: delayed.url }, '{ windowSeconds: 8, maxDelayMs: 1000 }'));
      const late = endpoint(report, 'eth', 'delayed');
      expect(codes(late)).toEqual(['late_blocks']);
      // Blocks behind stays within what 2.5 s of one-second blocks makes: never lagging.
      expect(late.chain!.lagBlocks).toBeLessThanOrEqual(3);
      expect(late.arrival!.blocks).toBeGreaterThanOrEqual(4);
      expect(Math.abs(late.arrival!.p50Ms! - INJECTED_DELAY_MS)).toBeLessThanOrEqual(300);
      expect(late.arrival!.resolutionMs).toBe(250);
      expect(late.reasons[0]!.message).toMatch(/^blocks arrive 2\.\d s after the fastest endpoint \(p50 of \d+ blocks.*; max 1000 ms\)$/);
      for (const id of ['direct-a', 'direct-b']) {
        const direct = endpoint(report, 'eth', id);
        expect(codes(direct)).toEqual([]);
        expect(direct.arrival).toMatchObject({ blocks: late.arrival!.blocks, missed: 0, resolutionMs: 250 });
        expect(direct.arrival!.p50Ms!).toBeLessThan(250);
      }
      expect(network(report, 'eth').status).toBe('degraded');
      // The watch asked eth_blockNumber only, all on one kept-alive connection (the probe's own calls came before, on their own).
      const watch = delayed.requests.filter((r) => r.method === 'eth_blockNumber');
      expect(watch.length).toBeGreaterThanOrEqual(20);
      expect(new Set(watch.map((r) => r.clientPort)).size).toBe(1);
    } finally {
      await delayed.close();
    }
  });

  it('an endpoint that hides every new block until the window closes has missed them all', async () => {
    const hiding = await startHeadDelayProxy(hardhat.url, { hideFromFirstWatchMs: 60_000 });
    try {
      const report = await checkConfig(evmNetwork({ direct: hardhat.url, hiding: hiding.url }, '{ windowSeconds: 4, maxDelayMs: 1000 }'));
      const hidden = endpoint(report, 'eth', 'hiding');
      expect(hidden.arrival!.blocks).toBeGreaterThanOrEqual(2);
      expect(hidden.arrival!.missed).toBe(hidden.arrival!.blocks);
      expect(codes(hidden)).toEqual(['late_blocks']);
      expect(hidden.reasons[0]!.message).toMatch(/^blocks arrive more than \d\.\d s after the fastest endpoint: (\d+) of \1 blocks not shown before the 4 s window closed \(max 1000 ms\)$/);
      expect(endpoint(report, 'eth', 'direct').arrival).toMatchObject({ missed: 0, p50Ms: 0 });
    } finally {
      await hiding.close();
    }
  });

  it('a run cut by its deadline in the middle of a window ends there and reports what it saw', async () => {
    const loaded = parseConfigText(evmNetwork({ a: hardhat.url, b: hardhat.url }, '{ windowSeconds: 40, maxDelayMs: 1000 }'), { file: null, baseDir: process.cwd() });
    const { config, redactor } = await resolveSecrets(applyDefaults(loaded), { env: {} });
    const deadline = new AbortController();
    const report = await runRound(config, redactor, {
      region: 'local',
      runSignal: deadline.signal,
      // The deadline comes 4 s into the watch, long before its 40 s window ends.
      onArrivalWatch: () => void setTimeout(() => deadline.abort(), 4000),
    });
    expect(report.durationMs).toBeLessThan(20_000);
    for (const id of ['a', 'b']) {
      const e = endpoint(report, 'eth', id);
      expect(codes(e)).toEqual([]);
      // About 4 blocks came; those first seen over a second before the cut are judged.
      expect(e.arrival!.blocks).toBeGreaterThanOrEqual(1);
      expect(e.arrival!.missed).toBe(0);
    }
  });

  it('a network without arrival, a private endpoint and a dead one get arrival null; nothing is watched', async () => {
    const proxy = await startHeadDelayProxy(hardhat.url);
    try {
      const report = await checkConfig(`
version: 1
networks:
  - id: watched
    chain: evm
    blockTimeSeconds: 1
    arrival: { windowSeconds: 1, maxDelayMs: 500 }
    endpoints:
      - { id: live, url: "${hardhat.url}" }
      - { id: private, url: "http://127.0.0.1:1", visibility: private }
      - { id: dead, url: "http://127.0.0.1:1", timeoutMs: 1000 }
  - id: unwatched
    chain: evm
    endpoints:
      - { id: plain, url: "${proxy.url}" }
`);
      expect(endpoint(report, 'watched', 'live').arrival).not.toBeNull();
      expect(endpoint(report, 'watched', 'private').arrival).toBeNull();
      expect(endpoint(report, 'watched', 'dead').arrival).toBeNull();
      expect(endpoint(report, 'unwatched', 'plain').arrival).toBeNull();
      expect(proxy.requests.map((r) => r.method)).not.toContain('eth_blockNumber');
    } finally {
      await proxy.close();
    }
  });
});

describe('EVM arrival over WebSocket subscriptions on hardhat mining a block a second', () => {
  let hardhat: HardhatNode;
  beforeAll(async () => {
    hardhat = await startHardhat();
    await hardhat.setIntervalMining(1000);
  });
  afterAll(() => hardhat?.stop());

  const wsUrl = () => `ws://127.0.0.1:${hardhat.port}/`;
  /** The watch's frames on one endpoint: those after the probe's own subscription was cancelled. */
  const watchFrames = (methods: readonly string[]) => methods.slice(methods.indexOf('eth_unsubscribe') + 1);

  it(`an endpoint whose newHeads arrive ${INJECTED_DELAY_MS} ms late is late_blocks alone, its p50 within ±300 ms of the delay, at resolution 0; each watch subscribes once and unsubscribes at the end`, async () => {
    const direct = await startWebSocketRecordingProxy(wsUrl());
    const delayed = await startWebSocketRecordingProxy(wsUrl(), { holdNotificationsMs: INJECTED_DELAY_MS });
    try {
      const report = await checkConfig(evmNetwork({ direct: `${direct.url}/`, delayed: `${delayed.url}/` }, '{ windowSeconds: 8, maxDelayMs: 1000 }'));
      const late = endpoint(report, 'eth', 'delayed');
      expect(codes(late)).toEqual(['late_blocks']);
      expect(late.arrival!.blocks).toBeGreaterThanOrEqual(4);
      expect(Math.abs(late.arrival!.p50Ms! - INJECTED_DELAY_MS)).toBeLessThanOrEqual(300);
      expect(late.arrival!.resolutionMs).toBe(0);
      const fast = endpoint(report, 'eth', 'direct');
      expect(codes(fast)).toEqual([]);
      expect(fast.arrival).toMatchObject({ blocks: late.arrival!.blocks, missed: 0, p50Ms: 0, resolutionMs: 0 });
      // The watch: subscribe once, read where the head is once, then nothing until the window's end cancels the subscription.
      for (const proxy of [direct, delayed]) {
        expect(watchFrames(proxy.frames.map((f) => f.method))).toEqual(['eth_subscribe', 'eth_blockNumber', 'eth_unsubscribe']);
      }
      const [subscribe, , unsubscribe] = direct.frames.slice(-3);
      expect(subscribe!.params).toEqual(['newHeads']);
      expect(unsubscribe!.params).toEqual([expect.stringMatching(/^0x[0-9a-f]+$/)]);
    } finally {
      await Promise.all([direct.close(), delayed.close()]);
    }
  });

  it('a node that refuses the subscription is polled on its WebSocket instead, at the poll interval, with no reason from the watch', async () => {
    // hardhat's answers (over HTTP behind the server) to every read; eth_subscribe is a method it does not know.
    const evm = adapterFor('evm');
    const methods = [...new Set([...evm.readCalls, ...evm.exposureCalls].map((call) => call.replace(/\(.*\)$/, '')))];
    const forward = (method: string) => async (params: unknown) => {
      const res = await fetch(hardhat.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
      return (await res.json()) as unknown;
    };
    const server = await startWebSocketRpcServer({ answers: Object.fromEntries(methods.map((m) => [m, forward(m)])) });
    try {
      const report = await checkConfig(evmNetwork({ refusing: `${server.url}/`, http: hardhat.url }, '{ windowSeconds: 4, maxDelayMs: 1000 }'));
      const e = endpoint(report, 'eth', 'refusing');
      // The probe's own subscription reports the refusal; the watch adds nothing to it.
      expect(e.reasons).toEqual([{ code: 'rpc_error', message: 'eth_subscribe returned error -32601: Method not found' }]);
      expect(e.arrival).toMatchObject({ missed: 0, resolutionMs: arrivalPollMs({ blockTimeSeconds: 1 }) });
      expect(e.arrival!.blocks).toBeGreaterThanOrEqual(1);
      const watch = server.frames.map((f) => f.method).slice(server.frames.findLastIndex((f) => f.method === 'eth_subscribe'));
      expect(watch[0]).toBe('eth_subscribe');
      // Polled on one grid for the whole window: well over the one ask a subscription makes.
      expect(watch.slice(1).every((m) => m === 'eth_blockNumber')).toBe(true);
      expect(watch.length - 1).toBeGreaterThanOrEqual(8);
    } finally {
      await server.close();
    }
  });

  it('a run cut by its deadline in the middle of a window ends its subscriptions there and reports what they saw', async () => {
    const proxy = await startWebSocketRecordingProxy(wsUrl());
    try {
      const loaded = parseConfigText(evmNetwork({ a: `${proxy.url}/`, b: `${proxy.url}/` }, '{ windowSeconds: 40, maxDelayMs: 1000 }'), { file: null, baseDir: process.cwd() });
      const { config, redactor } = await resolveSecrets(applyDefaults(loaded), { env: {} });
      const deadline = new AbortController();
      const report = await runRound(config, redactor, {
        region: 'local',
        runSignal: deadline.signal,
        // The deadline comes 4 s into the watch, long before its 40 s window ends.
        onArrivalWatch: () => void setTimeout(() => deadline.abort(), 4000),
      });
      expect(report.durationMs).toBeLessThan(20_000);
      for (const id of ['a', 'b']) {
        const e = endpoint(report, 'eth', id);
        expect(codes(e)).toEqual([]);
        expect(e.arrival!.blocks).toBeGreaterThanOrEqual(1);
        expect(e.arrival).toMatchObject({ missed: 0, resolutionMs: 0 });
      }
      // Both watches cancelled their subscription (sent as the sessions closed, not waited for).
      await vi.waitFor(() => expect(proxy.frames.filter((f) => f.method === 'eth_unsubscribe')).toHaveLength(4));
      expect(proxy.frames.filter((f) => f.method === 'eth_subscribe')).toHaveLength(4);
    } finally {
      await proxy.close();
    }
  });
});

describe('Algorand arrival through wait-for-block-after', () => {
  const ROUND_MS = 700;
  const SLOW_MS = 1200;
  let prompt: AlgodFixture;
  let slow: AlgodFixture;
  let catchup: AlgodFixture;
  beforeAll(async () => {
    const epoch = performance.now();
    [prompt, slow, catchup] = await Promise.all([
      startAlgodFixture({ epoch, roundMs: ROUND_MS }),
      startAlgodFixture({ epoch, roundMs: ROUND_MS, releaseDelayMs: SLOW_MS }),
      startAlgodFixture({ epoch, roundMs: ROUND_MS, catchupWaits: true }),
    ]);
  });
  afterAll(() => Promise.all([prompt?.close(), slow?.close(), catchup?.close()]));

  it('long-polls each endpoint on one connection, asking after the last round it showed; late rounds are late_blocks, a 503 catchup is polled, not spun on', async () => {
    const report = await checkConfig(`
version: 1
networks:
  - id: algo
    chain: algorand
    blockTimeSeconds: 0.7
    arrival: { windowSeconds: 5, maxDelayMs: 600 }
    endpoints:
      - { id: prompt, url: "${prompt.url}" }
      - { id: slow, url: "${slow.url}" }
      - { id: catchup, url: "${catchup.url}" }
`);
    const fast = endpoint(report, 'algo', 'prompt');
    expect(codes(fast)).toEqual([]);
    expect(fast.arrival).toMatchObject({ p50Ms: 0, missed: 0, resolutionMs: 0 });
    expect(fast.arrival!.blocks).toBeGreaterThanOrEqual(4);

    const late = endpoint(report, 'algo', 'slow');
    expect(codes(late)).toEqual(['late_blocks']);
    expect(late.arrival!.resolutionMs).toBe(0);
    expect(Math.abs(late.arrival!.p50Ms! - SLOW_MS)).toBeLessThanOrEqual(300);

    // Each wait names the round its previous answer brought: no round asked twice while rounds come.
    const waits = prompt.requests.filter((r) => r.path.startsWith('/v2/status/wait-for-block-after/'));
    const asked = waits.map((r) => Number(r.path.split('/').at(-1)));
    expect(asked.length).toBeGreaterThanOrEqual(5);
    expect(asked).toEqual([...asked].sort((a, b) => a - b));
    expect(new Set(asked).size).toBe(asked.length);
    // The first ask of the watch (GET /v2/status) and every wait share one kept-alive connection.
    const watchStart = prompt.requests.findLastIndex((r) => r.path === '/v2/status');
    expect(new Set(prompt.requests.slice(watchStart).map((r) => r.clientPort)).size).toBe(1);

    // 503 to every wait: asked again every poll interval (250 ms), and everything missed.
    const refused = catchup.requests.filter((r) => r.path.startsWith('/v2/status/wait-for-block-after/'));
    expect(refused.length).toBeLessThanOrEqual(Math.ceil(5000 / 250) + 2);
    const blind = endpoint(report, 'algo', 'catchup');
    expect(blind.arrival!.missed).toBe(blind.arrival!.blocks);
    expect(blind.reasons.find((r) => r.code === 'late_blocks')!.message).toMatch(/the watch met http_error \(GET \/v2\/status\/wait-for-block-after\/\{round\}: HTTP 503/);
  });
});
