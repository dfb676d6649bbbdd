// The block arrival watch's height source for a ws(s) endpoint (DESIGN.md,
// "Block arrival latency": `wss://` endpoints use their subscription). On
// the endpoint's one WebSocket, opened on a verified connection as the
// probe's is, it subscribes once to new heads (evm newHeads, substrate
// chain_subscribeNewHeads, solana slotSubscribe) and reports every
// notification's height as it arrives: resolution 0, the node pushes each
// head when it has it. Where the endpoint stands before the window is the
// family's height call, asked once after the subscription is in place, so
// no head can fall between the two. A node that refuses the subscription is
// polled instead, on the same session, like any other endpoint: the watch
// still measures it and its resolutionMs (the poll interval) says how; the
// refusal is no reason of the watch's (the probe's own subscription reports
// it). At the window's end or the run's deadline it unsubscribes, and the
// session closes: it never outlives the run.
import type { Sighting } from '../agreement/arrival-delay.ts';
import type { SubscriptionSpec } from '../chains/adapter.ts';
import { jsonRpc } from '../chains/json-rpc.ts';
import { isRecord } from '../chains/json-value.ts';
import { probeDeadline } from '../probe/probe-deadline.ts';
import type { Notification, WebSocketSession } from '../probe/websocket-session.ts';
import type { Reason } from '../report/reasons.ts';
import type { HeightSource, HeightSourceKind, Prime } from './height-source.ts';

/**
 * Notifications of one window past which the watch stops reading them: far
 * above any chain's heads in the longest window (50 s of Solana's 0.4 s
 * slots is 125); a node sending more is flooding, and memory stays bounded.
 */
export const MAX_NOTIFICATIONS = 4096;

/** At the window's end the unsubscribe's answer is awaited this long (inside the watch's settling time); at the run's deadline, not at all. */
const UNSUBSCRIBE_WAIT_MS = 250;

export interface SubscriptionSourceOptions {
  readonly spec: SubscriptionSpec;
  readonly session: WebSocketSession;
  /** The polled source on the same session: the first answer, and the whole watch when the subscription is refused. */
  readonly polled: HeightSource;
  /** The run's deadline: nothing waits past it. */
  readonly runSignal?: AbortSignal;
}

export function subscriptionSource({ spec, session, polled, runSignal }: SubscriptionSourceOptions): HeightSource {
  let id: string | number | null = null;
  let refused = false;
  let failure: string | null = null;
  let delivered = 0;
  // Until the window opens, notifications wait here (their subscription id may not be known yet); then they go straight to the watch.
  const early: Notification[] = [];
  let deliver: ((n: Notification) => void) | null = null;
  const stopListening = session.onNotification((n) => {
    if (n.method !== spec.notification) return;
    if (deliver) deliver(n);
    else if (early.length < MAX_NOTIFICATIONS) early.push(n);
  });

  const ours = (n: Notification) => isRecord(n.params) && String(n.params['subscription']) === String(id);
  const report = (n: Notification, atMs: number, onSighting: (sighting: Sighting) => void) => {
    if (!ours(n)) return;
    if (++delivered > MAX_NOTIFICATIONS) {
      failure ??= `sent more than ${MAX_NOTIFICATIONS} ${spec.announces} notifications in the window; the rest were not read`;
      return;
    }
    const head = spec.head(isRecord(n.params) ? n.params['result'] : undefined);
    if (!head.ok) {
      failure ??= `met invalid_response (${spec.notification}: ${head.message})`;
      return;
    }
    onSighting({ height: head.value, atMs });
  };

  return {
    get kind(): HeightSourceKind {
      return refused ? polled.kind : 'subscription';
    },
    get resolutionMs() {
      return refused ? polled.resolutionMs : 0;
    },

    async prime(): Promise<Prime> {
      const answer = await jsonRpc(session, spec.subscribe.method, [...spec.subscribe.params]);
      const given = answer.ok ? answer.result : undefined;
      if (typeof given === 'string' || typeof given === 'number') {
        id = given;
        return polled.prime();
      }
      // No answer at all (the session failed, the first answer's time ran out) is the endpoint's failure, not a refusal.
      const lost = session.failure ?? (!answer.ok && answer.reason.code === 'timeout' ? answer.reason : null);
      if (lost) {
        stopListening();
        failure = met(lost);
        return { ok: false, failure };
      }
      refused = true;
      stopListening();
      return polled.prime();
    },

    async watch(signal, onSighting, originMs) {
      if (refused) return polled.watch(signal, onSighting, originMs);
      if (id === null) return failure;
      // A head that came before the window opened is where the endpoint stood at the opening, as an ask then would have found it.
      for (const n of early.splice(0)) report(n, Math.max(n.at, originMs), onSighting);
      // Timed at the notification's message event (Notification.at), not at its frame's first byte: ws parses
      // in the socket's data callback and emits 'message' synchronously there (allowSynchronousEvents, no
      // permessage-deflate), so for a head notification (a few hundred bytes to ~1.5 KB, one segment) the two
      // are the same instant; a frame split across segments is timed at its last byte, when a client could
      // first act on the head.
      deliver = (n) => report(n, n.at, onSighting);
      await Promise.race([aborted(signal), session.failed]);
      deliver = null;
      stopListening();
      if (session.failure && !signal.aborted) failure ??= met(session.failure);
      await unsubscribe(session, spec, id, runSignal);
      return failure;
    },
  };
}

/**
 * Cancels the subscription before the session closes. At the window's end
 * its answer is awaited briefly; at the run's deadline the frame goes out
 * and the close follows at once, so nothing waits past the run.
 */
async function unsubscribe(session: WebSocketSession, spec: SubscriptionSpec, id: string | number, runSignal: AbortSignal | undefined): Promise<void> {
  const deadlineCame = runSignal?.aborted ?? false;
  const wait = probeDeadline(UNSUBSCRIBE_WAIT_MS, deadlineCame ? undefined : runSignal);
  session.deadline(wait.signal, () => `within ${UNSUBSCRIBE_WAIT_MS} ms`);
  // Its answer is not judged: the close that follows ends the subscription anyway.
  const answered = jsonRpc(session, spec.unsubscribe, [id]).finally(() => wait.dispose());
  if (!deadlineCame) await answered;
}

const met = (r: Reason) => `met ${r.code} (${r.message})`;

function aborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}
