// The chain part of a probe over a WebSocket (ws:// and wss:// endpoints):
// the upgrade on the verified socket, the family's reads and exposure calls
// as JSON-RPC frames, then one subscription timed to its first
// notification. A refused upgrade is judged like any HTTP answer (status
// first: http_error, quoting the JSON-RPC error a body carries).
import type { Socket } from 'node:net';
import { httpStatusReason } from '../chains/json-response.ts';
import { adapterFor } from '../chains/registry.ts';
import { nodeTextOfBytes } from '../report/node-text.ts';
import type { ResolvedEndpoint } from '../config/resolved-config.ts';
import type { WebSocketSession } from '../probe/websocket-session.ts';
import { openWebSocket, type RefusedUpgrade } from '../probe/websocket-upgrade.ts';
import { addReason, reason, type Reason } from '../report/reasons.ts';
import type { Timings } from '../report/timings.ts';
import { requestHeaders, withoutCredentials } from './endpoint-target.ts';
import type { AddressContext } from './probe-types.ts';
import { readEndpoint, type EndpointRead } from './read-endpoint.ts';
import { watchSubscription } from './subscription-watch.ts';

export interface UpgradeContext {
  readonly endpoint: ResolvedEndpoint;
  readonly url: URL;
  readonly signal: AbortSignal;
  readonly timings: Timings;
  readonly startedAt: number;
  readonly deadlineWords: () => string;
}

/** The endpoint's WebSocket on a verified socket, or the reason there is none (a refused upgrade judged as HTTP). */
export async function upgradeToWebSocket(socket: Socket, c: UpgradeContext): Promise<{ readonly ok: true; readonly session: WebSocketSession } | { readonly ok: false; readonly reason: Reason }> {
  const opened = await openWebSocket(socket, {
    url: withoutCredentials(c.url), headers: requestHeaders(c.endpoint, c.url), maxResponseBytes: c.endpoint.maxResponseBytes,
    signal: c.signal, timings: c.timings, startedAt: c.startedAt, deadlineWords: c.deadlineWords,
  });
  if (opened.ok) return opened;
  return { ok: false, reason: 'refused' in opened ? refusedUpgrade(opened.refused) : opened.reason };
}

export async function readOverWebSocket(socket: Socket, c: AddressContext & { readonly timings: Timings; readonly now: () => number }): Promise<EndpointRead> {
  const { network, endpoint } = c;
  const opened = await upgradeToWebSocket(socket, c);
  if (!opened.ok) return { chain: null, reasons: [opened.reason] };
  const session = opened.session;
  try {
    const read = await readEndpoint({ network, endpoint, http: session, now: c.now });
    const reasons: Reason[] = [...read.reasons];
    const spec = adapterFor(network.chain)?.subscription;
    if (spec && endpoint.subscriptionWindowMs !== null && !c.signal.aborted) {
      // A session the server ended after the reads is a failure WebSocket clients meet, even when no call saw it.
      const found = session.failure
        ? [session.failure]
        : await watchSubscription(session, spec, {
          windowMs: endpoint.subscriptionWindowMs, blockTimeSeconds: network.blockTimeSeconds, runSignal: c.options.runSignal, timings: c.timings,
        });
      for (const r of found) addReason(reasons, r);
    }
    return { chain: read.chain, reasons };
  } finally {
    session.close();
  }
}

function refusedUpgrade(refused: RefusedUpgrade): Reason {
  const answer = { ok: true as const, ...refused };
  const judged = httpStatusReason(answer, 'WebSocket upgrade');
  if (judged) return judged;
  // A 2xx is no upgrade either: the URL serves plain HTTP.
  const body = nodeTextOfBytes(refused.body);
  return reason('http_error', `WebSocket upgrade: HTTP ${refused.status} instead of 101 Switching Protocols, not a WebSocket endpoint${body ? ` (${body})` : ''}`);
}
