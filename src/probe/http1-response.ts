// One HTTP/1.1 response, read from the bytes a server sends as they arrive
// (RFC 9112): status line, headers, then a body framed by Content-Length,
// chunked transfer coding, or the end of the connection. Everything a
// server sends is hostile: the head is bounded, the body is bounded by
// maxResponseBytes (a declared length over it fails before a byte of it is
// read), and anything that is not HTTP/1.x fails at the first byte that
// shows it, not at the deadline. Pure: no socket, no clock.

/** Bytes of status line and headers a response may have (Node's own default limit). */
export const MAX_HEAD_BYTES = 16 * 1024;
/** Bytes of one chunk-size line (extensions included), and of all trailers. */
const MAX_CHUNK_LINE_BYTES = 1024;
const MAX_TRAILER_BYTES = 16 * 1024;

export type ResponseHeaders = Record<string, string | string[]>;

export interface CompleteResponse {
  readonly status: number;
  /** Lower-case names; a repeated header is an array, in the order received. */
  readonly headers: ResponseHeaders;
  readonly body: Buffer;
  /** The connection may carry the next request: keep-alive, and nothing left over after this response. */
  readonly reusable: boolean;
}

export type ResponseFailure =
  /** Not HTTP/1.x, or framing the reader cannot trust. `detail` is our own words, never the server's bytes. */
  | { readonly kind: 'malformed'; readonly detail: string }
  /** Content-Length over the limit: nothing of the body was read. */
  | { readonly kind: 'declared_too_large'; readonly declared: number }
  /** The body grew past the limit as it arrived. */
  | { readonly kind: 'too_large' }
  /** The connection ended before the response was complete. */
  | { readonly kind: 'closed' };

export type ReadStep =
  | { readonly kind: 'more' }
  | { readonly kind: 'done'; readonly response: CompleteResponse }
  | { readonly kind: 'failed'; readonly failure: ResponseFailure };

const MORE: ReadStep = { kind: 'more' };
const HTTP_PREFIX = Buffer.from('HTTP/');
const LF = 0x0a;
const CR = 0x0d;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const STATUS_LINE = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/;
const CHUNK_SIZE = /^[0-9a-fA-F]{1,15}$/;

type Framing = { readonly kind: 'length'; remaining: number } | { readonly kind: 'chunked' } | { readonly kind: 'close' } | { readonly kind: 'none' };
type ChunkState = 'size' | 'data' | 'data-end' | 'trailers';

const failed = (failure: ResponseFailure): ReadStep => ({ kind: 'failed', failure });
const malformed = (detail: string): ReadStep => failed({ kind: 'malformed', detail });

export class ResponseReader {
  readonly #maxBody: number;
  /** Head bytes received so far (until the blank line). */
  #head: Buffer | null = null;
  #status = 0;
  #headers: ResponseHeaders = {};
  #keepAlive = false;
  #framing: Framing | null = null;
  readonly #body: Buffer[] = [];
  #bodyBytes = 0;
  #chunk: ChunkState = 'size';
  #chunkRemaining = 0;
  /** The current chunk-size or trailer line, as latin1 text. */
  #line = '';
  #trailerBytes = 0;
  #sawCr = false;
  #finished = false;

  constructor(maxBodyBytes: number) {
    this.#maxBody = maxBodyBytes;
  }

  /** The final (non-1xx) status line and headers have arrived. */
  get gotHead(): boolean {
    return this.#framing !== null;
  }

  /** Feeds the next bytes the server sent. After 'done' or 'failed', feed nothing more. */
  push(chunk: Buffer): ReadStep {
    let data = chunk;
    while (this.#framing === null) {
      const head = this.#readHead(data);
      if (head.kind !== 'head') return head.step;
      data = head.rest;
    }
    return this.#readBody(data, 0);
  }

