// Runs the real `vantage` CLI (bin/vantage.js) as a child process, the way a
// user does, and waits for the line that says where it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { ROOT, VANTAGE_BIN } from './vantage-cli.ts';

export interface VantageProcess {
  readonly child: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:41853 (set once listening). */
  readonly url: string;
  stdout(): string;
  stderr(): string;
  /** Sends `signal` and resolves with the exit code and signal. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startVantage(args: readonly string[], options: { waitFor?: RegExp; timeoutMs?: number; cwd?: string } = {}): Promise<VantageProcess> {
  const child = spawn(process.execPath, [VANTAGE_BIN, ...args], { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const waitFor = options.waitFor ?? /status page at (http:\/\/[^/\s]+)\//;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vantage did not start within ${options.timeoutMs ?? 60_000} ms:\n${err}\n${out}`)), options.timeoutMs ?? 60_000);
    const check = () => {
      const m = waitFor.exec(err) ?? waitFor.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] ?? '');
      }
    };
    child.stderr!.on('data', check);
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vantage exited with ${code} before it was ready:\n${err}\n${out}`));
    });
  });
  return {
    child,
    url,
    stdout: () => out,
    stderr: () => err,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
        child.once('exit', (code, sig) => resolve({ code, signal: sig }));
        child.kill(signal);
      }),
  };
}

/** Runs `vantage` to completion (for usage errors). */
export { runVantage } from './vantage-cli.ts';

/** Polls `read` until `until` holds (state-based waiting, not a timed assertion). */
export async function eventually<T>(read: () => Promise<T>, until: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (until(last)) return last;
    } catch {
      // not ready yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
