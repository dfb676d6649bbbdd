// The parent side of bench processes. Every contender, server and probing
// client runs in a process of its own, so each one's CPU time and peak RSS
// are its own and nothing else's. All are bounded in time and killed when
// the bench exits.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(BENCH_DIR, '..');

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export interface ChildOptions {
  /** Killed (and the promise rejected) after this long. */
  readonly timeoutMs: number;
  /** Raise the soft open-file limit to at least this (many listeners or sockets). */
  readonly minOpenFiles?: number;
  readonly execArgv?: readonly string[];
  readonly cwd?: string;
}

function spawnBenchProcess(script: string, input: unknown, options: ChildOptions): ChildProcess {
  // A script is relative to bench/, or an absolute path (a bundled worker).
  const nodeArgs = [...(options.execArgv ?? []), resolve(BENCH_DIR, script), JSON.stringify(input)];
  const stdio: ['ignore', 'ignore', 'pipe', 'ipc'] = ['ignore', 'ignore', 'pipe', 'ipc'];
  let child: ChildProcess;
  if (options.minOpenFiles) {
    // Node cannot raise its own RLIMIT_NOFILE; a shell can, then execs node
    // (same pid, the IPC descriptor is inherited).
    const raise = `n=$(ulimit -n); if [ "$n" != unlimited ] && [ "$n" -lt ${options.minOpenFiles} ]; then ulimit -n ${options.minOpenFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; fi; exec "$@"`;
    child = spawn('/bin/sh', ['-c', raise, 'sh', process.execPath, ...nodeArgs], { stdio, cwd: options.cwd ?? ROOT });
  } else {
    child = spawn(process.execPath, nodeArgs, { stdio, cwd: options.cwd ?? ROOT });
  }
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function collectStderr(child: ChildProcess): () => string {
  let text = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  });
  return () => text.trim();
}

type WorkerMessage<T> = { ok: true; result: T } | { ok: false; error: string };

/** Runs a worker script to completion and returns the one result it sends. */
export function runInChild<T>(script: string, input: unknown, options: ChildOptions): Promise<T> {
  const child = spawnBenchProcess(script, input, options);
  const stderr = collectStderr(child);
  return new Promise<T>((resolve, reject) => {
    let message: WorkerMessage<T> | null = null;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not finish within ${options.timeoutMs} ms${stderr() ? `:\n${stderr()}` : ''}`));
    }, options.timeoutMs);
    child.on('message', (m) => (message = m as WorkerMessage<T>));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const m = message as WorkerMessage<T> | null;
      if (m?.ok) resolve(m.result);
      else if (m) reject(new Error(`${script} failed: ${m.error}`));
      else reject(new Error(`${script} exited (${signal ?? code}) without a result${stderr() ? `:\n${stderr()}` : ''}`));
    });
  });
}

export interface Service<M> {
  readonly pid: number;
  /** The first message the service sent (its ports, usually). */
  readonly ready: M;
  /** Sends a message and resolves with the service's next message. */
  ask<R>(message: unknown): Promise<R>;
  stop(): Promise<void>;
}

/** Starts a long-running script (a server) and waits for its first message. */
export function startService<M>(script: string, input: unknown, options: ChildOptions): Promise<Service<M>> {
  const child = spawnBenchProcess(script, input, options);
  const stderr = collectStderr(child);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 2000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${options.timeoutMs} ms${stderr() ? `:\n${stderr()}` : ''}`));
    }, options.timeoutMs);
    child.once('message', (ready) => {
      clearTimeout(timer);
      const ask = <R>(message: unknown) =>
        new Promise<R>((answer) => {
          child.once('message', (reply) => answer(reply as R));
          child.send(message as string);
        });
      resolve({ pid: child.pid!, ready: ready as M, ask, stop });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${signal ?? code}) before it was ready${stderr() ? `:\n${stderr()}` : ''}`));
    });
  });
}

export interface MeasuredRun {
  /** User + system CPU of the whole process (all threads), µs, by its own resource usage at exit. */
  readonly cpuUs: number;
  readonly maxRssKb: number;
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let measuredRuns = 0;

/**
 * Runs `node [args]` as a program of its own (a CLI, a script: no IPC) and
 * returns its CPU time, taken inside it at exit by a preloaded module
 * (support/rusage-preload.ts). For measuring whole processes, e.g.
 * `bin/vantage.js check`, start-up and all.
 */
export function runMeasured(args: readonly string[], options: ChildOptions): Promise<MeasuredRun> {
  const usageFile = join(tmpdir(), `vantage-bench-rusage-${process.pid}-${++measuredRuns}.json`);
  const child = spawn(process.execPath, ['--import', join(BENCH_DIR, 'support', 'rusage-preload.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, VANTAGE_BENCH_RUSAGE: usageFile },
  });
  children.add(child);
  const stdout: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  const stderr = collectStderr(child);
  return new Promise<MeasuredRun>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node ${args.join(' ')} did not finish within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    child.once('close', (code) => {
      clearTimeout(timer);
      children.delete(child);
      let usage: { userUs: number; systemUs: number; maxRssKb: number };
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
      } catch {
        reject(new Error(`node ${args.join(' ')} exited (${code}) without its resource usage${stderr() ? `:\n${stderr()}` : ''}`));
        return;
      } finally {
        rmSync(usageFile, { force: true });
      }
      resolve({ cpuUs: usage.userUs + usage.systemUs, maxRssKb: usage.maxRssKb, exitCode: code, stdout: Buffer.concat(stdout).toString(), stderr: stderr() });
    });
  });
}
