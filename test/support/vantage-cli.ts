// Runs the real `vantage` CLI (bin/vantage.js) as a child process to
// completion, with only the environment a test gives it (plus PATH).
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const VANTAGE_BIN = join(ROOT, 'bin', 'vantage.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runVantage(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [VANTAGE_BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'], ...env }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}
