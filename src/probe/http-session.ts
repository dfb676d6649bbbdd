// HTTP/1.1 over the connection the probe opened and verified: requests
// written in one piece, responses read by ResponseReader (http1-response.ts).
// Hand-written rather than undici or node:http because a probe makes a few
// sequential requests on one fresh connection, and either library's
// machinery per connection (undici's Client and WASM parser; node:http's
// ClientRequest and streams) cost more CPU than the HTTP itself
// (docs/benchmarks.md). The first response's first byte is timed at the
// socket, not inferred. Every outcome is a value: a completed response (any
// status: redirects are returned, never followed) or a Reason.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import type { ConnectOutcome } from './connect.ts';
import { ResponseReader, type ReadStep, type ResponseFailure } from './http1-response.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { ms } from '../report/timings.ts';
import type { SessionOptions } from './session-options.ts';

export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  /** Appended to the endpoint URL's path; its query string is kept. */
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Skip the endpoint's configured headers (exposure checks sent "without the admin token"). */
  readonly withoutEndpointHeaders?: boolean;
}

export type HttpOutcome =
  | { readonly ok: true; readonly status: number; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: Buffer }
  | { readonly ok: false; readonly reason: Reason };

export interface HttpSessionOptions extends SessionOptions {
  /**
   * Opens a further connection if the server closes the first between
   * calls. It must verify as the first was verified (Connector.open does).
   */
  readonly reconnect: () => Promise<ConnectOutcome>;
  /**
   * Time the first byte of every response, not only the first (the block
   * arrival watch): read back with lastFirstByteAt after each request.
   */
  readonly timeEveryResponse?: boolean;
}

const USER_AGENT = 'vantage-probe/0.1';
/** Headers the session frames itself: a configured one would contradict the bytes written. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);
/** What may not appear in a header value or the request target (no request splitting). */
const UNSAFE = /[\r\n\0]/;

/**
 * A kept-alive connection the server closed just as the request went out,
 * before a byte of answer: the server never saw the request (RFC 9112 9.3.1
 * lets a client retry then). Once more, on a new connection.
 */
const RETRY = Symbol('retry on a new connection');

interface Exchange {
  readonly reader: ResponseReader;
  /** The connection answered a request before this one. */
  readonly reused: boolean;
  answered: boolean;
  readonly settle: (outcome: HttpOutcome | typeof RETRY) => void;
}

export class HttpSession {
  readonly #options: HttpSessionOptions;
  readonly #firstSocket: Socket;
  /** The connection the next request goes on; null once it is gone or retired. */
  #socket: Socket | null = null;
  #exchange: Exchange | null = null;
  /** Responses the current connection has completed. */
  #served = 0;
  /** The request in flight: adapters call one at a time, but a second waits its turn. */
  #inFlight: Promise<HttpOutcome> | null = null;
  #firstByteSeen = false;
  #lastFirstByteAt: number | null = null;
  #closed = false;
  readonly #onAbort = () => this.#aborted();

