// One subscription on a WebSocket endpoint (DESIGN.md, "WebSocket
// endpoints"): subscribe, time the first notification of that subscription
// (firstNotificationMs, from the subscribe request written), check it
// announces a head, unsubscribe. Its clock is its own: the window of
// max(5 s, 2 × blockTimeSeconds) starts at the subscribe request, after the
// reads' timeoutMs, so an endpoint's whole budget is timeoutMs + window.
// No notification in the window is subscription_silent (down).
import { performance } from 'node:perf_hooks';
import type { SubscriptionSpec } from '../chains/adapter.ts';
import { isRecord } from '../chains/json-value.ts';
import { jsonRpc } from '../chains/json-rpc.ts';
import { probeDeadline } from '../probe/probe-deadline.ts';
import type { Notification, WebSocketSession } from '../probe/websocket-session.ts';
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { ms, type Timings } from '../report/timings.ts';

export interface WatchOptions {
  readonly windowMs: number;
  /** For the message: the window is max(5 s, 2 × this). */
  readonly blockTimeSeconds: number;
  readonly runSignal?: AbortSignal;
  /** firstNotificationMs is written here. */
  readonly timings: Timings;
}

/** Notifications kept while the subscribe answer is awaited (a server may notify before it answers). */
const MAX_KEPT = 16;

export async function watchSubscription(session: WebSocketSession, spec: SubscriptionSpec, o: WatchOptions): Promise<Reason[]> {
  const window = probeDeadline(o.windowMs, o.runSignal);
  session.deadline(window.signal, () => (o.runSignal?.aborted ? "before the run's deadline" : `within the subscription window of ${o.windowMs} ms`));
  const arrived: Notification[] = [];
  let wake = () => undefined as void;
  const stop = session.onNotification((n) => {
    if (n.method !== spec.notification || arrived.length >= MAX_KEPT) return;
    arrived.push(n);
    wake();
  });
  try {
    const sentAt = performance.now();
    const answer = await jsonRpc(session, spec.subscribe.method, [...spec.subscribe.params]);
    if (!answer.ok) return [answer.reason];
    const id = answer.result;
    if (typeof id !== 'string' && typeof id !== 'number') {
      return [reason('invalid_response', `${spec.subscribe.method} returned ${quote(id)}, not a subscription id`)];
    }
    const first = await firstOf(id, arrived, session, window.signal, (w) => (wake = w));
    if (!first) return [silence(spec, o, session)];
    o.timings.firstNotificationMs = ms(sentAt, first.at);
    const reasons: Reason[] = [];
    const head = spec.head(isRecord(first.params) ? first.params['result'] : undefined);
    if (!head.ok) reasons.push(reason('invalid_response', `${spec.notification}: ${head.message}`));
    // Its answer is not judged: the socket closes next, which ends the subscription anyway.
    await jsonRpc(session, spec.unsubscribe, [id]);
    return reasons;
  } finally {
    stop();
    window.dispose();
  }
}

/** The first notification of subscription `id`, or null at the window's end or the session's failure. */
function firstOf(id: string | number, arrived: Notification[], session: WebSocketSession, signal: AbortSignal, onWake: (wake: () => void) => void): Promise<Notification | null> {
  const match = () => arrived.find((n) => isRecord(n.params) && String(n.params['subscription']) === String(id)) ?? null;
  return new Promise((resolve) => {
    const done = (value: Notification | null) => {
      signal.removeEventListener('abort', onAbort);
      onWake(() => undefined);
      resolve(value);
    };
    const onAbort = () => done(null);
    const found = match();
    if (found || signal.aborted) return done(found);
    signal.addEventListener('abort', onAbort, { once: true });
    onWake(() => {
      const next = match();
      if (next) done(next);
    });
    void session.failed.then(() => done(null));
  });
}

function silence(spec: SubscriptionSpec, o: WatchOptions, session: WebSocketSession): Reason {
  if (session.failure) return session.failure;
  if (o.runSignal?.aborted) return reason('timeout', `no ${spec.announces} notification (${spec.subscribe.method}) before the run's deadline`);
  return reason('subscription_silent',
    `no ${spec.announces} notification within ${o.windowMs} ms of ${spec.subscribe.method} (the window is max(5 s, 2 × blockTimeSeconds ${o.blockTimeSeconds}))`);
}
