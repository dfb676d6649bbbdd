// Which Host headers the local server answers (others get 421 Misdirected
// Request). This is the defence against DNS rebinding: a web page on
// evil.example can point its own name at 127.0.0.1 and read whatever a
// loopback server returns for "Host: evil.example"; it cannot make a browser
// send a name it does not control. So the server answers only to its own
// names: localhost, the machine's host name, the address or name it was
// told to listen on, names added with --allowed-host (a reverse proxy's
// public name), and IP literals (an IP in the URL is its own origin, never a
// rebound name; Vite and webpack-dev-server allow them for the same reason).
import { isIP } from 'node:net';
import { hostname } from 'node:os';

export type HostCheck = (hostHeader: string | undefined) => boolean;

export interface HostCheckOptions {
  /** Addresses or names the server listens on (--host, --metrics-host). */
  readonly listening: readonly string[];
  /** --allowed-host names. */
  readonly allowed: readonly string[];
  /** The machine's host name; default os.hostname(). */
  readonly machine?: string;
}

export function hostCheck(options: HostCheckOptions): HostCheck {
  const names = new Set(
    ['localhost', options.machine ?? hostname(), ...options.listening, ...options.allowed]
      .map(normalName)
      .filter((n) => n !== '' && isIP(n) === 0),
  );
  return (header) => {
    // No Host at all is HTTP/1.0 from a tool, never a browser (Node refuses HTTP/1.1 without one).
    if (header === undefined) return true;
    const name = hostName(header);
    if (name === null) return false;
    return isIP(name) !== 0 || names.has(name);
  };
}

/** The name part of a Host header (no port, no brackets), lower case, without a trailing dot; null if malformed. */
export function hostName(header: string): string | null {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    if (end === -1) return null;
    const rest = h.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    const inner = h.slice(1, end);
    return isIP(inner) === 6 ? inner : null;
  }
  const match = /^([^:]*)(?::\d{1,5})?$/.exec(h);
  if (!match || match[1] === '') return null;
  return normalName(match[1]!);
}

function normalName(name: string): string {
  return name.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
}
