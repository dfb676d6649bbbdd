// README.md and docs/*.md name source files, folders and reason codes; code
// moves and grows, and a page that points at a file that is gone (or leaves
// out a reason code) misleads the next reader. Only the repository's own
// text is read: no process, no socket.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_STATUS } from '../../../src/report/reasons.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
/** Files the docs name that a run writes, not the repository. */
const OUTPUTS = new Set(['bench/results/latest.json']);
/** A repository path: starts at one of these folders, not inside a URL or a longer path. */
const PATH = /(?<![\w./-])(?:src|functions|infra|test|scripts|bench)\/[\w./-]*/g;

function namedPaths(page: string): string[] {
  const text = readFileSync(join(ROOT, page), 'utf8');
  // A sentence may end right after a path; a placeholder (<region>, {round}, *) ends the match before it.
  return [...new Set([...text.matchAll(PATH)].map((m) => m[0].replace(/[.,:;]+$/, '')))];
}

describe('README.md and docs/*.md', () => {
  it.each(PAGES)('%s names only files and folders that exist', (page) => {
    const missing = namedPaths(page).filter((p) => !OUTPUTS.has(p) && !existsSync(join(ROOT, p)));
    expect(missing).toEqual([]);
  });

  it('README lists every reason code with the status it implies, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rows = Object.fromEntries([...readme.matchAll(/^\| `([a-z_]+)` \| (up|degraded|down) \| .+ \|$/gm)].map((m) => [m[1], m[2]]));
    expect(rows).toEqual({ ...REASON_STATUS });
  });
});
