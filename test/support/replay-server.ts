// A local HTTP server on 127.0.0.1 that answers like a chain node from
// recorded responses (test/fixtures/chains/) and records every request it
// receives, for families with no node that runs here.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  /** Path with query string, e.g. `/v2/accounts/ABC?exclude=all`. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** The JSON-RPC method when the body is a JSON-RPC request. */
  readonly rpcMethod: string | null;
  readonly rpcParams: unknown;
}

export interface Reply {
  readonly status?: number;
  /** An object or array is sent as JSON; a string as it is. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Routes {
  /** Keyed by `GET /v2/status` (path without query string). */
  readonly rest?: Readonly<Record<string, Reply | ((req: RecordedRequest) => Reply)>>;
  /** Keyed by JSON-RPC method. The reply body is the whole JSON-RPC response; its id is replaced by the request's. */
  readonly rpc?: Readonly<Record<string, Reply | ((req: RecordedRequest) => Reply)>>;
}

export interface ReplayServer {
  readonly url: string;
  readonly port: number;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Replaces the answers (the next scenario); keeps the record. */
  setRoutes(routes: Routes): void;
  close(): Promise<void>;
}

const METHOD_NOT_FOUND = { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id: null };

export async function startReplayServer(routes: Routes = {}): Promise<ReplayServer> {
  let current = routes;
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const rpc = parseRpc(body);
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, rpcMethod: rpc?.method ?? null, rpcParams: rpc?.params };
      requests.push(recorded);
      const reply = answer(current, recorded, rpc?.id);
      const payload = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null);
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    setRoutes(next) {
      current = next;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function answer(routes: Routes, req: RecordedRequest, id: unknown): Reply {
  if (req.rpcMethod !== null) {
    const route = routes.rpc?.[req.rpcMethod];
    const reply = typeof route === 'function' ? route(req) : route ?? { body: METHOD_NOT_FOUND };
    return withId(reply, id);
  }
  const key = `${req.method} ${req.path.split('?')[0]}`;
  const route = routes.rest?.[key];
  if (!route) return { status: 404, body: { message: `no route for ${key}` } };
  return typeof route === 'function' ? route(req) : route;
}

function withId(reply: Reply, id: unknown): Reply {
  if (reply.body === null || typeof reply.body !== 'object' || Array.isArray(reply.body)) return reply;
  return { ...reply, body: { ...reply.body, id: id ?? null } };
}

/** The JSON-RPC method, params and id of a request body, or null. */
export function parseRpc(body: string): { method: string; params: unknown; id: unknown } | null {
  if (!body) return null;
  try {
    const value = JSON.parse(body) as Record<string, unknown>;
    return typeof value?.['method'] === 'string' ? { method: value['method'], params: value['params'], id: value['id'] } : null;
  } catch {
    return null;
  }
}
