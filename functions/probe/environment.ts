// Environment variables the probe Lambda reads. The contract between the CDK
// app (infra/, which sets them) and the handler (which reads them).

export const PROBE_ENV = {
  /** Central publisher role to assume; unset = the central account is this account, no AssumeRole. */
  publisherRoleArn: 'VANTAGE_PUBLISHER_ROLE_ARN',
  /** Region of the central account's metrics and alarms; default central.region from the config. */
  centralRegion: 'VANTAGE_CENTRAL_REGION',
  /** CloudWatch namespace; default central.namespace from the config (itself "Vantage" by default). */
  namespace: 'VANTAGE_NAMESPACE',
  /** Milliseconds kept back from the Lambda timeout for publishing; default DEFAULT_DEADLINE_RESERVE_MS. */
  deadlineReserveMs: 'VANTAGE_DEADLINE_RESERVE_MS',
} as const;

export const VANTAGE_PUBLISHER_ROLE_ARN = PROBE_ENV.publisherRoleArn;
export const VANTAGE_CENTRAL_REGION = PROBE_ENV.centralRegion;
export const VANTAGE_NAMESPACE = PROBE_ENV.namespace;
export const VANTAGE_DEADLINE_RESERVE_MS = PROBE_ENV.deadlineReserveMs;

/**
 * Time kept for publishing after the probes are cut: AssumeRole plus a few
 * gzip'd PutMetricData calls with one retry each fit well inside it, and the
 * EMF fallback needs only milliseconds.
 */
export const DEFAULT_DEADLINE_RESERVE_MS = 8_000;

/**
 * NODE_OPTIONS the probe Lambda runs with. A capped V8 young generation:
 * with 64 probes in flight the default lets it grow to its maximum, ~30 MiB
 * of reserved, mostly empty heap; capped, peak RSS drops from ~155 to ~125
 * MiB for 1,000 HTTPS endpoints at the same CPU (npm run bench, part 3).
 */
export const PROBE_NODE_OPTIONS = '--max-semi-space-size=8';
