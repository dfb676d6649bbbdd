// One open WebSocket of a probe (websocket-upgrade.ts opened it on the
// verified socket): JSON-RPC requests sent as text frames and their answers
// matched by id, notifications handed to whoever listens, the first answer's
// first byte timed at the socket. Every outcome is a value: an answer's
// bytes, or a Reason.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket, { type RawData } from 'ws';
import type { HttpOutcome, HttpRequest } from './http-session.ts';
import { nodeText } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { SessionOptions } from './session-options.ts';
import { ms } from '../report/timings.ts';

/**
 * url is ws: or wss:, credentials already moved into headers (sent with the
 * upgrade: a WebSocket has no other headers); maxResponseBytes is ws's
 * maxPayload per message; signal bounds the upgrade and every call until
 * deadline() changes it.
 */
export type WebSocketSessionOptions = SessionOptions;

export type FrameAnswer = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly reason: Reason };

export interface Notification {
  readonly method: string;
  readonly params: unknown;
  /** performance.now() when it arrived. */
  readonly at: number;
}


interface Pending {
  readonly what: string;
  readonly resolve: (answer: FrameAnswer) => void;
}

export class WebSocketSession {
  readonly #ws: WebSocket;
  readonly #socket: Socket;
  readonly #options: WebSocketSessionOptions;
  readonly #pending = new Map<string, Pending>();
  readonly #listeners = new Set<(notification: Notification) => void>();
  #signal: AbortSignal;
  #deadlineWords: () => string;
  #failure: Reason | null = null;
  readonly #failed: Promise<Reason>;
  #markFailed: (failure: Reason) => void = () => undefined;
  #firstByteSeen = false;
  #lastFirstByteAt: number | null = null;

  constructor(ws: WebSocket, socket: Socket, options: WebSocketSessionOptions) {
    this.#ws = ws;
    this.#socket = socket;
    this.#options = options;
    this.#signal = options.signal;
    this.#deadlineWords = options.deadlineWords;
    this.#failed = new Promise((resolve) => (this.#markFailed = resolve));
    ws.on('message', (data: RawData) => this.#onMessage(toBuffer(data)));
    ws.on('error', (err: Error & { code?: string }) => this.#fail(err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH'
      ? reason('response_too_large', `a WebSocket message is over maxResponseBytes ${options.maxResponseBytes}`)
      : reason('http_error', `the WebSocket failed: ${describeError(err)}`)));
    ws.on('close', (code: number, why: Buffer) => {
      const text = nodeText(why.toString('utf8'));
      this.#fail(reason('http_error', `the server closed the WebSocket (code ${code}${text ? `: ${text}` : ''}) before answering`));
    });
  }

  /** The first failure that ended the session (size cap, close, error); null while it works. */
  get failure(): Reason | null {
    return this.#failure;
  }

  /** Settles with the first failure, whenever it comes (never, if the session ends well). */
  get failed(): Promise<Reason> {
    return this.#failed;
  }

  /**
   * Bounds the calls from now on by another deadline: the subscription's
   * window, which runs past the reads' timeout (DESIGN.md: timeoutMs, then
   * max(5 s, 2 × blockTimeSeconds) for the first notification).
   */
  deadline(signal: AbortSignal, deadlineWords: () => string): void {
    this.#signal = signal;
    this.#deadlineWords = deadlineWords;
  }

  /** Sends one JSON-RPC request (`body`, carrying `id`) as a text frame and waits for the answer with that id. */
  call(id: number | string, body: string, what: string): Promise<FrameAnswer> {
    if (this.#failure) return Promise.resolve({ ok: false, reason: this.#failure });
    const signal = this.#signal;
    const deadlineWords = this.#deadlineWords;
    if (signal.aborted) return Promise.resolve({ ok: false, reason: reason('timeout', `no answer to ${what} over the WebSocket ${deadlineWords()}`) });
    const key = String(id);
    return new Promise((resolve) => {
      const onAbort = () => finish({ ok: false, reason: reason('timeout', `no answer to ${what} over the WebSocket ${deadlineWords()}`) });
      const finish = (answer: FrameAnswer) => {
        signal.removeEventListener('abort', onAbort);
        this.#pending.delete(key);
        resolve(answer);
      };
      this.#pending.set(key, { what, resolve: finish });
      signal.addEventListener('abort', onAbort, { once: true });
      this.#watchFirstByte();
      this.#ws.send(body);
    });
  }

  /** Calls `listener` for every notification (a message with a method and no id) until the returned function is called. */
  onNotification(listener: (notification: Notification) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** performance.now() at the first byte after the latest request was sent (its answer's, the block arrival watch's sighting); null before any. */
  get lastFirstByteAt(): number | null {
    return this.#lastFirstByteAt;
  }

  /** A WebSocket endpoint speaks JSON-RPC only: a REST request is refused as a value (config keeps REST families on http(s)). */
  request(_req: HttpRequest): Promise<HttpOutcome> {
    return Promise.resolve({ ok: false, reason: reason('invalid_response', 'this family reads over HTTP requests; a WebSocket endpoint cannot answer them (use an http(s) URL)') });
  }

  /** A close frame (code 1000), then the socket ends; destroyed after 1 s if the server does not answer it. */
  close(): void {
    this.#fail(reason('http_error', 'the probe closed the WebSocket'));
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.close(1000);
    else this.#ws.terminate();
  }

  /**
   * The next bytes after a request, at the socket: the first answer's are
   * the moment ttfbMs marks for HTTP; every answer's are lastFirstByteAt.
   */
  #watchFirstByte(): void {
    const first = !this.#firstByteSeen;
    this.#firstByteSeen = true;
    this.#socket.once('data', () => {
      this.#lastFirstByteAt = performance.now();
      if (first) this.#options.timings.ttfbMs = ms(this.#options.startedAt, this.#lastFirstByteAt);
    });
  }

  #onMessage(body: Buffer): void {
    const at = performance.now();
    const message = parseObject(body);
    const id = message?.['id'];
    if ((typeof id === 'number' || typeof id === 'string') && this.#pending.has(String(id))) {
      this.#pending.get(String(id))!.resolve({ ok: true, body });
      return;
    }
    if (message && typeof message['method'] === 'string' && (id === undefined || id === null)) {
      for (const listener of this.#listeners) listener({ method: message['method'], params: message['params'], at });
      return;
    }
    // Not JSON, or an answer without our id (a parse error answers with id null):
    // the oldest waiting call gets it, to be judged like any answer body.
    const oldest = this.#pending.values().next();
    if (!oldest.done) oldest.value.resolve({ ok: true, body });
  }

  #fail(failure: Reason): void {
    this.#failure ??= failure;
    this.#markFailed(this.#failure);
    for (const pending of [...this.#pending.values()]) pending.resolve({ ok: false, reason: this.#failure });
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function parseObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** ws's errors carry a stable code (WS_ERR_*) or a socket errno; the text is ws's own words, cleaned anyway. */
export function describeError(err: Error & { code?: string }): string {
  const text = nodeText(err.message.split('\n')[0] ?? '');
  return err.code ? `${text} (${nodeText(err.code)})` : text;
}
