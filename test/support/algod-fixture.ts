// An algod REST server on 127.0.0.1 whose rounds come on a timer, for the
// block arrival watch (no algod runs here). Shapes are the recorded ones
// (test/fixtures/chains/algorand/, sources in its README.md); the
// wait-for-block-after behaviour is algod's own (go-algorand
// daemon/algod/api/server/v2/handlers.go, WaitForBlock): it answers the node
// status at once when round+1 exists, else holds the request until it does
// (algod: at most one minute; here until the client goes), and 503 during a
// catchpoint catchup. Servers given the same `epoch` release the same rounds;
// `releaseDelayMs` makes one see each round that much later.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { chainFixture } from './chain-fixtures.ts';

export interface AlgodFixtureOptions {
  /** performance.now() at which round START_ROUND was released. */
  readonly epoch: number;
  readonly roundMs: number;
  readonly releaseDelayMs?: number;
  /**
   * Answer every wait-for-block-after with 503 and algod's message, as it
   * does during a catchpoint catchup (its /v2/status stays as it was: a node
   * that went into catchup after the probe).
   */
  readonly catchupWaits?: boolean;
}

export interface AlgodFixture {
  readonly url: string;
  /** Every request: path and the client port of the connection it came on. */
  readonly requests: { path: string; clientPort: number }[];
  close(): Promise<void>;
}

const START_ROUND = 46_374_813;
const WAIT = /^\/v2\/status\/wait-for-block-after\/(\d+)$/;

export async function startAlgodFixture(options: AlgodFixtureOptions): Promise<AlgodFixture> {
  const delay = options.releaseDelayMs ?? 0;
  const elapsed = () => performance.now() - options.epoch - delay;
  const round = () => START_ROUND + Math.max(0, Math.floor(elapsed() / options.roundMs));
  /** ms from now until round r is out here. */
  const untilRound = (r: number) => Math.max(0, (r - START_ROUND) * options.roundMs - elapsed());
  const status = () => ({
    ...chainFixture('algorand', 'status'),
    'last-round': round(),
    'next-version-round': round() + 1,
    'time-since-last-round': Math.round((Math.max(0, elapsed()) % options.roundMs) * 1e6),
  });

  const requests: AlgodFixture['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, clientPort: req.socket.remotePort ?? 0 });
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const wait = WAIT.exec(path);
    if (path === '/v2/status') return send(200, status());
    if (path === '/versions') return send(200, chainFixture('algorand', 'versions-mainnet'));
    if (path === '/v2/participation') return send(401, chainFixture('algorand', 'error-invalid-token'));
    if (!wait) return send(404, { message: `no route for ${path}` });
    if (options.catchupWaits) return send(503, { message: 'operation not available during catchup' });
    const after = Number(wait[1]);
    let timer: NodeJS.Timeout;
    const answerWhenOut = () => {
      // A timer may fire a hair early against performance.now(): check, and wait on if so.
      if (round() > after) send(200, status());
      else timer = setTimeout(answerWhenOut, untilRound(after + 1) + 1);
    };
    answerWhenOut();
    res.once('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
