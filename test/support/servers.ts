// A small kit of real servers on 127.0.0.1, port 0, for transport and engine
// tests: well-behaved and adversarial HTTP(S) servers, a JSON-RPC fake whose
// answers a test sets, a listener that never accepts (connect timeout) and a
// port nothing listens on. Every server closes all its sockets on close().
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import type { Pem } from './certificates.ts';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  /** SNI the client sent (HTTPS only), null without. */
  readonly servername: string | null;
}

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (https:// with tls). */
  readonly url: string;
  readonly port: number;
  /** Every request that reached a handler, in arrival order. */
  readonly requests: RecordedRequest[];
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Serve HTTPS with this certificate and key. */
  readonly tls?: Pem;
  /** Loopback address to listen on (any of 127.0.0.0/8, or ::1); 127.0.0.1 by default. */
  readonly host?: string;
  /** Port to listen on (several loopback addresses serving one port, as behind DNS round-robin); any free one by default. */
  readonly port?: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

const HOST = '127.0.0.1';

/** A real HTTP(S) server; the handler gets the request with its body read. */
export async function serve(handler: Handler, options: ServeOptions = {}): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const servername = (req.socket as Socket & { servername?: string | false }).servername;
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, servername: servername || null });
      Promise.resolve(handler(req, res, body)).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(599);
        res.end(String(err));
      });
    });
  };
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, onRequest)
    : createHttpServer(onRequest);
  // Node's defaults would end idle keep-alive sockets and slow requests on
  // their own; the tests decide when the server stops answering.
  server.keepAliveTimeout = 60_000;
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  return listen(server, options.tls ? 'https' : 'http', requests, options.host, options.port);
}

