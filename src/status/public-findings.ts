// What the public page may say about an endpoint. Operator messages in the
// report name hosts, addresses, ports and response snippets; the page instead
// says what a customer needs in words built from the report's structured
// fields ("1 of 3 addresses failing", never which).
// Security findings (exposed admin APIs, reachable private endpoints) and
// participation keys are for operators only: announcing an open admin API on
// a public page invites the attack it warns about.
import type { EndpointReport } from '../report/report.ts';
import { addressesUnhealthy, EXPOSURE_CODES, REASON_STATUS, type ReasonCode } from '../report/reasons.ts';
import type { ComponentStatus } from './component-status.ts';
import type { PageNetwork } from './page-layout.ts';

const OPERATOR_ONLY_CODES: ReadonlySet<ReasonCode> = new Set([...EXPOSURE_CODES, 'partkey_expiring']);

export interface Observation {
  readonly status: ComponentStatus;
  /** What is wrong, as a stable signature (sorted reason codes): an incident gets an update when it changes. */
  readonly key: string;
  /** Short public words for what was seen; null when operational. */
  readonly detail: string | null;
  /** Probe regions that see it; absent where one vantage point cannot tell (the local prober). */
  readonly regions?: readonly string[];
}

const OPERATIONAL: Observation = { status: 'operational', key: '', detail: null };

const PHRASE: Readonly<Partial<Record<ReasonCode, string>>> = {
  dns_failed: 'host name does not resolve',
  connect_refused: 'connection refused',
  connect_timeout: 'connection timed out',
  tls_failed: 'TLS handshake failed',
  cert_expired: 'TLS certificate expired',
  cert_untrusted: 'TLS certificate not trusted',
  cert_hostname_mismatch: 'TLS certificate does not match the host name',
  timeout: 'no complete answer in time',
  http_error: 'HTTP error',
  response_too_large: 'response too large',
  invalid_response: 'invalid response',
  rpc_error: 'RPC error on a required call',
  wrong_chain: 'serving a different chain than expected',
  syncing: 'node is syncing',
  stale_head: 'newest block is too old',
  lagging: 'behind the network',
  ahead: 'ahead of the network',
  slow: 'slow to answer',
  cert_expiring: 'TLS certificate expires soon',
  no_route: 'no network route to it from this probe region',
  subscription_silent: 'WebSocket subscription sends no new blocks',
  address_unhealthy: 'some of its addresses are failing',
  finality_lagging: 'finalized head far behind the head',
  slow_blocks: 'blocks are produced slowly',
  late_blocks: 'new blocks arrive late',
};

/** A reason code's public words without figures ("new blocks arrive late"). */
export function reasonWords(code: ReasonCode): string {
  return PHRASE[code] ?? code.replaceAll('_', ' ');
}

/** The public observation of one endpoint in one report. */
export function observeEndpoint(endpoint: EndpointReport, network: PageNetwork): Observation {
  const codes = [...new Set(endpoint.reasons.map((r) => r.code))].filter((c) => !OPERATOR_ONLY_CODES.has(c)).sort();
  if (codes.length === 0) return OPERATIONAL;
  const down = codes.some((c) => REASON_STATUS[c] === 'down');
  return {
    // One vantage point saw it down: a major outage as far as it can tell.
    status: down ? 'major_outage' : 'degraded_performance',
    key: codes.join(','),
    detail: orderForPeople(codes).map((c) => phrase(c, endpoint, network)).join('; '),
  };
}

/** Down reasons first: they are what a reader needs to know. */
function orderForPeople(codes: readonly ReasonCode[]): ReasonCode[] {
  return [...codes].sort((a, b) => Number(REASON_STATUS[a] !== 'down') - Number(REASON_STATUS[b] !== 'down') || a.localeCompare(b));
}

