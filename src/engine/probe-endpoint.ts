// Probes one endpoint. This runner owns the deadline, the connection, the
// timings envelope and the TLS verdict; the chain adapter only reads its
// chain. It never throws and never outlives the endpoint's timeout.
import { performance } from 'node:perf_hooks';
import type { AdapterContext, ChainAdapter, ChainReading } from '../chains/adapter.ts';
import { adapterFor } from '../chains/registry.ts';
import type { ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import { safeDecode } from '../config/resolve-secrets.ts';
import { expiryWarning } from '../probe/certificate.ts';
import type { ConnectTarget } from '../probe/connect.ts';
import { Connector } from '../probe/connector.ts';
import { probeDeadline } from '../probe/probe-deadline.ts';
import { nodeText } from '../report/node-text.ts';
import type { TlsInfo } from '../report/tls-info.ts';
import { identityMismatches } from './identity.ts';
import { HttpSession } from '../probe/http-session.ts';
import { addReason, reason, type Reason } from '../report/reasons.ts';
import { emptyTimings, ms, type Timings } from '../report/timings.ts';

export interface EndpointProbe {
  readonly endpoint: ResolvedEndpoint;
  readonly reasons: Reason[];
  readonly timings: Timings;
  readonly tls: TlsInfo | null;
  readonly chain: ChainReading | null;
}

export interface ProbeOptions {
  /** Fires at the run's deadline (Lambda): unfinished probes become `timeout`. */
  readonly runSignal?: AbortSignal;
  /** Wall clock in ms. */
  readonly now?: () => number;
  /** probe.resolvers: the DNS servers asked; null or absent: the system's. */
  readonly resolvers?: readonly string[] | null;
}

/** Extra time a probe gets past its timeout before the runner stops waiting for it. */
const GRACE_MS = 250;

export interface Session {
  readonly http: HttpSession;
  /** Wall clock in ms. */
  readonly now: () => number;
}

/** How a session ended: what `use` returned, and what its connections met. */
export interface SessionEnd<T> {
  /** null when no connection could be used (connectionReasons say why). */
  readonly value: T | null;
  readonly timings: Timings;
  /** The certificate to report: the first connection's, or a later one's that failed verification. */
  readonly tls: TlsInfo | null;
  /**
   * Every failure of any of the session's connections, verification
   * included, each once. A failed reconnect belongs here even when the
   * request that needed it was optional to the adapter.
   */
  readonly connectionReasons: readonly Reason[];
}

/**
 * Opens a session to an endpoint, every connection of it verified
 * (Connector), and runs `use` on it inside the endpoint's timeout. Shared by
 * endpoint probes and account reads.
 */
export async function withSession<T>(endpoint: ResolvedEndpoint, options: ProbeOptions, use: (session: Session) => Promise<T>): Promise<SessionEnd<T>> {
  const deadline = probeDeadline(endpoint.timeoutMs, options.runSignal);
  try {
    return await sessionUntil(deadline.signal, endpoint, options, use);
  } finally {
    deadline.dispose();
  }
}

export interface SessionOptions {
  /** Time every response's first byte (HttpSession.lastFirstByteAt), for the block arrival watch. */
  readonly timeEveryResponse?: boolean;
}

/**
 * A session that lasts until `signal` fires rather than the endpoint's
 * timeout (the block arrival watch keeps one open for its window); every
 * connection of it is verified as a probe's is.
 */
export async function sessionUntil<T>(
  signal: AbortSignal,
  endpoint: ResolvedEndpoint,
  options: ProbeOptions,
  use: (session: Session) => Promise<T>,
  sessionOptions: SessionOptions = {},
): Promise<SessionEnd<T>> {
  const now = options.now ?? Date.now;
  const timings = emptyTimings();
  const startedAt = performance.now();
  const deadlineWords = () => (options.runSignal?.aborted ? "before the run's deadline" : `within ${endpoint.timeoutMs} ms`);

  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    const invalid = reason('http_error', 'the URL is not valid once its secret references are filled in');
    return { value: null, timings, tls: null, connectionReasons: [invalid] };
  }
  const connector = new Connector(targetOf(url, endpoint), {
    signal, timings, deadlineWords, now, resolvers: options.resolvers ?? null, timeoutMs: endpoint.timeoutMs,
  });
  const ended = (value: T | null): SessionEnd<T> => {
    timings.totalMs = ms(startedAt, performance.now());
    return { value, timings, tls: connector.tls, connectionReasons: [...connector.failures] };
  };
  const first = await connector.open();
  if (!first.ok) return ended(null);
  const http = new HttpSession(first.socket, {
    url,
    headers: requestHeaders(endpoint, url),
    maxResponseBytes: endpoint.maxResponseBytes,
    signal,
    timings,
    startedAt,
    deadlineWords,
    reconnect: () => connector.open(),
    timeEveryResponse: sessionOptions.timeEveryResponse,
  });
  let value: T;
  try {
    value = await use({ http, now });
  } finally {
    http.close();
  }
  return ended(value);
}

