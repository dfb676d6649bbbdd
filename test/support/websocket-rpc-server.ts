// A JSON-RPC server over WebSocket (ws's own server) on 127.0.0.1, plain or
// TLS, for the families whose WebSocket API has no node running here
// (Substrate, Solana) and for adversarial cases: answers are whole JSON-RPC
// responses by method (recorded fixtures, their id rewritten), subscriptions
// answer with an id and then notify on an interval (or never), an upgrade
// can be refused with any status. Every request frame and every upgrade
// request is recorded.
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Pem } from './certificates.ts';

export interface RpcFrame {
  readonly method: string;
  readonly params: unknown;
  readonly id: unknown;
}

export interface SubscriptionBehaviour {
  /** The id the subscribe call answers with (Substrate: an opaque string; Solana: an integer). */
  readonly id: string | number;
  /** The method notifications carry. */
  readonly notification: string;
  readonly unsubscribe: string;
  /** params.result of the n-th notification (0-based); absent: accepts the subscription and never notifies. */
  readonly result?: (n: number) => unknown;
  /** Between notifications, the first one included. Default 50 ms. */
  readonly everyMs?: number;
}

/** A whole JSON-RPC response, or a function of the params giving one (or a promise of one). */
export type Answer = unknown | ((params: unknown) => unknown);

export interface WebSocketRpcOptions {
  readonly tls?: Pem;
  /** Whole JSON-RPC responses by method (or promises of them); the id is replaced by the request's. Unknown methods get -32601. */
  readonly answers?: Readonly<Record<string, Answer>>;
  /** By subscribe method. */
  readonly subscriptions?: Readonly<Record<string, SubscriptionBehaviour>>;
  /** Refuse every upgrade with this status, headers and body. */
  readonly refuse?: { readonly status: number; readonly body: string };
}

export interface WebSocketRpcServer {
  /** ws://127.0.0.1:PORT (wss:// with tls). */
  readonly url: string;
  readonly port: number;
  /** Every JSON-RPC request received, in order, across connections. */
  readonly frames: RpcFrame[];
  /** Every upgrade request: its path and headers. */
  readonly upgrades: Array<{ readonly url: string; readonly headers: IncomingMessage['headers'] }>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const METHOD_NOT_FOUND = { code: -32601, message: 'Method not found' };

export async function startWebSocketRpcServer(options: WebSocketRpcOptions): Promise<WebSocketRpcServer> {
  const frames: RpcFrame[] = [];
  const upgrades: WebSocketRpcServer['upgrades'] = [];
  const sockets = new Set<Socket>();
  const server: Server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    upgrades.push({ url: req.url ?? '', headers: req.headers });
    socket.on('error', () => undefined);
    if (options.refuse) {
      const body = Buffer.from(options.refuse.body);
      socket.end(`HTTP/1.1 ${options.refuse.status} Refused\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws, options, frames));
  });
  server.listen(0, HOST);
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `${options.tls ? 'wss' : 'ws'}://${HOST}:${port}`,
    port,
    frames,
    upgrades,
    close: () => new Promise<void>((resolve) => {
      for (const client of wss.clients) client.terminate();
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

function serve(ws: WebSocket, options: WebSocketRpcOptions, frames: RpcFrame[]): void {
  const timers = new Set<NodeJS.Timeout>();
  ws.on('close', () => timers.forEach(clearInterval));
  ws.on('error', () => undefined);
  const reply = (value: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(value));
  ws.on('message', (data: Buffer) => {
    let call: { id?: unknown; method?: unknown; params?: unknown };
    try {
      call = JSON.parse(data.toString('utf8')) as typeof call;
    } catch {
      reply({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    const method = typeof call.method === 'string' ? call.method : '';
    frames.push({ method, params: call.params, id: call.id });
    const subscription = options.subscriptions?.[method];
    if (subscription) {
      reply({ jsonrpc: '2.0', id: call.id, result: subscription.id });
      const { result } = subscription;
      if (!result) return;
      let n = 0;
      const timer = setInterval(() => {
        reply({ jsonrpc: '2.0', method: subscription.notification, params: { subscription: subscription.id, result: result(n++) } });
      }, subscription.everyMs ?? 50);
      timers.add(timer);
      return;
    }
    const cancelled = Object.values(options.subscriptions ?? {}).find((s) => s.unsubscribe === method);
    if (cancelled) {
      timers.forEach(clearInterval);
      reply({ jsonrpc: '2.0', id: call.id, result: true });
      return;
    }
    const answer = options.answers?.[method];
    if (answer === undefined) {
      reply({ jsonrpc: '2.0', id: call.id ?? null, error: METHOD_NOT_FOUND });
      return;
    }
    const body = typeof answer === 'function' ? (answer as (p: unknown) => unknown)(call.params) : answer;
    // An answer may come from elsewhere (a real node behind): sent when it is ready.
    void Promise.resolve(body).then((value) => reply(value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, id: call.id } : value));
  });
}
