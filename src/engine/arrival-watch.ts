// The block arrival watch of one network (DESIGN.md, "Block arrival
// latency"): after the regular probes, every watched endpoint at once, each
// on one kept-alive connection verified like a probe's (a ws(s) endpoint's
// WebSocket, through its new-heads subscription). Each first answers
// where its head is (the window opens when all have, or their timeouts
// passed); then each reports every height it shows until the window closes
// or the run's deadline fires, whichever is first. What was seen until then
// is judged (src/agreement/arrival-delay.ts); a watch never outlives the run.
import { performance } from 'node:perf_hooks';
import { judgeArrival, type EndpointArrival, type Sighting, type WatchRecord } from '../agreement/arrival-delay.ts';
import type { HeightCall, SubscriptionSpec } from '../chains/adapter.ts';
import { adapterFor } from '../chains/registry.ts';
import type { ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import { arrivalPollMs, plausibleNewHeights } from './arrival-budget.ts';
import { heightSource, resolutionOf, type HeightSource, type Prime } from './height-source.ts';
import { sessionUntil, type ProbeOptions, type Session } from './probe-endpoint.ts';
import { subscriptionSource } from './subscription-height-source.ts';
import { WebSocketSession } from '../probe/websocket-session.ts';

interface Watch {
  /** Settles with the endpoint's first answer, its failure, or its timeout. */
  readonly primed: Promise<Prime>;
  readonly done: Promise<WatchRecord>;
}

interface Shared {
  readonly network: ResolvedNetwork;
  readonly call: HeightCall;
  /** The family's new-heads subscription, for ws(s) endpoints; absent where it has none. */
  readonly spec: SubscriptionSpec | undefined;
  readonly pollMs: number;
  /** Fires when the window closes or the run's deadline comes. */
  readonly stop: AbortSignal;
  /** Resolves with its time (performance.now()) when the window opens: every endpoint primed, timed out or failed. */
  readonly opened: Promise<number>;
  readonly options: ProbeOptions;
}

/** Per endpoint id, the arrival figures and late_blocks; empty when the network does not watch arrival. */
export async function watchArrival(network: ResolvedNetwork, endpoints: readonly ResolvedEndpoint[], options: ProbeOptions): Promise<Map<string, EndpointArrival>> {
  const adapter = adapterFor(network.chain);
  const call = adapter?.heightCall;
  if (!network.arrival || !call || endpoints.length === 0) return new Map();
  const { windowSeconds, maxDelayMs } = network.arrival;

  const stop = new AbortController();
  let closedAtMs: number | null = null;
  stop.signal.addEventListener('abort', () => (closedAtMs = performance.now()), { once: true });
  const onRunAbort = () => stop.abort();
  if (options.runSignal?.aborted) stop.abort();
  else options.runSignal?.addEventListener('abort', onRunAbort, { once: true });

  let open!: (atMs: number) => void;
  const opened = new Promise<number>((resolve) => (open = resolve));
  const shared: Shared = { network, call, spec: adapter.subscription, pollMs: arrivalPollMs(network), stop: stop.signal, opened, options };
  const watches = endpoints.map((endpoint) => watchEndpoint(endpoint, shared));

  const primes = await Promise.all(watches.map((w) => w.primed));
  const heights = primes.flatMap((p) => (p.ok ? [p.height] : []));
  const baseline = heights.length > 0 ? Math.max(...heights) : null;
  const window = setTimeout(() => stop.abort(), windowSeconds * 1000);
  if (stop.signal.aborted) clearTimeout(window);
  open(performance.now());

  try {
    const records = await Promise.all(watches.map((w) => w.done));
    return judgeArrival(records, { baseline, closedAtMs: closedAtMs ?? performance.now() }, {
      maxDelayMs, windowSeconds, plausibleNewHeights: plausibleNewHeights(network),
    });
  } finally {
    clearTimeout(window);
    options.runSignal?.removeEventListener('abort', onRunAbort);
  }
}

function watchEndpoint(endpoint: ResolvedEndpoint, shared: Shared): Watch {
  const { call, spec, pollMs, stop, opened, options } = shared;
  // Ends this endpoint's watch alone, when its first answer does not come in time.
  const own = new AbortController();
  const signal = AbortSignal.any([stop, own.signal]);
  let resolvePrime!: (prime: Prime) => void;
  const primed = new Promise<Prime>((resolve) => (resolvePrime = resolve));
  const primeTimer = setTimeout(() => {
    resolvePrime({ ok: false, failure: `gave no height within ${endpoint.timeoutMs} ms` });
    own.abort();
  }, endpoint.timeoutMs);
  const settle = (prime: Prime) => {
    clearTimeout(primeTimer);
    resolvePrime(prime);
  };

  const sightings: Sighting[] = [];
  // What the endpoint would be sampled at: a subscription's 0 unless it was refused, a poll's interval.
  let resolutionMs = endpoint.transport === 'websocket' && spec ? 0 : resolutionOf(call, pollMs);
  const done = (async (): Promise<WatchRecord> => {
    const end = await sessionUntil(signal, endpoint, options, async (session) => {
      const source = sourceFor(endpoint, session, shared);
      const prime = await source.prime();
      resolutionMs = source.resolutionMs;
      settle(prime);
      const originMs = await opened;
      const failure = await source.watch(signal, (s) => sightings.push(s), originMs);
      return prime.ok ? failure : prime.failure;
    }, { timeEveryResponse: true });
    const connection = end.connectionReasons[0];
    const failure = end.value ?? (connection ? `could not connect (${connection.code}: ${connection.message})` : null);
    settle({ ok: false, failure: failure ?? 'gave no height' });
    return { id: endpoint.id, sightings, resolutionMs, failure };
  })();
  return { primed, done };
}

/** The endpoint's WebSocket subscription where it has one (falling back to polling if refused), else the family's height call. */
function sourceFor(endpoint: ResolvedEndpoint, { http, now }: Session, { network, call, spec, pollMs, options }: Shared): HeightSource {
  const polled = heightSource(call, { network, endpoint, http, now }, pollMs);
  if (!spec || !(http instanceof WebSocketSession)) return polled;
  return subscriptionSource({ spec, session: http, polled, runSignal: options.runSignal });
}
