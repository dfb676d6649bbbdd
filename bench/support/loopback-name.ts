// The host name the CLI-path bench probes by: a name, not an IP literal, so
// every probe goes through resolution as a user's endpoint does
// (src/probe/resolve.ts). Preferred: a name the hosts file maps to exactly
// one loopback IPv4 address (Debian's `127.0.1.1 <hostname>` line, say), so
// that with per-address probing each endpoint has one address, like the raw
// client. Otherwise `localhost`, which resolves to 127.0.0.1 and ::1.
import { isIP } from 'node:net';
import { readHostsFile } from '../../src/probe/hosts-file.ts';

export interface LoopbackName {
  readonly name: string;
  /** Where the bench server listens for it (the raw client connects to the first). */
  readonly listen: readonly string[];
  /** How the name resolves, in words for the bench's notes. */
  readonly how: string;
}

export function loopbackName(): LoopbackName {
  for (const [name, entries] of readHostsFile()) {
    const address = entries[0]?.address ?? '';
    // A usable DNS-style name: not localhost (resolved by rule), not an IP, no odd characters.
    if (name === 'localhost' || isIP(name) !== 0 || !/^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(name)) continue;
    if (entries.length === 1 && entries[0]!.family === 4 && address.startsWith('127.')) {
      return { name, listen: [address], how: `"${name}", from the hosts file (${address} only: one address per endpoint)` };
    }
  }
  return { name: 'localhost', listen: ['127.0.0.1', '::1'], how: '"localhost" (no hosts-file name maps to one loopback address only here; localhost is 127.0.0.1 and ::1, so with per-address probing each endpoint has two addresses, and the server listens on both)' };
}
