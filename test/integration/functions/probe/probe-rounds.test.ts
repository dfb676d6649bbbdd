// The probe handler below a minute and during maintenance, against a real
// hardhat node (directly, or behind a WebSocket server whose subscription
// notifies slowly) and the local AWS double. The minute of rounds runs on a
// virtual clock (the waits between rounds take no time); the probes, the
// publishing and the double are real.
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeBundleDefine } from '../../../../functions/common/bundle-config.ts';
import { readEmbeddedConfig } from '../../../../functions/common/embedded-config.ts';
import { createProbeHandler } from '../../../../functions/probe/probe-handler.ts';
import type { ProbeClock } from '../../../../functions/probe/probe-setup.ts';
import { publishedDatums, type PublishedDatum } from '../../../support/aws/index.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import { startWebSocketRpcServer } from '../../../support/websocket-rpc-server.ts';
import { adapterFor } from '../../../../src/chains/registry.ts';
import type { Report } from '../../../../src/report/report.ts';
import { captureOutput, lambdaContext, PUBLISHER_ROLE, splitLines, startProbeWorld, type ProbeWorld } from './harness.ts';

useTestCredentials();

let world: ProbeWorld;
beforeAll(async () => {
  world = await startProbeWorld();
  await world.hardhat.mine(41);
});
afterAll(() => world.stop());
beforeEach(() => world.aws.double.reset());

/** Real time plus what the sleeps skipped: waits end at once, the clock jumps to their end. */
function virtualClock(start: number): ProbeClock & { readonly skippedMs: number } {
  let skipped = 0;
  const started = Date.now();
  return {
    now: () => start + (Date.now() - started) + skipped,
    sleep: async (ms) => {
      if (ms > 0) skipped += ms;
    },
    get skippedMs() {
      return skipped;
    },
  };
}

/** A Lambda context whose remaining time counts down on the given clock. */
function contextOn(clock: ProbeClock, remainingMs: number): Context {
  const end = clock.now() + remainingMs;
  return { ...lambdaContext(remainingMs), getRemainingTimeInMillis: () => Math.max(0, end - clock.now()) };
}

function handlerFor(yaml: string, clock?: ProbeClock) {
  const text = JSON.parse(probeBundleDefine(world.writeConfig('rounds.yaml', yaml))['globalThis.__VANTAGE_PROBE_CONFIG__']!) as string;
  const url = world.aws.double.url;
  return createProbeHandler({
    config: readEmbeddedConfig(text, join(world.dir, 'ca-out')),
    env: { AWS_REGION: 'eu-west-1', VANTAGE_PUBLISHER_ROLE_ARN: PUBLISHER_ROLE },
    deadlineReserveMs: 3000,
    endpoints: { cloudwatch: url, sts: url, ssm: url, secretsmanager: url },
    clock,
  });
}

const config = (extra = '', everySeconds = 10) => `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
probe: { everySeconds: ${everySeconds} }
networks:
  - id: local-evm
    chain: evm
    endpoints:
      - { id: node-a, url: "${world.hardhat.url}", timeoutMs: 2000 }
      - { id: node-b, url: "${world.hardhat.url}", timeoutMs: 2000 }
${extra}`;

const named = (datums: readonly PublishedDatum[], name: string, endpoint?: string) =>
  datums.filter((d) => d.MetricName === name && (endpoint === undefined || d.Dimensions?.some((x) => x.Name === 'Endpoint' && x.Value === endpoint)));