export async function probeEndpoint(network: ResolvedNetwork, endpoint: ResolvedEndpoint, options: ProbeOptions = {}): Promise<EndpointProbe> {
  const guardTimings = emptyTimings();
  const startedAt = performance.now();
  let guard: NodeJS.Timeout | undefined;
  const abandoned = new Promise<EndpointProbe>((resolve) => {
    guard = setTimeout(() => {
      guardTimings.totalMs = ms(startedAt, performance.now());
      resolve({ endpoint, reasons: [reason('timeout', `probe did not finish within ${endpoint.timeoutMs} ms`)], timings: guardTimings, tls: null, chain: null });
    }, endpoint.timeoutMs + GRACE_MS);
    guard.unref();
  });
  try {
    return await Promise.race([runProbe(network, endpoint, options), abandoned]);
  } catch (err) {
    // A bug must not take the whole run down: report it on this endpoint.
    // Its text may carry what a node sent: clean and clipped like any node text.
    const text = nodeText(err instanceof Error ? err.message : String(err));
    guardTimings.totalMs = ms(startedAt, performance.now());
    return { endpoint, reasons: [reason('invalid_response', `unexpected error while probing: ${text}`)], timings: guardTimings, tls: null, chain: null };
  } finally {
    clearTimeout(guard);
  }
}

async function runProbe(network: ResolvedNetwork, endpoint: ResolvedEndpoint, options: ProbeOptions): Promise<EndpointProbe> {
  if (endpoint.visibility === 'private') return probePrivate(endpoint, options);
  const probe = await readChain(network, endpoint, options);
  // Everything wrong with a certificate at once: also when it blocked the request (untrusted and expiring soon).
  const warning = probe.tls ? expiryWarning(probe.tls, endpoint.tls.warnDays) : null;
  if (warning) addReason(probe.reasons, warning);
  return probe;
}

async function readChain(network: ResolvedNetwork, endpoint: ResolvedEndpoint, options: ProbeOptions): Promise<EndpointProbe> {
  const adapter = adapterFor(network.chain);
  const end = await withSession(endpoint, options, async ({ http, now }) => {
    const context: AdapterContext = { network, endpoint, http, now };
    const outcome = await adapter.read(context);
    const reasons = [...outcome.reasons];
    if (outcome.chain) reasons.push(...identityMismatches(network.expect, outcome.chain.identity));
    if (!endpoint.reference && outcome.chain) await checkExposure(adapter, context, reasons);
    return { chain: outcome.chain, reasons };
  });
  // Connection failures first: they are why the calls after them failed.
  const reasons: Reason[] = [];
  for (const r of end.connectionReasons) addReason(reasons, r);
  for (const r of end.value?.reasons ?? []) addReason(reasons, r);
  const { timings } = end;
  if (end.value && timings.ttfbMs !== null && timings.ttfbMs > endpoint.slowMs) {
    addReason(reasons, reason('slow', `time to first byte ${Math.round(timings.ttfbMs)} ms is over slowMs ${endpoint.slowMs}`));
  }
  return { endpoint, reasons, timings, tls: end.tls, chain: end.value?.chain ?? null };
}

async function checkExposure(adapter: ChainAdapter, context: AdapterContext, reasons: Reason[]): Promise<void> {
  if (!adapter.checkExposure) return;
  const finding = await adapter.checkExposure(context);
  if (finding) addReason(reasons, finding);
}

/** Private endpoints: a completed TCP connection is the finding; nothing is sent. */
async function probePrivate(endpoint: ResolvedEndpoint, options: ProbeOptions): Promise<EndpointProbe> {
  const timings = emptyTimings();
  const startedAt = performance.now();
  let url: URL;
  try {
    url = new URL(endpoint.url);
  } catch {
    return { endpoint, reasons: [], timings, tls: null, chain: null };
  }
  const deadline = probeDeadline(endpoint.timeoutMs, options.runSignal);
  const target = targetOf(url, endpoint);
  const connector = new Connector(target, {
    signal: deadline.signal, timings, deadlineWords: () => '', now: options.now ?? Date.now, tcpOnly: true,
    resolvers: options.resolvers ?? null, timeoutMs: endpoint.timeoutMs,
  });
  const outcome = await connector.open();
  deadline.dispose();
  timings.totalMs = ms(startedAt, performance.now());
  if (!outcome.ok) return { endpoint, reasons: [], timings, tls: null, chain: null };
  outcome.socket.destroy();
  return {
    endpoint,
    reasons: [reason('exposed_private_endpoint', `private endpoint accepts connections from outside (TCP ${target.host}:${target.port} connected)`)],
    timings,
    tls: null,
    chain: null,
  };
}

function targetOf(url: URL, endpoint: ResolvedEndpoint): ConnectTarget {
  const https = url.protocol === 'https:';
  return {
    host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port ? Number(url.port) : https ? 443 : 80,
    tls: https,
    serverName: endpoint.tls.serverName,
    caFile: endpoint.tls.caFile,
    insecureSkipVerify: endpoint.tls.insecureSkipVerify,
  };
}

function requestHeaders(endpoint: ResolvedEndpoint, url: URL): Record<string, string> {
  const headers: Record<string, string> = { ...endpoint.headers };
  const user = endpoint.basicAuth ?? (url.username ? { username: safeDecode(url.username), password: safeDecode(url.password) } : null);
  if (user) headers['authorization'] = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  return headers;
}
