// Real `litecoind -regtest` nodes on 127.0.0.1 for tests: the Bitcoin
// family's RPC (same JSON-RPC 1.0, basic auth, -28 warm-up, getblockchaininfo)
// from a node that installs from Debian (npm test installs it: scripts/ensure-test-tools.js).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';

/**
 * A regtest address, made once with a wallet (`getnewaddress "" bech32`) so
 * nodes run with -disablewallet and start faster. Any valid regtest address
 * works: mined coins are never spent.
 */
const MINING_ADDRESS = 'rltc1qfuwu2aj43c4zfpzxhx3qtnx2rkhjcuy4rngxxl';
/** Litecoin regtest cannot mine past block 431 without MWEB transactions (block 432 fails TestBlockValidity). */
const MAX_REGTEST_BLOCKS = 431;

export interface LitecoinNode {
  /** http://127.0.0.1:port, without credentials (give them as basicAuth). */
  readonly url: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** Mines n blocks (at most MAX_REGTEST_BLOCKS in total). */
  mine(blocks: number): Promise<void>;
  blockCount(): Promise<number>;
  /** Stops the node and starts it again on the same data and port, with extra arguments; resolves once the process runs (not once RPC is ready). */
  restart(extraArgs?: readonly string[]): Promise<void>;
  /** Resolves once RPC answers getblockchaininfo (past the -28 warm-up). */
  waitReady(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function litecoindInstalled(): boolean {
  return spawnSync('litecoind', ['-version'], { stdio: 'ignore' }).status === 0;
}

export async function startLitecoind(options: { extraArgs?: readonly string[] } = {}): Promise<LitecoinNode> {
  if (!litecoindInstalled()) throw new Error('litecoind is not installed: apt-get install litecoind (npm test does: scripts/ensure-test-tools.js)');
  const datadir = mkdtempSync(join(tmpdir(), 'vantage-ltc-'));
  const port = await freePort();
  const username = 'vantage';
  const password = randomBytes(12).toString('hex');
  const url = `http://127.0.0.1:${port}`;
  const baseArgs = [
    '-regtest', `-datadir=${datadir}`, '-server=1', '-disablewallet',
    `-rpcport=${port}`, '-rpcbind=127.0.0.1', '-rpcallowip=127.0.0.1', `-rpcuser=${username}`, `-rpcpassword=${password}`,
    // Unconnected: no listening, no peers, no DNS seeds, no port mapping.
    '-listen=0', '-connect=0', '-dnsseed=0', '-discover=0', '-upnp=0', '-printtoconsole=0',
  ];
  let child = launch([...baseArgs, ...(options.extraArgs ?? [])]);

  let id = 1;
  const rpc = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const body = (await post(port, `${username}:${password}`, JSON.stringify({ jsonrpc: '1.0', id: id++, method, params }))) as {
      result?: T; error?: { code: number; message: string } | null;
    };
    if (body.error) throw Object.assign(new Error(`${method}: ${body.error.message}`), { rpcCode: body.error.code });
    return body.result as T;
  };

  const waitReady = async (timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        await rpc('getblockchaininfo');
        return;
      } catch (err) {
        if (child.exitCode !== null) throw new Error(`litecoind exited with ${child.exitCode} before its RPC was ready: ${errors.get(child) ?? ''}`);
        if (Date.now() > deadline) throw new Error(`litecoind RPC not ready within ${timeoutMs} ms: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };

  const stopProcess = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await rpc('stop');
    } catch {
      child.kill('SIGTERM');
    }
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  };

  try {
    await waitReady();
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(datadir, { recursive: true, force: true });
    throw err;
  }
  return {
    url,
    port,
    username,
    password,
    rpc,
    async mine(blocks) {
      const height = await rpc<number>('getblockcount');
      if (height + blocks > MAX_REGTEST_BLOCKS) throw new Error(`cannot mine to ${height + blocks}: Litecoin regtest stops at ${MAX_REGTEST_BLOCKS} without MWEB`);
      await rpc('generatetoaddress', [blocks, MINING_ADDRESS]);
    },
    blockCount: () => rpc<number>('getblockcount'),
    async restart(extraArgs = []) {
      await stopProcess();
      child = launch([...baseArgs, ...extraArgs]);
    },
    waitReady,
    async stop() {
      await stopProcess();
      rmSync(datadir, { recursive: true, force: true });
    },
  };
}

/** Its stderr, kept for the error message when it will not start. */
const errors = new WeakMap<ChildProcess, string>();

function launch(args: string[]): ChildProcess {
  const child = spawn('litecoind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  errors.set(child, '');
  child.stderr?.on('data', (chunk: Buffer) => errors.set(child, (errors.get(child) + chunk.toString()).slice(-2000)));
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * One JSON-RPC call on its own connection: a kept-alive connection would hold
 * litecoind's HTTP server open for seconds after `stop`.
 */
function post(port: number, auth: string, body: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', auth, agent: false, headers: { 'content-type': 'application/json', connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new Error(`litecoind answered HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
        }
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