  /** The connection ended (the server closed it). */
  end(): ReadStep {
    if (this.#finished) return MORE;
    if (this.#framing?.kind === 'close') return this.#complete(false);
    return failed({ kind: 'closed' });
  }

  #readHead(chunk: Buffer): { kind: 'head'; rest: Buffer } | { kind: 'step'; step: ReadStep } {
    const start = this.#head?.length ?? 0;
    const buffer = this.#head ? Buffer.concat([this.#head, chunk]) : chunk;
    // Not HTTP at all (an SSH banner, a TLS alert as text): say so at once.
    const prefix = Math.min(buffer.length, HTTP_PREFIX.length);
    if (buffer.compare(HTTP_PREFIX, 0, prefix, 0, prefix) !== 0) return { kind: 'step', step: malformed('the answer does not start with HTTP/') };
    const end = headEnd(buffer, Math.max(0, start - 2));
    if (end === -1) {
      if (buffer.length > MAX_HEAD_BYTES) return { kind: 'step', step: malformed(`status line and headers over ${MAX_HEAD_BYTES / 1024} KiB`) };
      this.#head = buffer;
      return { kind: 'step', step: MORE };
    }
    if (end.bodyStart > MAX_HEAD_BYTES) return { kind: 'step', step: malformed(`status line and headers over ${MAX_HEAD_BYTES / 1024} KiB`) };
    this.#head = null;
    const problem = this.#parseHead(buffer.toString('latin1', 0, end.headEnd));
    if (problem) return { kind: 'step', step: malformed(problem) };
    const rest = buffer.subarray(end.bodyStart);
    if (this.#status < 200) {
      // 1xx (100 Continue, 103 Early Hints): informational, the real response follows.
      if (this.#status === 101) return { kind: 'step', step: malformed('101 Switching Protocols, but no upgrade was asked for') };
      this.#headers = {};
      return { kind: 'head', rest };
    }
    const framing = this.#frame();
    if ('step' in framing) return { kind: 'step', step: framing.step };
    this.#framing = framing;
    return { kind: 'head', rest };
  }

  /** Parses status line and header lines; returns what is wrong, or null. */
  #parseHead(text: string): string | null {
    const lines = text.split('\n');
    const statusLine = stripCr(lines[0]!);
    const status = STATUS_LINE.exec(statusLine);
    if (!status) return 'not an HTTP/1.x status line';
    this.#status = Number(status[2]);
    if (this.#status < 100) return 'not an HTTP/1.x status line';
    const headers: ResponseHeaders = {};
    for (let i = 1; i < lines.length; i++) {
      const line = stripCr(lines[i]!);
      if (line.length === 0) continue;
      // obs-fold (RFC 9112 5.2): a recipient may reject it; a proxy must. So do we.
      if (line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09) return 'a folded header line';
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      if (!TOKEN.test(name)) return 'a header line that is not "name: value"';
      const key = name.toLowerCase();
      const value = trimOws(line.slice(colon + 1));
      const seen = headers[key];
      if (seen === undefined) headers[key] = value;
      else if (typeof seen === 'string') headers[key] = [seen, value];
      else seen.push(value);
    }
    this.#headers = headers;
    const connection = tokens(headers['connection']);
    this.#keepAlive = status[1] === '1' ? !connection.includes('close') : connection.includes('keep-alive');
    return null;
  }

  /** How the body is delimited (RFC 9112 6.3). */
  #frame(): Framing | { step: ReadStep } {
    const status = this.#status;
    if (status === 204 || status === 304) return { kind: 'none' };
    const transfer = this.#headers['transfer-encoding'];
    if (transfer !== undefined) {
      // Both present: Transfer-Encoding wins, and the connection is not reused (request smuggling).
      if (this.#headers['content-length'] !== undefined) this.#keepAlive = false;
      const codings = tokens(transfer);
      if (codings[codings.length - 1] === 'chunked') return { kind: 'chunked' };
      this.#keepAlive = false;
      return { kind: 'close' };
    }
    const length = this.#headers['content-length'];
    if (length !== undefined) {
      const values = (Array.isArray(length) ? length.join(',') : length).split(',').map(trimOws);
      if (!values.every((v) => /^\d{1,15}$/.test(v) && v === values[0])) return { step: malformed('an invalid Content-Length') };
      const declared = Number(values[0]);
      if (declared > this.#maxBody) return { step: failed({ kind: 'declared_too_large', declared }) };
      return { kind: 'length', remaining: declared };
    }
    this.#keepAlive = false;
    return { kind: 'close' };
  }

  #readBody(data: Buffer, from: number): ReadStep {
    const framing = this.#framing!;
    switch (framing.kind) {
      case 'none':
        return this.#complete(from < data.length);
      case 'close':
        return this.#take(data.subarray(from)) ?? MORE;
      case 'length': {
        const available = data.length - from;
        const taken = Math.min(available, framing.remaining);
        if (taken > 0) this.#take(data.subarray(from, from + taken));
        framing.remaining -= taken;
        return framing.remaining === 0 ? this.#complete(available > taken) : MORE;
      }
      case 'chunked':
        return this.#readChunked(data, from);
    }
  }

  #readChunked(data: Buffer, from: number): ReadStep {
    let at = from;
    while (at < data.length) {
      switch (this.#chunk) {
        case 'size': {
          const line = this.#readLine(data, at, MAX_CHUNK_LINE_BYTES);
          if (line.kind === 'long') return malformed('a chunk-size line over 1 KiB');
          at = line.next;
          if (line.kind === 'partial') break;
          const size = line.text.split(';', 1)[0]!.replace(/[ \t]+$/, '');
          if (!CHUNK_SIZE.test(size)) return malformed('an invalid chunk size');
          const bytes = parseInt(size, 16);
          if (this.#bodyBytes + bytes > this.#maxBody) return failed({ kind: 'too_large' });
          this.#chunkRemaining = bytes;
          this.#chunk = bytes === 0 ? 'trailers' : 'data';
          break;
        }
        case 'data': {
          const taken = Math.min(data.length - at, this.#chunkRemaining);
          this.#take(data.subarray(at, at + taken));
          at += taken;
          this.#chunkRemaining -= taken;
          if (this.#chunkRemaining === 0) this.#chunk = 'data-end';
          break;
        }
        case 'data-end': {
          // CRLF (or a bare LF) after the chunk's data.
          const byte = data[at++];
          if (byte === CR && !this.#sawCr) this.#sawCr = true;
          else if (byte === LF) {
            this.#sawCr = false;
            this.#chunk = 'size';
          } else return malformed('chunk data longer than its size');
          break;
        }
        case 'trailers': {
          // Trailers are read past, not kept: nothing in a probe uses them.
          const line = this.#readLine(data, at, MAX_TRAILER_BYTES - this.#trailerBytes);
          if (line.kind === 'long') return malformed(`trailers over ${MAX_TRAILER_BYTES / 1024} KiB`);
          if (line.kind === 'line') {
            if (line.text === '') return this.#complete(line.next < data.length);
            this.#trailerBytes += line.text.length + 1;
          }
          at = line.next;
          break;
        }
      }
    }
    return MORE;
  }

  /** Reads up to and including the next LF into #line; a line's CR is dropped. */
  #readLine(data: Buffer, at: number, max: number): { kind: 'line'; text: string; next: number } | { kind: 'partial'; next: number } | { kind: 'long' } {
    const lf = data.indexOf(LF, at);
    const end = lf === -1 ? data.length : lf;
    if (this.#line.length + (end - at) > max) return { kind: 'long' };
    this.#line += data.toString('latin1', at, end);
    if (lf === -1) return { kind: 'partial', next: data.length };
    const text = stripCr(this.#line);
    this.#line = '';
    return { kind: 'line', text, next: lf + 1 };
  }

  /** Keeps body bytes; a failure step once the limit is passed. */
  #take(bytes: Buffer): ReadStep | null {
    if (bytes.length === 0) return null;
    this.#bodyBytes += bytes.length;
    if (this.#bodyBytes > this.#maxBody) return failed({ kind: 'too_large' });
    this.#body.push(bytes);
    return null;
  }

  #complete(leftover: boolean): ReadStep {
    if (this.#bodyBytes > this.#maxBody) return failed({ kind: 'too_large' });
    this.#finished = true;
    const body = this.#body.length === 1 ? this.#body[0]! : Buffer.concat(this.#body);
    const reusable = this.#keepAlive && !leftover && this.#framing?.kind !== 'close';
    return { kind: 'done', response: { status: this.#status, headers: this.#headers, body, reusable } };
  }
}

/** Where the head ends: after "\n\r\n" or "\n\n" (a bare LF is a line end too, RFC 9112 2.2). */
function headEnd(buffer: Buffer, from: number): { headEnd: number; bodyStart: number } | -1 {
  let at = buffer.indexOf(LF, from);
  while (at !== -1) {
    const next = buffer[at + 1];
    if (next === LF) return { headEnd: at, bodyStart: at + 2 };
    if (next === CR && buffer[at + 2] === LF) return { headEnd: at, bodyStart: at + 3 };
    at = buffer.indexOf(LF, at + 1);
  }
  return -1;
}

const stripCr = (line: string) => (line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line);

/** Optional whitespace (SP, HTAB) trimmed; String.trim would also eat bytes a server may not use there. */
function trimOws(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && (value.charCodeAt(start) === 0x20 || value.charCodeAt(start) === 0x09)) start++;
  while (end > start && (value.charCodeAt(end - 1) === 0x20 || value.charCodeAt(end - 1) === 0x09)) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** A comma-separated header (Connection, Transfer-Encoding) as lower-case tokens. */
function tokens(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  const text = Array.isArray(value) ? value.join(',') : value;
  return text.split(',').map((t) => trimOws(t).toLowerCase()).filter((t) => t.length > 0);
}
