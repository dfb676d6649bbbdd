// Metric and dimension names (DESIGN.md, "Metrics"): shared by the datum
// builder (src/metrics/), the publisher, and the alarms and dashboard in
// infra/. Stable: alarms, dashboards and anomaly detection depend on them.

export const METRIC = {
  /** 0/1: the endpoint answered (status not down). */
  Up: 'Up',
  /** 0/1: the endpoint is up with no findings. */
  Healthy: 'Healthy',
  TimeToFirstByte: 'TimeToFirstByte',
  ProbeDuration: 'ProbeDuration',
  DnsTime: 'DnsTime',
  ConnectTime: 'ConnectTime',
  TlsTime: 'TlsTime',
  BlockHeight: 'BlockHeight',
  HeightLag: 'HeightLag',
  HeadAge: 'HeadAge',
  TlsDaysToExpiry: 'TlsDaysToExpiry',
  Exposed: 'Exposed',
  PartKeyDaysToExpiry: 'PartKeyDaysToExpiry',
  ProbeRuns: 'ProbeRuns',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

export const DIMENSION = {
  Network: 'Network',
  Endpoint: 'Endpoint',
  ProbeRegion: 'ProbeRegion',
  Account: 'Account',
} as const;
