// Real hardhat 3 JSON-RPC nodes on 127.0.0.1 for tests, the demo and benches.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HARDHAT_CLI = join(ROOT, 'node_modules', 'hardhat', 'dist', 'src', 'cli.js');
const CONFIG_DIR = join(ROOT, 'test', 'support', 'hardhat');

export interface HardhatNode {
  readonly url: string;
  readonly port: number;
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** Mines n blocks at once (hardhat_mine). */
  mine(blocks: number): Promise<void>;
  blockNumber(): Promise<number>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startHardhat(options: { chainId?: number; startupMs?: number } = {}): Promise<HardhatNode> {
  const port = await freePort();
  const args = [HARDHAT_CLI, 'node', '--hostname', '127.0.0.1', '--port', String(port)];
  if (options.chainId) args.push('--chain-id', String(options.chainId));
  const child = spawn(process.execPath, args, {
    cwd: CONFIG_DIR,
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', DO_NOT_TRACK: '1', CI: 'true', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const url = `http://127.0.0.1:${port}`;
  await waitForStart(child, options.startupMs ?? 60_000);

  let id = 1;
  const rpc = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: id++, method, params }),
    });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  };
  return {
    url,
    port,
    rpc,
    async mine(blocks) {
      await rpc('hardhat_mine', [`0x${blocks.toString(16)}`]);
    },
    async blockNumber() {
      return Number(await rpc<string>('eth_blockNumber'));
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}

function waitForStart(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`hardhat did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Started HTTP')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`hardhat exited with ${code} before starting:\n${output}`)));
  });
}
