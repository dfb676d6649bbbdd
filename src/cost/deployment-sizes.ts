// Sizes the CDK app deploys and the cost model prices, kept in one place so
// the estimate prices what actually runs.

export const PROBE_FUNCTION = {
  /** Probing is network-bound; 256 MB still gives TLS handshakes enough CPU at concurrency 32. */
  memoryMb: 256,
} as const;

export const STATUS_FUNCTION = {
  memoryMb: 256,
  /** The status feed is rebuilt every minute (DESIGN.md, "Status function"). */
  schedule: 'rate(1 minute)',
  /** The page refreshes itself at the pace the feed is rebuilt (and the CloudFront CSP hashes that script). */
  pageRefreshSeconds: 60,
} as const;

/** One dashboard for the whole deployment. */
export const DASHBOARDS = 1;
