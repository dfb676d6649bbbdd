// Local hardhat EVM nodes for `vantage demo`: real JSON-RPC servers on
// 127.0.0.1 that mine on an interval, and can be told to stop and resume.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CONFIG_DIR = join(dirname(fileURLToPath(import.meta.url)), 'hardhat');
const STARTED = /Started HTTP and WebSocket JSON-RPC server at http:\/\/127\.0\.0\.1:(\d+)\//;

export interface LocalNode {
  readonly url: string;
  readonly port: number;
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  blockNumber(): Promise<number>;
  /** Mines a block every `ms` milliseconds; 0 stops mining. */
  setIntervalMining(ms: number): Promise<void>;
  /** Mines `blocks` blocks at once, one second apart in block time. */
  mine(blocks: number): Promise<void>;
  stop(): Promise<void>;
}

/** Every node started by this process, killed on exit whatever happens. */
const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function startLocalNode(options: { startupMs?: number } = {}): Promise<LocalNode> {
  const cli = join(dirname(fileURLToPath(import.meta.resolve('hardhat'))), 'cli.js');
  // Port 0: hardhat binds a free port and prints it; no race with other programs.
  const child = spawn(process.execPath, [cli, 'node', '--hostname', '127.0.0.1', '--port', '0'], {
    cwd: CONFIG_DIR,
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', DO_NOT_TRACK: '1', CI: 'true', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const port = await waitForPort(child, options.startupMs ?? 60_000);
  const url = `http://127.0.0.1:${port}`;
  let id = 1;
  const rpc = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: id++, method, params }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  };
  return {
    url,
    port,
    rpc,
    blockNumber: async () => Number(await rpc<string>('eth_blockNumber')),
    setIntervalMining: async (ms) => void (await rpc('evm_setIntervalMining', [ms])),
    mine: async (blocks) => void (blocks > 0 && (await rpc('hardhat_mine', [`0x${blocks.toString(16)}`]))),
    stop: () => stopChild(child),
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}: ${output.trim().split('\n').slice(-3).join(' | ') || 'no output'}`));
    };
    const timer = setTimeout(() => fail(`hardhat node did not start within ${timeoutMs} ms`), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = STARTED.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.removeListener('exit', onExit);
      // Keep draining its output (the account list is long) so it never blocks on a full pipe.
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onError);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve(Number(match[1]));
    };
    const onExit = (code: number | null) => fail(`hardhat node exited with ${code} before it started`);
    const onError = (chunk: Buffer) => void (output += chunk.toString());
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onError);
    child.once('exit', onExit);
  });
}