function phrase(code: ReasonCode, endpoint: EndpointReport, network: PageNetwork): string {
  const lag = endpoint.chain?.lagBlocks ?? null;
  switch (code) {
    case 'lagging':
      return lag !== null ? `${blocks(lag)} behind the network (max ${network.maxLagBlocks})` : PHRASE.lagging!;
    case 'ahead':
      return lag !== null ? `${blocks(-lag)} ahead of the network` : PHRASE.ahead!;
    case 'stale_head': {
      const age = endpoint.chain?.headAgeSeconds ?? null;
      const max = network.maxHeadAgeSeconds !== null ? ` (max ${network.maxHeadAgeSeconds} s)` : '';
      return age !== null ? `newest block is ${formatAge(age)} old${max}` : PHRASE.stale_head!;
    }
    case 'slow':
      return endpoint.timings.ttfbMs !== null ? `slow: first byte after ${Math.round(endpoint.timings.ttfbMs)} ms` : PHRASE.slow!;
    case 'address_unhealthy':
      // Counts only: the addresses themselves are for operators.
      return endpoint.addresses.length > 0 ? `${addressesUnhealthy(endpoint)} of ${endpoint.addresses.filter((a) => a.status !== 'skipped').length} addresses failing` : PHRASE.address_unhealthy!;
    case 'late_blocks':
      return lateBlocks(endpoint);
    case 'cert_expiring':
      return endpoint.tls?.daysToExpiry != null ? `TLS certificate expires in ${endpoint.tls.daysToExpiry.toFixed(1)} days` : PHRASE.cert_expiring!;
    case 'finality_lagging': {
      const lag = endpoint.chain?.finalityLagSeconds ?? null;
      return lag !== null ? finalityLagWords(lag) : PHRASE.finality_lagging!;
    }
    case 'slow_blocks': {
      const interval = endpoint.chain?.blockIntervalSeconds ?? null;
      return interval !== null ? blockIntervalWords(interval, network.blockTimeSeconds) : PHRASE.slow_blocks!;
    }
    default:
      return reasonWords(code);
  }
}

/** "blocks arrive 2.1 s after the fastest endpoint": the delay customers feel, in seconds. */
function lateBlocks(endpoint: EndpointReport): string {
  const arrival = endpoint.arrival;
  if (!arrival || arrival.p50Ms === null) return PHRASE.late_blocks!;
  const missed = arrival.missed > 0 ? ` (${arrival.missed} of ${blocks(arrival.blocks)} not seen in time)` : '';
  return `${arrivalDelayWords(arrival.p50Ms)}${missed}`;
}

/** "blocks arrive 2.1 s after the fastest endpoint": for the page, from the report or from an alarm's value (ms). */
export function arrivalDelayWords(delayMs: number): string {
  return `blocks arrive ${(delayMs / 1000).toFixed(1)} s after the fastest endpoint`;
}

/** "2 addresses failing": the central page's count (an alarm's value); never which ones. */
export function addressesFailingWords(count: number): string {
  const n = Math.round(count);
  return `${n} address${n === 1 ? '' : 'es'} failing`;
}

const blocks = (n: number) => `${n} block${n === 1 ? '' : 's'}`;

/** "finalized head 25 min behind the head": for the page, from the report or from an alarm's value. */
export function finalityLagWords(seconds: number): string {
  return `finalized head ${formatAge(seconds)} behind the head`;
}

/** "blocks every 30 s, expected ~12 s": for the page, from the report or from an alarm's value. */
export function blockIntervalWords(intervalSeconds: number, blockTimeSeconds: number): string {
  return `blocks every ${shortSeconds(intervalSeconds)}, expected ~${shortSeconds(blockTimeSeconds)}`;
}

/** Block times are short: keep a digit below 10 s (Solana's 0.4 s, Algorand's 2.8 s), whole seconds up to 2 min, then formatAge. */
function shortSeconds(seconds: number): string {
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  return formatAge(seconds);
}

export function formatAge(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

/** How a probe region reads in a sentence ("seen from eu-west-1"). */
export function regionWords(region: string): string {
  return region === 'local' ? 'seen by the local prober' : `seen from ${region}`;
}
