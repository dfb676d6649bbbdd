// probe.resolvers entries: a DNS server as an IP address with an optional
// port, in the forms node's Resolver.setServers accepts ("1.1.1.1",
// "8.8.8.8:53", "2001:db8::1", "[2001:db8::1]:53"). A name is refused: the
// resolver is what turns names into addresses.
import { isIP } from 'node:net';
import { clip } from './redactor.ts';

const EXAMPLES = 'such as 1.1.1.1, 8.8.8.8:53 or [::1]:53';

/** What is wrong with a resolver entry, or null when it is one. */
export function resolverAddressProblem(text: string): string | null {
  const got = `(got ${JSON.stringify(clip(text, 60))})`;
  const bracketed = /^\[([^\]]*)\](?::(\d*))?$/.exec(text);
  const v4WithPort = /^([\d.]+):(\d*)$/.exec(text);
  let host: string;
  let port: string | undefined;
  if (bracketed) [, host = '', port] = bracketed;
  else if (v4WithPort) [, host = '', port] = v4WithPort;
  else host = text;
  const family = isIP(host);
  if (family === 0 || (bracketed && family !== 6)) {
    return /^[a-z0-9.-]+(:\d+)?$/i.test(text) && /[a-z]/i.test(text)
      ? `must be an IP address, not a name (a resolver is what turns names into addresses), ${EXAMPLES} ${got}`
      : `must be an IP address with an optional port, ${EXAMPLES} ${got}`;
  }
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535)) {
    return `port must be a number from 1 to 65535 ${got}`;
  }
  return null;
}
