// Private endpoints (DESIGN.md, "Precise rules"): a completed TCP connection
// to any of the endpoint's addresses is the finding, exposed_private_endpoint;
// nothing is ever sent. No connection (refused, timeout, no route, a name
// that does not resolve) is the healthy state. The report lists no addresses.
import { performance } from 'node:perf_hooks';
import type { ResolvedEndpoint } from '../config/resolved-config.ts';
import { Connector } from '../probe/connector.ts';
import { probeDeadline } from '../probe/probe-deadline.ts';
import { resolveAddresses } from '../probe/resolve.ts';
import { reason } from '../report/reasons.ts';
import { emptyTimings, ms } from '../report/timings.ts';
import { parseUrl, selectAddresses, targetOf } from './endpoint-target.ts';
import type { EndpointProbe, ProbeOptions } from './probe-types.ts';

export async function probePrivate(endpoint: ResolvedEndpoint, options: ProbeOptions): Promise<EndpointProbe> {
  const timings = emptyTimings();
  const startedAt = performance.now();
  const healthy = (): EndpointProbe => ({ endpoint, reasons: [], timings, tls: null, chain: null, addresses: [] });
  const url = parseUrl(endpoint.url);
  if (!url) return healthy();
  const deadline = probeDeadline(endpoint.timeoutMs, options.runSignal);
  try {
    const target = targetOf(url, endpoint);
    const common = { signal: deadline.signal, deadlineWords: () => '', resolvers: options.resolvers ?? null, timeoutMs: endpoint.timeoutMs };
    const resolved = await resolveAddresses(target.host, { ...common, ipv6: options.ipv6 !== 'off' });
    timings.dnsMs = resolved.dnsMs;
    if (!resolved.ok) return healthy();
    const attempts = await Promise.all(selectAddresses(resolved.addresses, endpoint.addresses).map(async ({ address, family }) => {
      const own = emptyTimings();
      const connector = new Connector(target, {
        ...common, timings: own, now: options.now ?? Date.now, tcpOnly: true, address: { address, family }, sockets: options.sockets,
      });
      const outcome = await connector.open();
      if (outcome.ok) outcome.socket.destroy();
      return { address, connected: outcome.ok, connectMs: own.connectMs };
    }));
    const reached = attempts.filter((a) => a.connected);
    timings.connectMs = (reached[0] ?? attempts[0])?.connectMs ?? null;
    if (reached.length === 0) return healthy();
    const at = reached.length === 1 && reached[0]!.address === target.host ? '' : ` at ${reached.map((a) => a.address).join(', ')}`;
    return {
      ...healthy(),
      reasons: [reason('exposed_private_endpoint', `private endpoint accepts connections from outside (TCP ${target.host}:${target.port} connected${at})`)],
    };
  } finally {
    deadline.dispose();
    timings.totalMs = ms(startedAt, performance.now());
  }
}
