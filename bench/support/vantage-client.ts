// Vantage as a user runs it, for the bench: configs built through the real
// loader and defaults (so the bench probes what `vantage check` would), a
// full probeEndpoint, and the bare transport (verified connect + one HTTP request)
// to show what the probe adds on top of it.
import { performance } from 'node:perf_hooks';
import { parseConfigText } from '../../src/config/load.ts';
import { applyDefaults, type ResolvedConfig, type ResolvedEndpoint, type ResolvedNetwork } from '../../src/config/resolved-config.ts';
import { Connector } from '../../src/probe/connector.ts';
import { HttpSession } from '../../src/probe/http-session.ts';
import { probeEndpoint, type EndpointProbe } from '../../src/engine/probe-endpoint.ts';
import { emptyTimings } from '../../src/report/timings.ts';
import { ROOT } from './child-process.ts';

/** A config from its object form, validated and defaulted like a file would be. */
export function benchConfig(input: Record<string, unknown>): ResolvedConfig {
  return applyDefaults(parseConfigText(JSON.stringify({ version: 1, ...input }), { file: null, baseDir: ROOT }));
}

/** One http-json network of `urls`, each an endpoint e0, e1, …; TLS trusts caFile. */
export function httpJsonNetwork(urls: readonly string[], caFile: string | null, extra: Record<string, unknown> = {}): ResolvedConfig {
  return benchConfig({
    ...extra,
    networks: [{
      id: 'bench',
      chain: 'http-json',
      endpoints: urls.map((url, i) => ({ id: `e${i}`, url, heightPointer: '/height', ...(caFile ? { tls: { caFile } } : {}) })),
    }],
  });
}

/** A full probe; throws when it did not come back clean (a bench must not time failures). */
export async function probeClean(network: ResolvedNetwork, endpoint: ResolvedEndpoint): Promise<EndpointProbe> {
  const probe = await probeEndpoint(network, endpoint);
  if (probe.reasons.length > 0) throw new Error(`probe of ${endpoint.url} failed: ${probe.reasons.map((r) => `${r.code}: ${r.message}`).join('; ')}`);
  return probe;
}

/** The transport alone: connect, TLS, one GET, read the body, close. */
export async function transportOnce(endpoint: ResolvedEndpoint): Promise<void> {
  const url = new URL(endpoint.url);
  const timings = emptyTimings();
  const signal = AbortSignal.timeout(endpoint.timeoutMs);
  const startedAt = performance.now();
  const deadlineWords = () => `within ${endpoint.timeoutMs} ms`;
  const target = {
    host: url.hostname, port: Number(url.port), tls: url.protocol === 'https:', serverName: null, caFile: endpoint.tls.caFile, insecureSkipVerify: false,
  };
  const connector = new Connector(target, { signal, timings, deadlineWords, now: Date.now, resolvers: null, timeoutMs: endpoint.timeoutMs });
  const connected = await connector.open();
  if (!connected.ok) throw new Error(`transport: ${connected.reasons[0]!.message}`);
  const http = new HttpSession(connected.socket, {
    url, headers: {}, maxResponseBytes: endpoint.maxResponseBytes, signal, timings, startedAt, deadlineWords, reconnect: () => connector.open(),
  });
  try {
    const answer = await http.request();
    if (!answer.ok || answer.status !== 200) throw new Error(`transport: ${answer.ok ? `status ${answer.status}` : answer.reason.message}`);
  } finally {
    http.close();
  }
}
