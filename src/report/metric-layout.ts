// Which dimensions each metric is published with: one layout for every
// size of deployment, read by the datum builder, infra's alarms and
// dashboard, the status function and the cost model.
//
//   per endpoint and probe region (Network, Endpoint, ProbeRegion): what the
//     page, the dashboard and the per-region breakdown read — Up,
//     TimeToFirstByte, HeightLag, FinalityLag (where finality is tracked),
//     ArrivalDelay (where arrival is watched); with metrics.detail: full also Healthy,
//     ProbeDuration, the phase timings, BlockHeight and HeadAge.
//   per endpoint, region-less (AlarmGroup, Network, Endpoint): what alarms
//     read. Every region publishes its datum into the same metric and the
//     alarm's statistic aggregates the regions within the period, so an
//     alarm reads one metric whatever the number of regions (no 10-metric
//     math limit, one metric billed) and a fleet query matches one metric
//     per endpoint. Conditions whose threshold is per network (lag, finality,
//     arrival) are published as the probe's own 0/1 judgement (Lagging,
//     FinalityLagging, LateBlocks), so one fleet alarm serves every network;
//     TlsDaysToExpiry carries its threshold as the WarnDays dimension;
//     AddressesUnhealthy is the count of failing addresses (the most any
//     region saw), only for endpoints whose addresses are probed one by one
//     (src/alarms/address-rule.ts).
//   per network (Network): HeadAge (stale head), BlockInterval (cadence) and
//     FinalityLagging (finality stalled: its minimum is 1 when every
//     endpoint lags), the minimum over endpoints and regions.
import { DIMENSION, METRIC, type MetricName } from './metric-names.ts';

/** A metric dimension (name and value), as every layer writes it. */
export interface Dimension {
  readonly name: string;
  readonly value: string;
}

/** Region-less alarm metrics and the statistic that aggregates the regions (and, for the network, the endpoints). */
export const ALARM_METRIC_STATISTIC = {
  RegionsDown: 'Sum',
  Lagging: 'Maximum',
  TlsDaysToExpiry: 'Minimum',
  Exposed: 'Maximum',
  FinalityLagging: 'Maximum',
  LateBlocks: 'Maximum',
  AddressesUnhealthy: 'Maximum',
} as const satisfies Partial<Record<MetricName, string>>;
export type AlarmMetricName = keyof typeof ALARM_METRIC_STATISTIC;

export const NETWORK_METRIC_STATISTIC = {
  HeadAge: 'Minimum',
  BlockInterval: 'Minimum',
  FinalityLagging: 'Minimum',
  Maintenance: 'Maximum',
} as const satisfies Partial<Record<MetricName, string>>;
export type NetworkMetricName = keyof typeof NETWORK_METRIC_STATISTIC;

/** Metrics Insights aggregate of the same statistic. */
export const INSIGHTS_AGGREGATE = { Sum: 'SUM', Maximum: 'MAX', Minimum: 'MIN', Average: 'AVG' } as const;

/** Metrics published per endpoint and region at metrics.detail: standard (served endpoints). */
export const ENDPOINT_REGION_METRICS = [METRIC.Up, METRIC.TimeToFirstByte, METRIC.HeightLag] as const;

export function endpointRegionDimensions(network: string, endpoint: string, region: string): Dimension[] {
  return [
    { name: DIMENSION.Network, value: network },
    { name: DIMENSION.Endpoint, value: endpoint },
    { name: DIMENSION.ProbeRegion, value: region },
  ];
}

/** Dimensions of a region-less alarm metric; TlsDaysToExpiry adds WarnDays. */
export function alarmDimensions(group: string, network: string, endpoint: string, warnDays?: number): Dimension[] {
  const dims: Dimension[] = [
    { name: DIMENSION.AlarmGroup, value: group },
    { name: DIMENSION.Network, value: network },
    { name: DIMENSION.Endpoint, value: endpoint },
  ];
  if (warnDays !== undefined) dims.push({ name: DIMENSION.WarnDays, value: String(warnDays) });
  return dims;
}

/** Dimension names of a region-less alarm metric, in SCHEMA() order. */
export function alarmDimensionNames(name: AlarmMetricName): string[] {
  const names: string[] = [DIMENSION.AlarmGroup, DIMENSION.Network, DIMENSION.Endpoint];
  if (name === METRIC.TlsDaysToExpiry) names.push(DIMENSION.WarnDays);
  return names;
}

export function networkDimensions(network: string): Dimension[] {
  return [{ name: DIMENSION.Network, value: network }];
}
