// What the runner derives from an endpoint's URL and settings before it
// connects: where to connect (host kept for SNI, certificate and Host),
// which headers every request (or the WebSocket upgrade) carries, and which
// of the resolved addresses are probed.
import type { ResolvedEndpoint } from '../config/resolved-config.ts';
import { MAX_ADDRESSES_PER_ENDPOINT } from '../config/defaults.ts';
import { safeDecode } from '../config/resolve-secrets.ts';
import type { ConnectTarget } from '../probe/connect.ts';
import type { ResolvedAddress } from '../probe/resolve.ts';
import type { ProbeOptions } from './probe-types.ts';

export function targetOf(url: URL, endpoint: ResolvedEndpoint): ConnectTarget {
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  return {
    host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port ? Number(url.port) : secure ? 443 : 80,
    tls: secure,
    serverName: endpoint.tls.serverName,
    caFile: endpoint.tls.caFile,
    insecureSkipVerify: endpoint.tls.insecureSkipVerify,
  };
}

/** The endpoint's headers, with Basic auth from basicAuth or the URL's user:password. */
export function requestHeaders(endpoint: ResolvedEndpoint, url: URL): Record<string, string> {
  const headers: Record<string, string> = { ...endpoint.headers };
  const user = endpoint.basicAuth ?? (url.username ? { username: safeDecode(url.username), password: safeDecode(url.password) } : null);
  if (user) headers['authorization'] = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  return headers;
}

/** The URL without its user:password (sent as the Authorization header instead, once). */
export function withoutCredentials(url: URL): URL {
  if (!url.username && !url.password) return url;
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  return bare;
}

/** `addresses: first` probes one; `all`, the first 8 in resolution order (IPv4 first). */
export function selectAddresses(addresses: readonly ResolvedAddress[], which: ResolvedEndpoint['addresses']): readonly ResolvedAddress[] {
  return addresses.slice(0, which === 'first' ? 1 : MAX_ADDRESSES_PER_ENDPOINT);
}

export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Words for "until the probe's signal fired", e.g. "within 5000 ms". */
export const deadlineWordsFor = (endpoint: ResolvedEndpoint, options: ProbeOptions) => (): string =>
  (options.runSignal?.aborted ? "before the run's deadline" : `within ${endpoint.timeoutMs} ms`);
