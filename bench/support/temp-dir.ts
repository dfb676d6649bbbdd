// Scratch directories for one bench run, removed when the bench exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function benchTempDir(name: string): string {
  return removeOnExit(mkdtempSync(join(tmpdir(), `vantage-bench-${name}-`)));
}

/** A directory someone else made for this run (the certificates' scratch). */
export function removeOnExit(dir: string): string {
  made.push(dir);
  return dir;
}
