// The hosts file, as the system resolver reads it: a name listed there
// resolves from it, before any DNS server is asked (nsswitch's usual
// "hosts: files dns"). c-ares' resolve4/resolve6 ask DNS only, and
// dns.lookup (which would read it) runs on libuv's thread pool, the very
// thing resolution must not depend on (docs/probing.md). So a small parser of
// hosts(5) lives here.
import { statSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';

export interface HostsEntry {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Name (lower case, no trailing dot) → its addresses, in file order. */
export type HostsTable = ReadonlyMap<string, readonly HostsEntry[]>;

/**
 * hosts(5): one address, then one or more names, separated by blanks; `#`
 * starts a comment. Lines whose first field is not an IP address are
 * skipped, as the C library skips them.
 */
export function parseHostsFile(text: string): HostsTable {
  const table = new Map<string, HostsEntry[]>();
  for (const line of text.split(/\r?\n/)) {
    const fields = line.replace(/#.*/, '').trim().split(/[ \t]+/);
    const address = fields[0] ?? '';
    const family = isIP(address);
    if (family === 0 || fields.length < 2) continue;
    for (const field of fields.slice(1)) {
      const name = normalizeName(field);
      const entries = table.get(name) ?? [];
      if (!entries.some((e) => e.address === address)) entries.push({ address, family: family as 4 | 6 });
      table.set(name, entries);
    }
  }
  return table;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/\.$/, '');
}

export const SYSTEM_HOSTS_FILE = process.platform === 'win32'
  ? `${process.env['SystemRoot'] ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts`
  : '/etc/hosts';

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  readonly table: HostsTable;
}

const cache = new Map<string, Cached>();
const EMPTY: HostsTable = new Map();

/**
 * The hosts file's table, re-read only when its mtime or size changed.
 * Synchronous on purpose: a stat is a microsecond system call on the event
 * loop's thread, where an fs.promises call would queue on the thread pool
 * this resolution exists to stay off. A missing or unreadable file is empty.
 */
export function readHostsFile(path: string = SYSTEM_HOSTS_FILE): HostsTable {
  let mtimeMs: number;
  let size: number;
  try {
    ({ mtimeMs, size } = statSync(path));
  } catch {
    cache.delete(path);
    return EMPTY;
  }
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached.table;
  let table: HostsTable;
  try {
    table = parseHostsFile(readFileSync(path, 'utf8'));
  } catch {
    table = EMPTY;
  }
  cache.set(path, { mtimeMs, size, table });
  return table;
}
