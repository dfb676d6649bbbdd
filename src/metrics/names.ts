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
  /** WebSocket endpoints, metrics.detail full: upgrade request → 101. */
  WebSocketUpgradeTime: 'WebSocketUpgradeTime',
  /** WebSocket endpoints, metrics.detail full: subscribe request → first notification. */
  FirstNotificationTime: 'FirstNotificationTime',
  /** Addresses of the endpoint worse than its primary (its address_unhealthy findings); no address is ever a dimension. */
  AddressesUnhealthy: 'AddressesUnhealthy',
  BlockHeight: 'BlockHeight',
  HeightLag: 'HeightLag',
  HeadAge: 'HeadAge',
  TlsDaysToExpiry: 'TlsDaysToExpiry',
  Exposed: 'Exposed',
  PartKeyDaysToExpiry: 'PartKeyDaysToExpiry',
  ProbeRuns: 'ProbeRuns',
  /** Seconds the finalized head trails the head (per endpoint, families whose finality is tracked). */
  FinalityLag: 'FinalityLag',
  /** Seconds per block over the last 32 blocks: per network (dimension Network only), the minimum across its endpoints. */
  BlockInterval: 'BlockInterval',
  /** Median ms after the fastest endpoint at which new blocks reached this one (networks with `arrival`). */
  ArrivalDelay: 'ArrivalDelay',
} as const;

export type MetricName = (typeof METRIC)[keyof typeof METRIC];

/**
 * CloudWatch unit of each metric. Alarms that name a unit must use the same
 * one (a datum published with another unit is invisible to them).
 */
export const METRIC_UNIT = {
  Up: 'None',
  Healthy: 'None',
  TimeToFirstByte: 'Milliseconds',
  ProbeDuration: 'Milliseconds',
  DnsTime: 'Milliseconds',
  ConnectTime: 'Milliseconds',
  TlsTime: 'Milliseconds',
  WebSocketUpgradeTime: 'Milliseconds',
  FirstNotificationTime: 'Milliseconds',
  AddressesUnhealthy: 'Count',
  BlockHeight: 'None',
  HeightLag: 'Count',
  HeadAge: 'Seconds',
  TlsDaysToExpiry: 'None',
  Exposed: 'None',
  PartKeyDaysToExpiry: 'None',
  ProbeRuns: 'Count',
  FinalityLag: 'Seconds',
  BlockInterval: 'Seconds',
  ArrivalDelay: 'Milliseconds',
} as const satisfies Record<MetricName, string>;

export type MetricUnit = (typeof METRIC_UNIT)[MetricName];

export const DIMENSION = {
  Network: 'Network',
  Endpoint: 'Endpoint',
  ProbeRegion: 'ProbeRegion',
  Account: 'Account',
} as const;
