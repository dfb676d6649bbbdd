// HTTP/1.1 over the connection the probe opened, through undici. The first
// response's first byte is timed at the socket ('readable'), not inferred.
// Every outcome is a value: a completed response (any status) or a Reason.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import { Client, type Dispatcher } from 'undici';
import type { ConnectOutcome } from './connect.ts';
import { classifyRequestError } from './classify.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { ms, type Timings } from '../report/timings.ts';

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

export interface HttpSessionOptions {
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly maxResponseBytes: number;
  readonly signal: AbortSignal;
  readonly timings: Timings;
  readonly startedAt: number;
  readonly deadlineWords: () => string;
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
const SESSION_CLOSED = new Error('probe session closed');

export class HttpSession {
  readonly #options: HttpSessionOptions;
  readonly #client: Client;
  #firstByteSeen = false;
  /** Every-response timing: a request is out and its answer's first byte has not come. */
  #awaitingFirstByte = false;
  #lastFirstByteAt: number | null = null;

  constructor(socket: Socket, options: HttpSessionOptions) {
    this.#options = options;
    let first: Socket | null = socket;
    this.#watchFirstByte(socket);
    if (options.timeEveryResponse) this.#watchEveryFirstByte(socket);
    this.#client = new Client(options.url.origin, {
      connect: (_opts, callback) => {
        if (first) {
          const handOver = first;
          first = null;
          // undici's connect loop breaks if called back synchronously.
          queueMicrotask(() => callback(null, handOver));
          return;
        }
        // A connection that failed (verification included) was never handed
        // over: the request waiting for it fails with the connection's reason.
        options.reconnect().then(
          (outcome) => {
            if (outcome.ok && options.timeEveryResponse) this.#watchEveryFirstByte(outcome.socket);
            if (outcome.ok) return callback(null, outcome.socket);
            const first = outcome.reasons[0]!;
            callback(Object.assign(new Error(first.message), { vantageReason: first }), null);
          },
          (err: Error) => callback(err, null),
        );
      },
      pipelining: 1,
      // HTTP/1.1 only: the socket offered nothing else in ALPN.
      allowH2: false,
      maxResponseSize: options.maxResponseBytes,
      // The probe's AbortSignal is the one deadline; undici's own timers off.
      headersTimeout: 0,
      bodyTimeout: 0,
    });
  }

  #watchFirstByte(socket: Socket): void {
    const { timings, startedAt } = this.#options;
    // Registered before undici's own 'readable' listener, so it runs first,
    // while the bytes are still buffered. 'readable' also fires at EOF: a
    // server that hangs up without a byte has no first byte.
    const onReadable = () => {
      if (socket.readableLength === 0) return;
      socket.off('readable', onReadable);
      if (!this.#firstByteSeen) {
        this.#firstByteSeen = true;
        timings.ttfbMs = ms(startedAt, performance.now());
      }
    };
    socket.on('readable', onReadable);
    socket.once('close', () => socket.off('readable', onReadable));
  }

  /**
   * Same rule as ttfbMs ('readable' with bytes buffered, ahead of undici's
   * own listener), for every response: one request is out at a time
   * (pipelining 1), so the first bytes after it was sent are its answer's.
   */
  #watchEveryFirstByte(socket: Socket): void {
    const onReadable = () => {
      if (!this.#awaitingFirstByte || socket.readableLength === 0) return;
      this.#awaitingFirstByte = false;
      this.#lastFirstByteAt = performance.now();
    };
    socket.on('readable', onReadable);
    socket.once('close', () => socket.off('readable', onReadable));
  }

  /**
   * performance.now() at the first byte of the latest request's answer;
   * null when none came (or without timeEveryResponse).
   */
  get lastFirstByteAt(): number | null {
    return this.#lastFirstByteAt;
  }

  async request(req: HttpRequest = {}): Promise<HttpOutcome> {
    const { url, signal, maxResponseBytes, deadlineWords } = this.#options;
    if (signal.aborted) return { ok: false, reason: reason('timeout', `no complete answer ${deadlineWords()}`) };
    const headers: Record<string, string> = {
      'user-agent': USER_AGENT,
      accept: 'application/json',
      ...(req.withoutEndpointHeaders ? {} : this.#options.headers),
      ...req.headers,
    };
    if (req.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    if (this.#options.timeEveryResponse) {
      this.#lastFirstByteAt = null;
      this.#awaitingFirstByte = true;
    }
    const exchange = await this.#exchange({
      method: req.method ?? (req.body !== undefined ? 'POST' : 'GET'),
      path: joinPath(url, req.path ?? ''),
      headers,
      body: req.body ?? null,
    });
    if ('tooLarge' in exchange) return { ok: false, reason: tooLarge(`declares ${exchange.tooLarge} bytes`, maxResponseBytes) };
    if ('error' in exchange) {
      return { ok: false, reason: classifyRequestError(exchange.error, { aborted: signal.aborted, gotHeaders: exchange.gotHeaders, deadlineWords: deadlineWords(), maxResponseBytes }) };
    }
    return { ok: true, ...exchange };
  }

  /**
   * One request through undici's dispatch API, the body gathered straight
   * into a Buffer. Client.request() would add an AsyncResource, a body
   * stream and an abort-signal wrapper per request: CPU for nothing a probe
   * uses (docs/benchmarks.md). maxResponseSize is still
   * enforced by the Client; the probe's signal aborts the exchange.
   */
  #exchange(options: { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body: string | null }): Promise<Exchange> {
    const { signal, maxResponseBytes } = this.#options;
    return new Promise<Exchange>((resolve) => {
      let controller: Dispatcher.DispatchController | null = null;
      let status = 0;
      let responseHeaders: Record<string, string | string[] | undefined> = {};
      let gotHeaders = false;
      let settled = false;
      const chunks: Buffer[] = [];
      const settle = (exchange: Exchange) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(exchange);
      };
      const onAbort = () => {
        // Not started yet: the queued request dies with the session (close()).
        controller?.abort(signal.reason as Error);
        settle({ error: signal.reason, gotHeaders });
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.#client.dispatch(options, {
        onRequestStart(c) {
          controller = c;
          if (settled) c.abort(SESSION_CLOSED);
        },
        onResponseStart(c, statusCode, headers) {
          if (statusCode < 200) return; // 1xx: the real response follows
          gotHeaders = true;
          const declared = Number(headers['content-length']);
          if (Number.isFinite(declared) && declared > maxResponseBytes) {
            settle({ tooLarge: declared });
            c.abort(SESSION_CLOSED); // reports back through onResponseError, after settling
            return;
          }
          status = statusCode;
          responseHeaders = headers;
        },
        onResponseData(_c, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          settle({ status, headers: responseHeaders, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
        },
        onResponseError(_c, error) {
          settle({ error, gotHeaders });
        },
      });
    });
  }

  close(): void {
    // Our own error, made once: without one undici builds a
    // ClientDestroyedError (and its stack trace) per probe, a cost docs/benchmarks.md
    // measures. Nothing is pending here; no caller ever sees it.
    this.#client.destroy(SESSION_CLOSED).catch(() => undefined);
  }
}

type Exchange =
  | { readonly status: number; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: Buffer }
  | { readonly tooLarge: number }
  | { readonly error: unknown; readonly gotHeaders: boolean };

const tooLarge = (what: string, max: number) => reason('response_too_large', `response ${what}, over maxResponseBytes ${max}`);

/** `https://h/base?k=v` + `/v2/status` → `/base/v2/status?k=v` */
export function joinPath(url: URL, sub: string): string {
  const base = url.pathname.endsWith('/') && sub.startsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const [subPath, subQuery] = sub.split('?', 2) as [string, string | undefined];
  const path = sub ? `${base}${subPath}` : url.pathname;
  const query = [url.search.slice(1), subQuery ?? ''].filter(Boolean).join('&');
  return query ? `${path || '/'}?${query}` : path || '/';
}
