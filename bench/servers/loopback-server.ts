// A bench server process: one HTTP(S) request handler behind any number of
// loopback listeners (one port per simulated endpoint), holding each
// response a fixed time before its first byte. It runs in its own process so
// its CPU never counts against a contender's.
//
// kinds:  json  GET anything → {"height":1,"heldUs":N}: heldUs is how long
//               the server actually held this response (µs, from the whole
//               request read to the reply), the truth for TTFB accuracy.
//         evm   a JSON-RPC 2.0 node: eth_chainId, eth_getBlockByNumber,
//               eth_syncing, net_peerCount; admin_*/personal_* are "method
//               not found" (as on a well-configured node). Listener i reports
//               height + heightOffsets[i % heightOffsets.length].
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { workerInput } from '../support/worker-ipc.ts';

export interface LoopbackServerInput {
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  readonly listeners: number;
  readonly delayMs: number;
  readonly kind: 'json' | 'evm';
  readonly evm?: { readonly chainId: number; readonly height: number; readonly heightOffsets: readonly number[] };
  /** Loopback addresses each listener listens on, all on the same port (default 127.0.0.1). */
  readonly hosts?: readonly string[];
}

export interface LoopbackServerReady {
  readonly ports: number[];
}

const input = workerInput<LoopbackServerInput>();
const portIndex = new Map<number, number>();

function answer(req: IncomingMessage, res: ServerResponse, send: (res: ServerResponse, heldUs: number, listener: number, body: string) => void): void {
  const arrived = performance.now();
  const listener = portIndex.get(req.socket.localPort ?? 0) ?? 0;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const reply = () => send(res, Math.round((performance.now() - arrived) * 1000), listener, Buffer.concat(chunks).toString());
    if (input.delayMs > 0) setTimeout(reply, input.delayMs);
    else reply();
  });
}

function sendJson(res: ServerResponse, heldUs: number): void {
  const body = `{"height":1,"heldUs":${heldUs}}`;
  // Keep-alive unless the client asks to close, as real API servers do; the
  // client decides when the connection ends.
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

function sendEvm(res: ServerResponse, _heldUs: number, listener: number, body: string): void {
  const evm = input.evm!;
  let request: { id?: unknown; method?: unknown };
  try {
    request = JSON.parse(body) as { id?: unknown; method?: unknown };
  } catch {
    res.writeHead(400, { connection: 'close' }).end();
    return;
  }
  const height = evm.height + (evm.heightOffsets[listener % evm.heightOffsets.length] ?? 0);
  const hex = (n: number) => `0x${n.toString(16)}`;
  let reply: Record<string, unknown>;
  switch (request.method) {
    case 'eth_chainId': reply = { result: hex(evm.chainId) }; break;
    case 'eth_getBlockByNumber': reply = { result: { number: hex(height), timestamp: hex(Math.floor(Date.now() / 1000)), hash: `0x${'ab'.repeat(32)}`, transactions: [] } }; break;
    case 'eth_syncing': reply = { result: false }; break;
    case 'net_peerCount': reply = { result: '0x19' }; break;
    default: reply = { error: { code: -32601, message: 'the method does not exist/is not available' } };
  }
  const text = JSON.stringify({ jsonrpc: '2.0', id: request.id ?? null, ...reply });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const send = input.kind === 'evm' ? sendEvm : sendJson;
const onRequest = (req: IncomingMessage, res: ServerResponse) => answer(req, res, send);
const server: Server = input.tls
  ? createHttpsServer({ cert: readFileSync(input.tls.certFile), key: readFileSync(input.tls.keyFile) }, onRequest)
  : createHttpServer(onRequest);
server.keepAliveTimeout = 5_000;
server.on('tlsClientError', () => undefined);
server.on('clientError', (_err, socket) => socket.destroy());

// Many ports, one handler: each listener hands its connections to the server.
const listeners: TcpServer[] = [];
const ports: number[] = [];
const hosts = input.hosts ?? ['127.0.0.1'];
const listen = (host: string, port: number) =>
  new Promise<TcpServer>((resolve, reject) => {
    const listener = createTcpServer({ noDelay: true }, (socket) => server.emit('connection', socket));
    listener.once('error', reject);
    listener.listen({ port, host, backlog: 511 }, () => resolve(listener));
  });
for (let i = 0; i < input.listeners; i++) {
  const first = await listen(hosts[0]!, 0);
  const port = (first.address() as { port: number }).port;
  listeners.push(first);
  for (const host of hosts.slice(1)) listeners.push(await listen(host, port));
  portIndex.set(port, i);
  ports.push(port);
}

const ready: LoopbackServerReady = { ports };
process.send?.(ready);
const exit = () => process.exit(0);
process.once('SIGTERM', exit);
process.once('disconnect', exit);
