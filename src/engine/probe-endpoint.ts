// Probes one endpoint. This runner owns the deadline, resolution, the
// connections, the timings envelope and the TLS verdict; the chain adapter
// only reads its chain. Every resolved address (DESIGN.md, "Every address on
// its own") gets the whole probe on its own connection, concurrently; the
// best one is the primary, whose facts are the endpoint's. It never throws
// and never outlives the endpoint's budget.
import { performance } from 'node:perf_hooks';
import { probeBudgetMs, type ResolvedEndpoint, type ResolvedNetwork } from '../config/resolved-config.ts';
import { Connector } from '../probe/connector.ts';
import { HttpSession } from '../probe/http-session.ts';
import type { ProbeSession } from '../probe/probe-session.ts';
import { probeDeadline } from '../probe/probe-deadline.ts';
import { resolveAddresses } from '../probe/resolve.ts';
import { nodeText } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { emptyTimings, ms, type Timings } from '../report/timings.ts';
import type { TlsInfo } from '../report/tls-info.ts';
import { choosePrimary } from './address-verdict.ts';
import { deadlineWordsFor, parseUrl, requestHeaders, selectAddresses, targetOf } from './endpoint-target.ts';
import { probeAddress } from './probe-address.ts';
import { probePrivate } from './probe-private.ts';
import { upgradeToWebSocket } from './websocket-probe.ts';
import type { AddressProbe, EndpointProbe, ProbeOptions } from './probe-types.ts';

export type { AddressProbe, EndpointProbe, ProbeOptions } from './probe-types.ts';




/** Extra time a probe gets past its budget before the runner stops waiting for it. */
const GRACE_MS = 250;

export interface Session {
  /** HTTP, or for a ws(s) endpoint its WebSocket (JSON-RPC only). */
  readonly http: ProbeSession;
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
 * Opens a session to an endpoint's first address (HTTP, or its WebSocket
 * for a ws(s) endpoint), every connection of it verified (Connector), and
 * runs `use` on it inside the endpoint's timeout. For reads beside the
 * probe (accounts).
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
  const deadlineWords = deadlineWordsFor(endpoint, options);
  const url = parseUrl(endpoint.url);
  if (!url) return { value: null, timings, tls: null, connectionReasons: [invalidUrl()] };
  const connector = new Connector(targetOf(url, endpoint), {
    signal, timings, deadlineWords, now, resolvers: options.resolvers ?? null, timeoutMs: endpoint.timeoutMs,
    ipv6: options.ipv6 !== 'off', sockets: options.sockets,
  });
  const ended = (value: T | null): SessionEnd<T> => {
    timings.totalMs = ms(startedAt, performance.now());
    return { value, timings, tls: connector.tls, connectionReasons: [...connector.failures] };
  };
  const first = await connector.open();
  if (!first.ok) return ended(null);
  let http: ProbeSession;
  if (endpoint.transport === 'websocket') {
    // A WebSocket times every answer's first byte anyway; it has no reconnects to verify.
    const upgraded = await upgradeToWebSocket(first.socket, { endpoint, url, signal, timings, startedAt, deadlineWords });
    if (!upgraded.ok) return { ...ended(null), connectionReasons: [...connector.failures, upgraded.reason] };
    http = upgraded.session;
  } else {
    http = new HttpSession(first.socket, {
      url, headers: requestHeaders(endpoint, url), maxResponseBytes: endpoint.maxResponseBytes, signal, timings, startedAt, deadlineWords,
      reconnect: () => connector.open(),
      timeEveryResponse: sessionOptions.timeEveryResponse,
    });
  }
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
  const budgetMs = probeBudgetMs(endpoint);
  const failed = (why: Reason): EndpointProbe => {
    guardTimings.totalMs = ms(startedAt, performance.now());
    return { endpoint, reasons: [why], timings: guardTimings, tls: null, chain: null, addresses: [] };
  };
  let guard: NodeJS.Timeout | undefined;
  const abandoned = new Promise<EndpointProbe>((resolve) => {
    guard = setTimeout(() => resolve(failed(reason('timeout', `probe did not finish within ${budgetMs} ms`))), budgetMs + GRACE_MS);
    guard.unref();
  });
  try {
    return await Promise.race([runProbe(network, endpoint, options), abandoned]);
  } catch (err) {
    // A bug must not take the whole run down: report it on this endpoint.
    // Its text may carry what a node sent: clean and clipped like any node text.
    return failed(reason('invalid_response', `unexpected error while probing: ${nodeText(err instanceof Error ? err.message : String(err))}`));
  } finally {
    clearTimeout(guard);
  }
}

async function runProbe(network: ResolvedNetwork, endpoint: ResolvedEndpoint, options: ProbeOptions): Promise<EndpointProbe> {
  if (endpoint.visibility === 'private') return probePrivate(endpoint, options);
  const deadline = probeDeadline(endpoint.timeoutMs, options.runSignal);
  try {
    return await probeEveryAddress(network, endpoint, options, deadline.signal);
  } finally {
    deadline.dispose();
  }
}

async function probeEveryAddress(network: ResolvedNetwork, endpoint: ResolvedEndpoint, options: ProbeOptions, signal: AbortSignal): Promise<EndpointProbe> {
  const startedAt = performance.now();
  const timings = emptyTimings();
  const ended = (reasons: Reason[], addresses: readonly AddressProbe[] = []): EndpointProbe => {
    timings.totalMs = ms(startedAt, performance.now());
    return { endpoint, reasons, timings, tls: null, chain: null, addresses };
  };
  const url = parseUrl(endpoint.url);
  if (!url) return ended([invalidUrl()]);
  const deadlineWords = deadlineWordsFor(endpoint, options);
  const target = targetOf(url, endpoint);
  const resolved = await resolveAddresses(target.host, {
    signal, resolvers: options.resolvers ?? null, timeoutMs: endpoint.timeoutMs, deadlineWords, ipv6: options.ipv6 !== 'off',
  });
  timings.dnsMs = resolved.dnsMs;
  if (!resolved.ok) return ended([resolved.reason]);
  const addresses = await Promise.all(selectAddresses(resolved.addresses, endpoint.addresses).map((address) =>
    probeAddress({ network, endpoint, url, target, address, dnsMs: resolved.dnsMs, startedAt, signal, deadlineWords, options })));
  const primary = choosePrimary(addresses);
  if (primary === null) {
    const skipped = addresses.map((a) => a.address).join(', ');
    return ended([reason('no_route', `${target.host}: no route from this vantage point to any of its addresses (${skipped}), all IPv6; probe.ipv6: auto skips such addresses, so nothing was probed`)], addresses);
  }
  const flagged = addresses.map((a) => (a === primary ? { ...a, primary: true } : a));
  return { endpoint, reasons: [...primary.reasons], timings: primary.timings, tls: primary.tls, chain: primary.chain, addresses: flagged };
}

const invalidUrl = () => reason('http_error', 'the URL is not valid once its secret references are filled in');