  constructor(socket: Socket, options: HttpSessionOptions) {
    this.#options = options;
    this.#firstSocket = socket;
    this.#adopt(socket);
    options.signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  async request(req: HttpRequest = {}): Promise<HttpOutcome> {
    while (this.#inFlight) await this.#inFlight;
    if (this.#options.timeEveryResponse) this.#lastFirstByteAt = null;
    const sent = this.#send(req);
    this.#inFlight = sent;
    try {
      return await sent;
    } finally {
      if (this.#inFlight === sent) this.#inFlight = null;
    }
  }

  /**
   * performance.now() at the first byte of the latest request's answer;
   * null when none came (or without timeEveryResponse).
   */
  get lastFirstByteAt(): number | null {
    return this.#lastFirstByteAt;
  }

  close(): void {
    this.#closed = true;
    this.#options.signal.removeEventListener('abort', this.#onAbort);
    this.#settle({ ok: false, reason: reason('http_error', 'the probe ended before the response was complete') });
    this.#retire();
  }

  async #send(req: HttpRequest): Promise<HttpOutcome> {
    const text = this.#requestText(req);
    if (typeof text !== 'string') return { ok: false, reason: text };
    for (;;) {
      const outcome = await this.#exchangeOnce(text);
      if (outcome !== RETRY) return outcome;
    }
  }

  async #exchangeOnce(text: string): Promise<HttpOutcome | typeof RETRY> {
    const { signal, deadlineWords } = this.#options;
    if (signal.aborted || this.#closed) return { ok: false, reason: reason('timeout', `no complete answer ${deadlineWords()}`) };
    if (!this.#socket) {
      // The server closed the previous connection (or it was not reusable):
      // another one, verified like the first (Connector.open).
      const outcome = await this.#options.reconnect();
      if (!outcome.ok) return { ok: false, reason: outcome.reasons[0]! };
      if (signal.aborted || this.#closed) {
        outcome.socket.destroy();
        return { ok: false, reason: reason('timeout', `no complete answer ${deadlineWords()}`) };
      }
      this.#adopt(outcome.socket);
    }
    const socket = this.#socket!;
    return new Promise((settle) => {
      this.#exchange = { reader: new ResponseReader(this.#options.maxResponseBytes), reused: this.#served > 0, answered: false, settle };
      socket.write(text);
    });
  }

  /** The whole request as one string, written in one piece; or why it cannot be sent. */
  #requestText(req: HttpRequest): string | Reason {
    const { url } = this.#options;
    const method = req.method ?? (req.body !== undefined ? 'POST' : 'GET');
    const target = joinPath(url, req.path ?? '');
    if (UNSAFE.test(target)) return reason('http_error', 'request not sent: the path contains a line break');
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...(req.withoutEndpointHeaders ? {} : this.#options.headers),
      ...req.headers,
    };
    let hasHost = false;
    let hasType = false;
    let lines = '';
    for (const name in headers) {
      const lower = name.toLowerCase();
      if (FRAMING_HEADERS.has(lower)) continue;
      const value = headers[name]!;
      // The value may be a secret: it is never quoted, only its header named.
      if (UNSAFE.test(value)) return reason('http_error', `request not sent: the value of header ${name} contains a line break`);
      if (lower === 'host') hasHost = true;
      else if (lower === 'content-type') hasType = true;
      lines += `${name}: ${value}\r\n`;
    }
    // Host names the server as the URL does (a Host header in the config overrides it).
    if (!hasHost) lines = `host: ${url.host}\r\n${lines}`;
    if (req.body === undefined) return `${method} ${target} HTTP/1.1\r\n${lines}\r\n`;
    if (!hasType) lines += 'content-type: application/json\r\n';
    return `${method} ${target} HTTP/1.1\r\n${lines}content-length: ${Buffer.byteLength(req.body)}\r\n\r\n${req.body}`;
  }

  #adopt(socket: Socket): void {
    this.#socket = socket;
    this.#served = 0;
    // Listeners stay for the socket's life: between exchanges they notice a
    // server that closes the connection (or talks out of turn), so the next
    // request goes on a new one.
    socket.on('data', (chunk: Buffer) => this.#onData(socket, chunk));
    socket.on('end', () => this.#onGone(socket, null));
    socket.on('close', () => this.#onGone(socket, null));
    socket.on('error', (err: NodeJS.ErrnoException) => this.#onGone(socket, err));
  }

  #onData(socket: Socket, chunk: Buffer): void {
    if (socket !== this.#socket) return;
    if (!this.#firstByteSeen && socket === this.#firstSocket) {
      this.#firstByteSeen = true;
      this.#options.timings.ttfbMs = ms(this.#options.startedAt, performance.now());
    }
    const exchange = this.#exchange;
    // Bytes nobody asked for: the connection can no longer be trusted to frame the next answer.
    if (!exchange) return this.#retire();
    // The first bytes after a request went out are its answer's: one request is out at a time.
    if (!exchange.answered && this.#options.timeEveryResponse) this.#lastFirstByteAt = performance.now();
    exchange.answered = true;
    this.#step(exchange.reader.push(chunk));
  }

  #onGone(socket: Socket, err: NodeJS.ErrnoException | null): void {
    if (socket !== this.#socket) return;
    const exchange = this.#exchange;
    if (exchange && exchange.reused && !exchange.answered) {
      this.#exchange = null;
      this.#retire();
      exchange.settle(RETRY);
      return;
    }
    if (exchange) {
      if (err) this.#step({ kind: 'failed', failure: { kind: 'closed' } }, err.code ?? null);
      else this.#step(exchange.reader.end());
    }
    this.#retire();
  }

  #step(step: ReadStep, errorCode: string | null = null): void {
    if (step.kind === 'more') return;
    if (step.kind === 'done') {
      this.#served++;
      if (!step.response.reusable) this.#retire();
      const { status, headers, body } = step.response;
      this.#settle({ ok: true, status, headers, body });
      return;
    }
    this.#retire();
    this.#settle({ ok: false, reason: this.#failureReason(step.failure, errorCode) });
  }

  #aborted(): void {
    const exchange = this.#exchange;
    if (exchange) {
      const { deadlineWords } = this.#options;
      this.#settle({
        ok: false,
        reason: exchange.reader.gotHead
          ? reason('timeout', `response headers arrived, but the body did not complete ${deadlineWords()} (slow or stalled)`)
          : reason('timeout', `connected, but no HTTP response ${deadlineWords()}`),
      });
    }
    this.#retire();
  }

  #failureReason(failure: ResponseFailure, errorCode: string | null): Reason {
    const max = this.#options.maxResponseBytes;
    switch (failure.kind) {
      case 'malformed':
        return reason('http_error', `malformed HTTP response (${failure.detail})`);
      case 'declared_too_large':
        return reason('response_too_large', `response declares ${failure.declared} bytes, over maxResponseBytes ${max}`);
      case 'too_large':
        return reason('response_too_large', `response body exceeds maxResponseBytes ${max}`);
      case 'closed':
        return reason('http_error', `the server closed the connection before a complete response${errorCode ? ` (${errorCode})` : ''}`);
    }
  }

  #settle(outcome: HttpOutcome): void {
    const exchange = this.#exchange;
    if (!exchange) return;
    this.#exchange = null;
    exchange.settle(outcome);
  }

  /** Ends the current connection; the next request opens another. */
  #retire(): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.destroy();
  }
}

/** `https://h/base?k=v` + `/v2/status` → `/base/v2/status?k=v` */
export function joinPath(url: URL, sub: string): string {
  const base = url.pathname.endsWith('/') && sub.startsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const [subPath, subQuery] = sub.split('?', 2) as [string, string | undefined];
  const path = sub ? `${base}${subPath}` : url.pathname;
  const query = [url.search.slice(1), subQuery ?? ''].filter(Boolean).join('&');
  return query ? `${path || '/'}?${query}` : path || '/';
}
