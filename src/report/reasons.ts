// Reason codes are stable: JSON reports, metrics, alarms and tests use them.
// Each code carries the status it implies (DESIGN.md, "Reason codes").

export type Status = 'up' | 'degraded' | 'down';

export const REASON_STATUS = {
  dns_failed: 'down',
  connect_refused: 'down',
  connect_timeout: 'down',
  tls_failed: 'down',
  cert_expired: 'down',
  cert_untrusted: 'down',
  cert_hostname_mismatch: 'down',
  timeout: 'down',
  http_error: 'down',
  response_too_large: 'down',
  invalid_response: 'down',
  rpc_error: 'down',
  wrong_chain: 'down',
  syncing: 'down',
  stale_head: 'down',
  // A config-class reason: the probe could not read a secret the endpoint
  // needs, so it sent nothing (the endpoint itself may well be fine).
  secret_unresolved: 'down',
  lagging: 'degraded',
  ahead: 'degraded',
  slow: 'degraded',
  cert_expiring: 'degraded',
  exposed_admin_api: 'degraded',
  exposed_private_endpoint: 'degraded',
  partkey_expiring: 'degraded',
  no_route: 'down',
  subscription_silent: 'down',
  address_unhealthy: 'degraded',
  finality_lagging: 'degraded',
  slow_blocks: 'degraded',
  late_blocks: 'degraded',
} as const satisfies Record<string, Status>;

export type ReasonCode = keyof typeof REASON_STATUS;

export interface Reason {
  readonly code: ReasonCode;
  /** What a person can act on; redacted before it leaves the process. */
  readonly message: string;
}

export const reason = (code: ReasonCode, message: string): Reason => ({ code, message });

/** Findings that an endpoint is reachable where it must not be (the Exposed metric). */
export const EXPOSURE_CODES: ReadonlySet<ReasonCode> = new Set(['exposed_admin_api', 'exposed_private_endpoint']);

/** Whether any of the reasons is an exposure finding. */
export const isExposed = (reasons: readonly Reason[]): boolean => reasons.some((r) => EXPOSURE_CODES.has(r.code));

/** How many of an endpoint's addresses are worse than its primary (its address_unhealthy findings). */
export const addressesUnhealthy = (endpoint: { readonly reasons: readonly Reason[] }): number =>
  endpoint.reasons.filter((r) => r.code === 'address_unhealthy').length;

const RANK: Readonly<Record<Status, number>> = { up: 0, degraded: 1, down: 2 };

export function worstStatus(statuses: Iterable<Status>): Status {
  let worst: Status = 'up';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

export function statusOfReasons(reasons: readonly Reason[]): Status {
  return worstStatus(reasons.map((r) => REASON_STATUS[r.code]));
}

/** Adds a reason unless the same code with the same message is already there. */
export function addReason(reasons: Reason[], next: Reason): void {
  if (!reasons.some((r) => r.code === next.code && r.message === next.message)) reasons.push(next);
}
