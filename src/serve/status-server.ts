// The local HTTP server of `vantage run --serve`: the status page at /, the
// feed files at the paths the central function writes to S3, Prometheus
// /metrics and /healthz. Read-only (GET and HEAD); everything it serves was
// rendered once per round. One listener may serve the page, /metrics, or
// both (listen-plan.ts decides); every listener answers only requests whose
// Host is one of its own names (host-check.ts), others get 421.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageSecurityPolicy } from '../status/render/page-policy.ts';
import { CONTENT_TYPE } from '../status/status-files.ts';
import type { HostCheck } from './host-check.ts';
import type { LocalStatus } from './local-status.ts';

export interface StatusServerOptions {
  readonly status: LocalStatus;
  readonly host: string;
  readonly port: number;
  /** /healthz turns 503 when no round completed for this long. */
  readonly staleAfterMs: number;
  /** What this listener serves besides /healthz: the page and feed files, /metrics, or both. */
  readonly serves: { readonly page: boolean; readonly metrics: boolean };
  /** Host headers this listener answers; others get 421. */
  readonly hostAllowed: HostCheck;
  /** Flag that chooses this listener's port, for the message when it is taken. */
  readonly portFlag?: string;
}

export interface RunningServer {
  readonly server: Server;
  readonly host: string;
  readonly port: number;
  /** Stops accepting, ends idle keep-alive connections, waits for requests in flight (at most `graceMs`). */
  close(graceMs?: number): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(host: string, port: number, flag = '--port') {
    super(`port ${port} on ${host} is already in use (choose another with ${flag})`);
    this.name = 'PortInUseError';
  }
}

const STARTING_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="2"><title>Starting: first probe round running</title></head>
<body><main><h1>Starting</h1><p>The first probe round is still running. This page reloads in 2 seconds.</p></main></body></html>
`;

export async function startStatusServer(options: StatusServerOptions): Promise<RunningServer> {
  const server = createServer((req, res) => handle(options, req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(err.code === 'EADDRINUSE' ? new PortInUseError(options.host, options.port, options.portFlag) : err));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host: address.address,
    port: address.port,
    close: (graceMs = 3_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}

const MISDIRECTED = 'misdirected request: this server does not answer to that Host name (a reverse proxy\'s name can be added with --allowed-host NAME)\n';

function handle(options: StatusServerOptions, req: IncomingMessage, res: ServerResponse): void {
  if (!options.hostAllowed(req.headers.host)) {
    send(req, res, 421, CONTENT_TYPE_TEXT, MISDIRECTED);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, CONTENT_TYPE_TEXT, 'method not allowed: this server is read-only\n', { allow: 'GET, HEAD' });
    return;
  }
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    send(req, res, 400, CONTENT_TYPE_TEXT, 'bad request path\n');
    return;
  }
  const { status } = options;
  if (path === '/metrics' && options.serves.metrics) {
    const metrics = status.metrics();
    send(req, res, 200, metrics.contentType, metrics.body);
    return;
  }
  if (path === '/healthz') {
    const health = status.health(options.staleAfterMs);
    send(req, res, health.ok ? 200 : 503, CONTENT_TYPE.json, `${JSON.stringify(health.body)}\n`);
    return;
  }
  if (!options.serves.page) {
    send(req, res, 404, CONTENT_TYPE_TEXT, `not found: ${path}\n`);
    return;
  }
  const key = path === '/' ? 'index.html' : path.slice(1);
  if (!status.ready) {
    if (key === 'index.html') send(req, res, 503, CONTENT_TYPE.html, STARTING_PAGE, { 'retry-after': '2' });
    else send(req, res, 503, CONTENT_TYPE.json, '{"error":"the first probe round is still running"}\n', { 'retry-after': '2' });
    return;
  }
  const file = status.file(key);
  if (!file) {
    send(req, res, 404, CONTENT_TYPE_TEXT, `not found: ${path}\n`);
    return;
  }
  // Status widgets on other sites fetch the feed files from the browser.
  const extra: Record<string, string> = file.contentType === CONTENT_TYPE.html
    ? { 'content-security-policy': pageSecurityPolicy(file.body) }
    : { 'access-control-allow-origin': '*' };
  send(req, res, 200, file.contentType, file.body, extra);
}

const CONTENT_TYPE_TEXT = 'text/plain; charset=utf-8';

function send(req: IncomingMessage, res: ServerResponse, code: number, type: string, body: string, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(body);
  res.writeHead(code, {
    'content-type': type,
    'content-length': String(bytes.length),
    // Data changes every round: always revalidate.
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
