// An HTTP JSON-RPC proxy on 127.0.0.1 in front of a real EVM node that
// serves the chain's head as it was `delayMs` earlier: it follows the node's
// head every few milliseconds and answers eth_blockNumber, and
// eth_getBlockByNumber("latest"), with the newest block it has known for at
// least delayMs. Block lag stays a block or three while every new block
// reaches its clients delayMs late. `hideFromFirstWatchMs` freezes the head
// it serves at the first eth_blockNumber (the arrival watch's first ask)
// for that long: the blocks of that time are never shown.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface HeadDelayProxyOptions {
  readonly delayMs?: number;
  readonly hideFromFirstWatchMs?: number;
}

export interface HeadDelayProxy {
  readonly url: string;
  /** JSON-RPC methods received, in order, with the client port of the connection each came on. */
  readonly requests: { method: string; clientPort: number }[];
  close(): Promise<void>;
}

const FOLLOW_MS = 10;

export async function startHeadDelayProxy(upstream: string, options: HeadDelayProxyOptions = {}): Promise<HeadDelayProxy> {
  const delayMs = options.delayMs ?? 0;
  /** The node's whole JSON-RPC answer (result or error). */
  const rpc = async (method: string, params: unknown[] = []) => {
    const res = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) });
    return (await res.json()) as Record<string, unknown>;
  };
  const call = async (method: string) => (await rpc(method))['result'];
  // Height → when this proxy first knew it (the head at start counts as long known).
  const knownAt = new Map<number, number>([[Number(await call('eth_blockNumber')), -Infinity]]);
  let following = true;
  const follow = async () => {
    while (following) {
      try {
        const height = Number(await call('eth_blockNumber'));
        if (!knownAt.has(height)) knownAt.set(height, performance.now());
      } catch {
        // The node is stopping with the test: nothing to follow.
      }
      await new Promise((resolve) => setTimeout(resolve, FOLLOW_MS));
    }
  };
  const following$ = follow();

  let frozen: { height: number; until: number } | null = null;
  const servedHead = (): number => {
    const now = performance.now();
    if (frozen && now < frozen.until) return frozen.height;
    let head = -1;
    for (const [height, at] of knownAt) if (at <= now - delayMs && height > head) head = height;
    return head;
  };

  const requests: HeadDelayProxy['requests'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void answerRequest().catch((err: unknown) => {
      // A proxy that fails says so at once (a test reads it) rather than leaving the probe to time out.
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`head-delay proxy: ${String(err)}`);
    }));
    const answerRequest = async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: unknown; method: string; params?: unknown[] };
      requests.push({ method: body.method, clientPort: req.socket.remotePort ?? 0 });
      const send = (reply: Record<string, unknown>) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ...reply, id: body.id }));
      };
      const answer = (result: unknown) => send({ jsonrpc: '2.0', result });
      if (body.method === 'eth_blockNumber') {
        if (options.hideFromFirstWatchMs !== undefined && frozen === null) {
          frozen = { height: servedHead(), until: performance.now() + options.hideFromFirstWatchMs };
        }
        answer(`0x${servedHead().toString(16)}`);
        return;
      }
      const params = body.method === 'eth_getBlockByNumber' && body.params?.[0] === 'latest'
        ? [`0x${servedHead().toString(16)}`, ...body.params.slice(1)]
        : body.params ?? [];
      send(await rpc(body.method, params));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    async close() {
      following = false;
      await following$;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
