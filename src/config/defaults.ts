// The value of every setting a config leaves out (family timings live in
// families.ts). applyDefaults() applies them; the schema states them
// (.meta({ default })) for `vantage schema` and docs/config.md.

export const DEFAULTS = {
  timeoutMs: 5000,
  maxResponseBytes: 1_048_576,
  slowMs: 2000,
  tlsWarnDays: 14,
  concurrency: 32,
  schedule: 'rate(1 minute)',
  everySeconds: 60,
  shards: 1,
  metricsDetail: 'standard',
  retentionDays: 30,
  namespace: 'Vantage',
  outageRegions: 2,
  accountWarnDays: 14,
  statusTitle: 'Node API status',
  /** slow_blocks: a recent block interval over cadenceFactor × blockTimeSeconds. */
  cadenceFactor: 2,
} as const;