describe('probe handler with everySeconds: 10', () => {
  it('given 50 s, runs the rounds that fit at 10-second slots, each published at high resolution with its own timestamp, and stops before its deadline', async () => {
    // The previous minute: the handler's clock runs more than a minute behind the machine's, so a
    // deadline measured on the machine's clock instead of the handler's would have passed already.
    const minute = Math.floor(Date.now() / 60_000) * 60_000 - 60_000;
    const clock = virtualClock(minute);
    const context = contextOn(clock, 50_000);
    const handler = handlerFor(config(), clock);
    const { result, lines } = await captureOutput(() => handler({ shard: 0, of: 1, scheduledAt: new Date(minute).toISOString() }, context));

    // A round may take two 2-second timeouts (probes, then accounts): it starts only if it ends 3 s (the reserve) before the deadline,
    // so the rounds at 0, 10, 20, 30 and 40 s run and the one at 50 s does not.
    expect(result).toMatchObject({ rounds: 5, unpublished: 0 });
    // It did not wait for the slot at 50 s either: it returned with the last round's time to spare.
    expect(clock.skippedMs).toBeLessThanOrEqual(40_000);
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(5_000);
    const datums = publishedDatums(world.aws.double);
    const rounds = datums.filter((d) => d.MetricName !== 'ProbeRuns');
    expect(rounds.every((d) => d.StorageResolution === 1)).toBe(true);
    const stamps = [...new Set(rounds.map((d) => d.Timestamp))].sort();
    expect(stamps.map((t) => t! * 1000 - minute)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
    // Each round published on its own, before the next started; the heartbeat once, last, at standard resolution.
    const puts = world.aws.double.calls('cloudwatch', 'PutMetricData').map((c) => (c.input as { MetricData: { MetricName: string }[] }).MetricData.map((d) => d.MetricName));
    expect(puts).toHaveLength(6);
    expect(puts.at(-1)).toEqual(['ProbeRuns']);
    expect(named(datums, 'ProbeRuns')).toMatchObject([{ Value: 1, Timestamp: minute / 1000 }]);
    expect(named(datums, 'ProbeRuns')[0]!.StorageResolution).toBeUndefined();
    // Every round has both endpoints' outage inputs; slow facts (exposure) only the first.
    for (const stamp of stamps) expect(named(rounds, 'RegionsDown').filter((d) => d.Timestamp === stamp)).toHaveLength(2);
    expect(named(rounds, 'Exposed').map((d) => d.Timestamp)).toEqual([minute / 1000, minute / 1000]);
    expect(splitLines(lines).logs.filter((l) => l.message === 'probe run').map((l) => (l as unknown as { round: { index: number } }).round.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('joins at the slot it starts in when the invocation starts late, and runs the rest', async () => {
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const clock = virtualClock(minute + 25_000);
    const handler = handlerFor(config(), clock);
    const { result } = await captureOutput(() => handler({ scheduledAt: new Date(minute).toISOString() }, contextOn(clock, 60_000)));
    expect(result).toMatchObject({ rounds: 4 });
    const stamps = [...new Set(publishedDatums(world.aws.double).filter((d) => d.MetricName !== 'ProbeRuns').map((d) => d.Timestamp! * 1000 - minute))].sort((a, b) => a - b);
    expect(stamps).toEqual([20_000, 30_000, 40_000, 50_000]);
  });
});

describe('probe handler with everySeconds: 10 and a WebSocket endpoint', () => {
  /** First notification this long after eth_subscribe: within the 8 s subscription window, past what the endpoint's timeoutMs alone allows. */
  const NOTIFY_AFTER_MS = 5000;

  /** A ws endpoint whose reads hardhat answers (over HTTP behind it) and whose newHeads subscription notifies every NOTIFY_AFTER_MS. */
  async function slowlyNotifyingEndpoint() {
    const forward = (method: string) => async (params: unknown) => {
      const res = await fetch(world.hardhat.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
      return (await res.json()) as unknown;
    };
    const evm = adapterFor('evm');
    const methods = [...new Set([...evm.readCalls, ...evm.exposureCalls].map((call) => call.replace(/\(.*\)$/, '')))];
    let height = 0x1000;
    return startWebSocketRpcServer({
      answers: Object.fromEntries(methods.map((m) => [m, forward(m)])),
      subscriptions: {
        eth_subscribe: {
          id: '0x9ce59a13059e417087c02d3236a0b1cc', notification: 'eth_subscription', unsubscribe: 'eth_unsubscribe',
          result: () => ({ number: `0x${(height++).toString(16)}` }), everyMs: NOTIFY_AFTER_MS,
        },
      },
    });
  }

  it('does not start a late round that a WebSocket endpoint\'s subscription window could not finish before the deadline: no false timeouts', async () => {
    const server = await slowlyNotifyingEndpoint();
    try {
      // timeoutMs 2 s, blockTimeSeconds 4: a probe may take 2 s + max(5 s, 2 × 4 s) = 10 s, the first notification comes at 5 s.
      const yaml = `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
probe: { everySeconds: 10 }
networks:
  - id: ws-evm
    chain: evm
    blockTimeSeconds: 4
    endpoints:
      - { id: ws-node, url: "${server.url}/", timeoutMs: 2000 }
`;
      const minute = Math.floor(Date.now() / 60_000) * 60_000;
      // Starts in the slot at 40 s; the probe deadline (remaining − the 3 s reserve) is 4.5 s after the slot at 50 s:
      // room for two 2-second timeouts, not for the subscription's 5 s.
      const clock = virtualClock(minute + 40_000);
      const handler = handlerFor(yaml, clock);
      const { result, lines } = await captureOutput(() => handler({ scheduledAt: new Date(minute).toISOString() }, contextOn(clock, 14_500 + 3000)));

      const runs = splitLines(lines).logs.filter((l) => l.message === 'probe run') as unknown as { round: { index: number }; report: Report }[];
      for (const { report, round } of runs) {
        const e = report.networks[0]!.endpoints[0]!;
        expect(e.reasons.map((r) => r.code), `round ${round.index}`).not.toContain('timeout');
        expect(e.timings.firstNotificationMs).not.toBeNull();
      }
      expect(result).toMatchObject({ rounds: 1, status: 'up' });
      expect(runs.map((r) => r.round.index)).toEqual([4]);
      // The round that did not fit was not started: the server saw one subscription.
      expect(server.frames.filter((f) => f.method === 'eth_subscribe')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('probe handler during maintenance', () => {
  it('publishes Maintenance for what an open window covers and withholds the covered endpoint\'s alarm metrics', async () => {
    const start = new Date(Date.now() - 3_600_000).toISOString().slice(0, 19) + 'Z';
    const end = new Date(Date.now() + 3_600_000).toISOString().slice(0, 19) + 'Z';
    const handler = handlerFor(config(`maintenance:\n  - { id: upgrade, title: Upgrading node-a, start: "${start}", end: "${end}", endpoints: [local-evm/node-a] }\n`, 60));
    await captureOutput(() => handler({}, lambdaContext(30_000)));
    const datums = publishedDatums(world.aws.double);
    expect(named(datums, 'Maintenance')).toMatchObject([{ Dimensions: [{ Name: 'Network', Value: 'local-evm' }, { Name: 'Endpoint', Value: 'node-a' }], Value: 1 }]);
    // node-a stays on the page (Up per region) but feeds no alarm; node-b does.
    for (const name of ['RegionsDown', 'Lagging', 'Exposed']) {
      expect(named(datums, name, 'node-a'), name).toEqual([]);
      expect(named(datums, name, 'node-b').length, name).toBeGreaterThan(0);
    }
    expect(named(datums, 'Up', 'node-a').length).toBeGreaterThan(0);
  });

  it('publishes no Maintenance once the window has closed', async () => {
    const handler = handlerFor(config('maintenance:\n  - { id: old, title: Old work, start: "2026-01-01T00:00:00Z", end: "2026-01-01T01:00:00Z" }\n', 60));
    await captureOutput(() => handler({}, lambdaContext(30_000)));
    const datums = publishedDatums(world.aws.double);
    expect(named(datums, 'Maintenance')).toEqual([]);
    expect(named(datums, 'RegionsDown', 'node-a').length).toBeGreaterThan(0);
  });
});
