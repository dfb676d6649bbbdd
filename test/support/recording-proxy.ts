// An HTTP proxy on 127.0.0.1 in front of a real local node: records every
// request it forwards, and can answer chosen requests itself (e.g. a node
// whose admin namespace is open, which hardhat does not have).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseRpc, type RecordedRequest, type Reply } from './replay-server.ts';

export interface RecordingProxy {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

/** Answers a request itself when it returns a Reply; forwards it when it returns undefined. */
export type Intercept = (req: RecordedRequest) => Reply | undefined;

export async function startRecordingProxy(upstream: string, intercept: Intercept = () => undefined): Promise<RecordingProxy> {
  const target = new URL(upstream);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rpc = parseRpc(body.toString('utf8'));
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: body.toString('utf8'),
        rpcMethod: rpc?.method ?? null, rpcParams: rpc?.params,
      };
      requests.push(recorded);
      const own = intercept(recorded);
      if (own) {
        const ownBody = typeof own.body === 'string' ? own.body : JSON.stringify(own.body && typeof own.body === 'object' && !Array.isArray(own.body) ? { ...own.body, id: rpc?.id ?? null } : own.body ?? null);
        res.writeHead(own.status ?? 200, { 'content-type': 'application/json', ...own.headers });
        res.end(ownBody);
        return;
      }
      const forward = request({
        host: target.hostname, port: target.port, method: req.method, path: req.url,
        headers: { ...req.headers, host: target.host }, agent: false,
      }, (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      });
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

