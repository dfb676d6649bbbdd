// The whole probe of one address of an endpoint, on its own connection:
// connect (verified, the host name kept for SNI, certificate and Host), the
// chain's reads and exposure over HTTP or a WebSocket, then `slow` and
// `cert_expiring`. An IPv6 address this vantage point has no route to is
// skipped under probe.ipv6: auto (DESIGN.md), and no_route otherwise.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { expiryWarning } from '../probe/certificate.ts';
import { Connector } from '../probe/connector.ts';
import { HttpSession } from '../probe/http-session.ts';
import { addReason, reason, type Reason } from '../report/reasons.ts';
import { emptyTimings, ms, type Timings } from '../report/timings.ts';
import { requestHeaders } from './endpoint-target.ts';
import type { AddressContext, AddressProbe } from './probe-types.ts';
import { readEndpoint, type EndpointRead } from './read-endpoint.ts';
import { readOverWebSocket } from './websocket-probe.ts';

export async function probeAddress(c: AddressContext): Promise<AddressProbe> {
  const now = c.options.now ?? Date.now;
  const timings = emptyTimings();
  timings.dnsMs = c.dnsMs;
  const connector = new Connector(c.target, {
    signal: c.signal, timings, deadlineWords: c.deadlineWords, now, resolvers: null, timeoutMs: c.endpoint.timeoutMs,
    address: c.address, sockets: c.options.sockets,
  });
  const first = await connector.open();
  let read: EndpointRead | null = null;
  if (first.ok) {
    read = c.endpoint.transport === 'websocket'
      ? await readOverWebSocket(first.socket, { ...c, timings, now })
      : await readOverHttp(first.socket, connector, c, timings, now);
  }
  timings.totalMs = ms(c.startedAt, performance.now());
  // Connection failures first: they are why the calls after them failed.
  const reasons: Reason[] = [];
  for (const r of connector.failures) addReason(reasons, r);
  for (const r of read?.reasons ?? []) addReason(reasons, r);
  if (read && timings.ttfbMs !== null && timings.ttfbMs > c.endpoint.slowMs) {
    addReason(reasons, reason('slow', `time to first byte ${Math.round(timings.ttfbMs)} ms is over slowMs ${c.endpoint.slowMs}`));
  }
  // Everything wrong with a certificate at once: also when it blocked the request (untrusted and expiring soon).
  const warning = connector.tls ? expiryWarning(connector.tls, c.endpoint.tls.warnDays) : null;
  if (warning) addReason(reasons, warning);
  const skipped = (c.options.ipv6 ?? 'auto') === 'auto' && reasons.length > 0 && reasons.every((r) => r.code === 'no_route');
  return {
    address: c.address.address, family: c.address.family, primary: false, skipped,
    reasons, timings, tls: connector.tls, chain: read?.chain ?? null,
  };
}

async function readOverHttp(socket: Socket, connector: Connector, c: AddressContext, timings: Timings, now: () => number): Promise<EndpointRead> {
  const http = new HttpSession(socket, {
    url: c.url, headers: requestHeaders(c.endpoint, c.url), maxResponseBytes: c.endpoint.maxResponseBytes,
    signal: c.signal, timings, startedAt: c.startedAt, deadlineWords: c.deadlineWords,
    reconnect: () => connector.open(),
  });
  try {
    return await readEndpoint({ network: c.network, endpoint: c.endpoint, http, now });
  } finally {
    http.close();
  }
}
