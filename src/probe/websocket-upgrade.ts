// Opens a WebSocket on the connection the probe opened and verified: the
// `ws` client is handed that socket (createConnection), so there is no
// second connect, no second handshake, and nothing is written before the
// certificate passed, exactly as for HTTPS. The upgrade is timed from the
// request leaving to the 101 arriving (upgradeMs). Any other answer comes
// back as it was (status, headers, the start of the body), to be judged
// like any HTTP answer by whoever knows the body's shape.
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket, { type ClientOptions } from 'ws';
import { nodeText } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { ms } from '../report/timings.ts';
import { describeError, WebSocketSession, type WebSocketSessionOptions } from './websocket-session.ts';

/** The upgrade answered with another status: judged as HTTP (status first) by whoever knows the body's shape. */
export interface RefusedUpgrade {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

export type UpgradeOutcome =
  | { readonly ok: true; readonly session: WebSocketSession }
  | { readonly ok: false; readonly refused: RefusedUpgrade }
  | { readonly ok: false; readonly reason: Reason };

const USER_AGENT = 'vantage-probe/0.1';
/** How long a close handshake may take before the socket is destroyed (ws waits 30 s by default). */
const CLOSE_TIMEOUT_MS = 1000;
/** Of a refused upgrade's body, at most this much is read (enough to quote the error it carries). */
const REFUSAL_BODY_BYTES = 16 * 1024;

/** Sends the upgrade request on `socket` and waits for the 101 (or what came instead). */
export function openWebSocket(socket: Socket, options: WebSocketSessionOptions): Promise<UpgradeOutcome> {
  const { signal, timings, deadlineWords } = options;
  return new Promise((resolve) => {
    let settled = false;
    let sentAt = 0;
    const settle = (outcome: UpgradeOutcome) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    let ws: WebSocket;
    try {
      ws = new WebSocket(options.url, {
        createConnection: () => socket,
        // Off: a compressed frame would be checked against maxPayload only after inflating, and a probe gains nothing from it.
        perMessageDeflate: false,
        maxPayload: options.maxResponseBytes,
        followRedirects: false,
        headers: { 'user-agent': USER_AGENT, ...options.headers },
        closeTimeout: CLOSE_TIMEOUT_MS,
        finishRequest: (request: ClientRequest) => {
          request.once('finish', () => (sentAt = performance.now()));
          request.end();
        },
      } as ClientOptions);
    } catch (err) {
      socket.destroy();
      resolve({ ok: false, reason: reason('http_error', `cannot start the WebSocket upgrade: ${nodeText(err instanceof Error ? err.message : String(err))}`) });
      return;
    }
    const onAbort = () => {
      settle({ ok: false, reason: reason('timeout', `connected, but no answer to the WebSocket upgrade ${deadlineWords()}`) });
      ws.terminate();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    ws.on('upgrade', () => {
      if (sentAt > 0) timings.upgradeMs = ms(sentAt, performance.now());
    });
    ws.on('unexpected-response', (_request: ClientRequest, response: IncomingMessage) => {
      void readRefusal(response, signal).then((refused) => {
        settle({ ok: false, refused });
        ws.terminate();
      });
    });
    ws.once('open', () => settle({ ok: true, session: new WebSocketSession(ws, socket, options) }));
    // Handshake failures (a bad Sec-WebSocket-Accept, the server hanging up); after open, the session listens.
    ws.on('error', (err: Error) => settle({ ok: false, reason: reason('http_error', `WebSocket upgrade failed: ${describeError(err)}`) }));
  });
}

function readRefusal(response: IncomingMessage, signal: AbortSignal): Promise<RefusedUpgrade> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const done = () => {
      signal.removeEventListener('abort', done);
      response.removeAllListeners('data');
      response.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).subarray(0, REFUSAL_BODY_BYTES) });
    };
    response.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= REFUSAL_BODY_BYTES) done();
    });
    response.once('end', done);
    response.once('error', done);
    response.once('close', done);
    if (signal.aborted) done();
    else signal.addEventListener('abort', done, { once: true });
  });
}
