// Metric and dimension names (DESIGN.md, "Metrics"): vocabulary at the
// bottom layer, because the alarm plan (src/alarms/) reads them and the
// datum builder (src/metrics/), which sits above it, publishes them; the
// publisher, infra's alarms and dashboard and the status function read them
// too. Stable: alarms, dashboards and anomaly detection depend on them.
// Which dimensions each metric is published with is metric-layout.ts.

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
  /** Median ms after the fastest endpoint at which new blocks reached this one (networks with `arrival`). */
  ArrivalDelay: 'ArrivalDelay',
  /** 0/1 per probe region and round, region-less: Sum over a round's period = regions that saw the endpoint down. */
  RegionsDown: 'RegionsDown',
  /** 0/1 per probe region and round, region-less: the probe judged the endpoint `lagging` (its network's maxLagBlocks). */
  Lagging: 'Lagging',
  /** 0/1, region-less: `finality_lagging` (the network's maxFinalityLagSeconds); with dimension Network only, its minimum says every endpoint lags. */
  FinalityLagging: 'FinalityLagging',
  /** 0/1, region-less: `late_blocks` (the network's arrival.maxDelayMs). */
  LateBlocks: 'LateBlocks',
  /** Seconds per block over the last 32 blocks: per network (dimension Network only), the minimum across its endpoints. */
  BlockInterval: 'BlockInterval',
  /** 1 for each network and endpoint a maintenance window covers, while it is open. */
  Maintenance: 'Maintenance',
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
  ArrivalDelay: 'Milliseconds',
  RegionsDown: 'Count',
  Lagging: 'None',
  FinalityLagging: 'None',
  LateBlocks: 'None',
  BlockInterval: 'Seconds',
  Maintenance: 'None',
} as const satisfies Record<MetricName, string>;

export type MetricUnit = (typeof METRIC_UNIT)[MetricName];

export const DIMENSION = {
  Network: 'Network',
  Endpoint: 'Endpoint',
  ProbeRegion: 'ProbeRegion',
  Account: 'Account',
  /** Which fleet alarm query an endpoint's region-less alarm metrics belong to (src/alarms/alarm-groups.ts). */
  AlarmGroup: 'AlarmGroup',
  /** TlsDaysToExpiry only: the endpoint's tls.warnDays, so one fleet alarm per threshold can select its endpoints. */
  WarnDays: 'WarnDays',
} as const;