async function listen(server: Server | ReturnType<typeof createTcpServer>, scheme: string, requests: RecordedRequest[], host: string = HOST, port = 0): Promise<TestServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // TLS servers report client errors (a probe hanging up mid-handshake) here.
  server.on('tlsClientError', () => undefined);
  server.on('clientError', (_err: Error, socket: Socket) => socket.destroy());
  server.listen(port, host);
  await once(server, 'listening');
  const bound = (server.address() as { port: number }).port;
  return {
    url: `${scheme}://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    requests,
    connections: () => accepted,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Answers every request with this status, body and headers. */
export function fixedResponse(status: number, body: string | Buffer, headers: Record<string, string> = {}, options: ServeOptions = {}): Promise<TestServer> {
  return serve((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  }, options);
}

/** Accepts the TCP connection (and the TLS handshake) but never answers the request. */
export function neverAnswers(options: ServeOptions = {}): Promise<TestServer> {
  return serve(() => undefined, options);
}

/** Accepts TCP and then says nothing at all: not even a TLS handshake. */
export async function silentTcp(): Promise<TestServer> {
  const server = createTcpServer(() => undefined);
  return listen(server, 'tcp', []);
}

/** Resets every connection as soon as the client speaks (a handshake that fails). */
export async function resetsOnFirstByte(): Promise<TestServer> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => socket.resetAndDestroy());
  });
  return listen(server, 'tcp', []);
}

/** Reads the request, then closes the connection without a byte in answer. */
export async function hangsUpAfterRequest(): Promise<TestServer> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => socket.end());
  });
  return listen(server, 'http', []);
}

/** Answers every request with these raw bytes (not necessarily HTTP; a string is sent as UTF-8), then closes. */
export async function rawAnswer(bytes: string | Buffer): Promise<TestServer> {
  const server = createTcpServer((socket) => {
    socket.once('data', () => socket.end(bytes));
  });
  return listen(server, 'http', []);
}

/** Sends status and headers, then one byte of body every intervalMs, forever. */
export function dripBody(intervalMs = 100, options: ServeOptions = {}): Promise<TestServer> {
  return serve((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"jsonrpc":"2.0","id":1,"result":"');
    const timer = setInterval(() => res.write('0'), intervalMs);
    res.once('close', () => clearInterval(timer));
  }, options);
}

/** A body of `bytes` bytes, streamed; with or without a Content-Length header. */
export function bigBody(bytes: number, declareLength: boolean, options: ServeOptions = {}): Promise<TestServer> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  return serve((_req, res) => {
    res.writeHead(200, declareLength ? { 'content-type': 'application/json', 'content-length': String(bytes) } : { 'content-type': 'application/json' });
    let left = bytes;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void res.once('drain', pump);
      }
      res.end();
    };
    res.once('close', () => (left = 0));
    pump();
  }, options);
}

/** Waits `delayMs` before the first byte of a fixed JSON answer. */
export function delayedResponse(delayMs: number, body: string, options: ServeOptions = {}): Promise<TestServer> {
  return serve(async (_req, res) => {
    await new Promise((r) => setTimeout(r, delayMs));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }, options);
}

// ---------------------------------------------------------------------------
// JSON-RPC fake

export type RpcAnswer =
  | { readonly result: unknown }
  | { readonly error: { readonly code: number; readonly message: string; readonly data?: unknown } }
  /** Any raw HTTP answer, for malformed replies. */
  | { readonly status: number; readonly body: string; readonly headers?: Record<string, string> };

export interface JsonRpcFake extends TestServer {
  /** Answers by method; a method without an answer gets -32601 "method not found". */
  readonly answers: Map<string, RpcAnswer | ((params: unknown[]) => RpcAnswer)>;
  /** Methods received, in order. */
  readonly methods: () => string[];
}

/** A JSON-RPC 2.0 server whose answers the test sets per method. */
export async function jsonRpcFake(answers: Record<string, RpcAnswer> = {}, options: ServeOptions = {}): Promise<JsonRpcFake> {
  const table = new Map<string, RpcAnswer | ((params: unknown[]) => RpcAnswer)>(Object.entries(answers));
  const server = await serve((_req, res, body) => {
    let call: { id?: unknown; method?: string; params?: unknown[] };
    try {
      call = JSON.parse(body) as typeof call;
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}}');
      return;
    }
    const entry = table.get(call.method ?? '');
    const answer: RpcAnswer = typeof entry === 'function' ? entry(call.params ?? []) : entry ?? { error: { code: -32601, message: `the method ${call.method} does not exist/is not available` } };
    if ('status' in answer) {
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id ?? null, ...answer }));
  }, options);
  return {
    ...server,
    answers: table,
    methods: () => server.requests.map((r) => (JSON.parse(r.body) as { method: string }).method),
  };
}

const hex = (n: number) => `0x${n.toString(16)}`;

/** Answers of a healthy EVM node at `height`, head `ageSeconds` old. */
export function evmAnswers(options: { height: number; chainId?: number; ageSeconds?: number; peers?: number | null }): Record<string, RpcAnswer> {
  const timestamp = Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 1);
  const answers: Record<string, RpcAnswer> = {
    eth_chainId: { result: hex(options.chainId ?? 1) },
    eth_getBlockByNumber: { result: { number: hex(options.height), timestamp: hex(timestamp), hash: `0x${'ab'.repeat(32)}` } },
    eth_syncing: { result: false },
  };
  if (options.peers !== null) answers['net_peerCount'] = { result: hex(options.peers ?? 8) };
  return answers;
}

// ---------------------------------------------------------------------------
// Listeners that fail at the TCP level

/** A port on 127.0.0.1 that nothing listens on (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createTcpServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

export interface UnacceptingListener {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A listening socket whose accept queue is full: the kernel drops further
 * SYNs, so a connect gets no answer at all (connect timeout) on loopback.
 * The listener lives in a worker whose event loop is blocked, so it never
 * accepts; the queue is filled by connections made here.
 */
export async function unacceptingListener(): Promise<UnacceptingListener> {
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(`
    const { parentPort, workerData } = require('node:worker_threads');
    const server = require('node:net').createServer({ pauseOnConnect: true });
    server.listen({ host: '${HOST}', port: 0, backlog: 1 }, () => {
      parentPort.postMessage(server.address().port);
      Atomics.wait(workerData, 0, 0);
      server.close();
    });`, { eval: true, workerData: wake });
  const [port] = (await once(worker, 'message')) as [number];
  const fillers: Socket[] = [];
  // Connect until one connection gets no answer: the queue is then full.
  for (let i = 0; i < 64; i++) {
    const socket = connect({ host: HOST, port });
    fillers.push(socket);
    socket.on('error', () => undefined);
    const answered = await Promise.race([
      once(socket, 'connect').then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 300)),
    ]);
    // A stalled event loop runs the timer before the poll that would report
    // the connect: look once more after I/O before calling the queue full.
    if (!answered) await new Promise((r) => setImmediate(r));
    if (!answered && socket.connecting) break;
  }
  return {
    port,
    async close() {
      for (const s of fillers) s.destroy();
      Atomics.store(wake, 0, 1);
      Atomics.notify(wake, 0);
      await worker.terminate();
    },
  };
}
