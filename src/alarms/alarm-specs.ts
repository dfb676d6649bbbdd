// The metric alarms of one subject, as plan entries: an endpoint's (outage,
// regional, lagging, certificate, exposure, finality, arrival, addresses), a network's
// (stale head, finality stalled, cadence, maintenance), an account's, a probe
// region's heartbeat, and the fleet alarms of an alarm group. Conditions
// read the region-less alarm metrics of src/report/metric-layout.ts, so each
// reads one metric whatever the number of probe regions.
import type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import type { Dimension } from '../report/metric-layout.ts';
import { alarmDimensions, networkDimensions, ALARM_METRIC_STATISTIC, NETWORK_METRIC_STATISTIC, type AlarmMetricName } from '../report/metric-layout.ts';
import { DIMENSION, METRIC } from '../report/metric-names.ts';
import type { AlarmCondition, Comparison, MetricRef } from './alarm-condition.ts';
import { alarmName, type AlarmSubject } from './alarm-names.ts';
import { alarmTuning, type MetricAlarmKind, type ProbeCadence } from './alarm-tuning.ts';
import { watchesAddresses } from './address-rule.ts';
import { arrivalLimitMs, cadenceLimitSeconds, finalityLimitSeconds } from './chain-depth-rules.ts';
import { groupQuery, type InsightsAggregate } from './insights-query.ts';
import type { PlannedAlarm, Severity } from './planned-alarm.ts';

export const SEVERITY: Readonly<Record<MetricAlarmKind, Severity>> = {
  outage: 'critical',
  exposure: 'critical',
  'stale-head': 'critical',
  heartbeat: 'critical',
  regional: 'warning',
  lagging: 'warning',
  'tls-expiry': 'warning',
  'finality-lagging': 'warning',
  'finality-stalled': 'warning',
  'slow-blocks': 'warning',
  'cadence-anomaly': 'warning',
  'late-blocks': 'warning',
  addresses: 'warning',
  'partkey-expiry': 'warning',
  maintenance: 'warning',
};

/** Standard deviations of the block-interval band (CloudWatch's default width is 2). */
export const CADENCE_BAND_STANDARD_DEVIATIONS = 2;

export interface SpecContext {
  readonly config: ResolvedConfig;
  readonly cadence: ProbeCadence;
}

export interface Placement {
  /** The topic its own actions go to, or null (through a composite, or a suppressor). */
  readonly notifies: Severity | null;
  readonly unit: string;
}

const GTE: Comparison = 'GreaterThanOrEqualToThreshold';

/** The regional alarm fires between 1 and outageRegions − 1 regions: none when one region already is an outage. */
export function hasRegionalAlarm(config: ResolvedConfig): boolean {
  return config.alerting.outageRegions > 1 && config.probe.regions.length > 1;
}

/** A URL written with http: has no certificate; anything else (https:, or a secret reference) may. */
export function mayUseTls(endpoint: ResolvedEndpoint): boolean {
  return !/^(http|ws):/i.test(endpoint.url);
}

/** Endpoints whose probes report a head time, so they feed the network's HeadAge (reference endpoints too). */
export function headAgeEndpoints(network: ResolvedNetwork): ResolvedEndpoint[] {
  if (network.maxHeadAgeSeconds === null) return [];
  return network.endpoints.filter((e) =>
    e.visibility === 'public' && (network.chain !== 'http-json' || (e.httpJson?.timePointer ?? null) !== null));
}

/** Endpoints that are alarmed as services: not references, not private. */
export function servedEndpoints(network: ResolvedNetwork): ResolvedEndpoint[] {
  return network.endpoints.filter((e) => !e.reference && e.visibility === 'public');
}

/** The endpoint kinds a served endpoint of this network has (exposure is added by the exposure rule). */
export function servedEndpointKinds(config: ResolvedConfig, network: ResolvedNetwork, endpoint: ResolvedEndpoint): MetricAlarmKind[] {
  const kinds: MetricAlarmKind[] = ['outage'];
  if (hasRegionalAlarm(config)) kinds.push('regional');
  kinds.push('lagging');
  if (mayUseTls(endpoint)) kinds.push('tls-expiry');
  if (finalityLimitSeconds(network) !== null) kinds.push('finality-lagging');
  if (arrivalLimitMs(network) !== null) kinds.push('late-blocks');
  if (watchesAddresses(endpoint)) kinds.push('addresses');
  return kinds;
}

function alarmMetric(name: AlarmMetricName, dims: readonly Dimension[]): MetricRef {
  return { name, dimensions: dims, statistic: ALARM_METRIC_STATISTIC[name] };
}

/** The condition of one endpoint's alarm of `kind`, on its region-less alarm metrics. */
function endpointCondition(ctx: SpecContext, kind: MetricAlarmKind, group: string, network: ResolvedNetwork, endpoint: ResolvedEndpoint): AlarmCondition {
  const dims = alarmDimensions(group, network.id, endpoint.id);
  const k = ctx.config.alerting.outageRegions;
  const flag = (name: AlarmMetricName): AlarmCondition => ({ type: 'metric', metric: alarmMetric(name, dims), threshold: 1, comparison: GTE });
  switch (kind) {
    case 'outage':
      return { type: 'metric', metric: alarmMetric(METRIC.RegionsDown, dims), threshold: k, comparison: GTE };
    case 'regional':
      return {
        type: 'math',
        expression: `IF(down >= 1 AND down < ${k}, 1, 0)`,
        label: 'down in some, not most, regions',
        metrics: { down: alarmMetric(METRIC.RegionsDown, dims) },
        threshold: 1,
        comparison: GTE,
      };
    case 'lagging':
      return flag(METRIC.Lagging);
    case 'tls-expiry':
      return {
        type: 'metric',
        metric: alarmMetric(METRIC.TlsDaysToExpiry, alarmDimensions(group, network.id, endpoint.id, endpoint.tls.warnDays)),
        threshold: endpoint.tls.warnDays,
        comparison: 'LessThanThreshold',
      };
    case 'exposure':
      return flag(METRIC.Exposed);
    case 'finality-lagging':
      return flag(METRIC.FinalityLagging);
    case 'late-blocks':
      return flag(METRIC.LateBlocks);
    case 'addresses':
      // The count of failing addresses (the most any region saw): ≥ 1 is the finding.
      return flag(METRIC.AddressesUnhealthy);
    default:
      throw new Error(`${kind} is not an endpoint alarm`);
  }
}

export function endpointAlarm(
  ctx: SpecContext, kind: MetricAlarmKind, group: string, network: ResolvedNetwork, endpoint: ResolvedEndpoint, placement: Placement,
): PlannedAlarm {
  return metricAlarm(ctx, { kind, network: network.id, endpoint: endpoint.id }, endpointCondition(ctx, kind, group, network, endpoint), placement);
}

/** Network alarms: stale head, finality stalled, slow blocks and the cadence band. */
export function networkAlarms(ctx: SpecContext, network: ResolvedNetwork, placement: Placement): PlannedAlarm[] {
  const dims = networkDimensions(network.id);
  const alarms: PlannedAlarm[] = [];
  const subject = (kind: MetricAlarmKind): AlarmSubject => ({ kind, network: network.id });
  if (headAgeEndpoints(network).length > 0) {
    alarms.push(metricAlarm(ctx, subject('stale-head'), {
      type: 'metric', metric: { name: METRIC.HeadAge, dimensions: dims, statistic: NETWORK_METRIC_STATISTIC.HeadAge },
      threshold: network.maxHeadAgeSeconds!, comparison: 'GreaterThanThreshold',
    }, placement));
  }
  const served = servedEndpoints(network).length > 0;
  if (served && finalityLimitSeconds(network) !== null) {
    alarms.push(metricAlarm(ctx, subject('finality-stalled'), {
      type: 'metric', metric: { name: METRIC.FinalityLagging, dimensions: dims, statistic: NETWORK_METRIC_STATISTIC.FinalityLagging },
      threshold: 1, comparison: GTE,
    }, placement));
  }
  const cadence = cadenceLimitSeconds(network);
  if (served && cadence !== null) {
    const blockInterval: MetricRef = { name: METRIC.BlockInterval, dimensions: dims, statistic: NETWORK_METRIC_STATISTIC.BlockInterval };
    alarms.push(
      metricAlarm(ctx, subject('slow-blocks'), { type: 'metric', metric: blockInterval, threshold: cadence, comparison: 'GreaterThanThreshold' }, placement),
      metricAlarm(ctx, subject('cadence-anomaly'), { type: 'anomaly', metric: blockInterval, bandStandardDeviations: CADENCE_BAND_STANDARD_DEVIATIONS }, placement),
    );
  }
  return alarms;
}

export function accountAlarm(ctx: SpecContext, network: ResolvedNetwork, account: ResolvedNetwork['accounts'][number], placement: Placement): PlannedAlarm {
  return metricAlarm(ctx, { kind: 'partkey-expiry', network: network.id, account: account.address }, {
    type: 'metric',
    metric: {
      name: METRIC.PartKeyDaysToExpiry,
      dimensions: [{ name: DIMENSION.Network, value: network.id }, { name: DIMENSION.Account, value: account.address }],
      statistic: 'Minimum',
    },
    threshold: account.warnDays,
    comparison: 'LessThanThreshold',
  }, placement);
}

export function heartbeatAlarm(ctx: SpecContext, region: string, placement: Placement): PlannedAlarm {
  return metricAlarm(ctx, { kind: 'heartbeat', region }, {
    type: 'metric',
    metric: { name: METRIC.ProbeRuns, dimensions: [{ name: DIMENSION.ProbeRegion, value: region }], statistic: 'Sum' },
    threshold: ctx.config.probe.shards,
    comparison: 'LessThanThreshold',
  }, placement);
}

/** A suppressor: ALARM while the probe publishes Maintenance for the subject (no dimensions: everything). */
export function maintenanceAlarm(ctx: SpecContext, subject: AlarmSubject, dims: readonly Dimension[], unit: string): PlannedAlarm {
  return metricAlarm(ctx, subject, {
    type: 'metric', metric: { name: METRIC.Maintenance, dimensions: dims, statistic: 'Maximum' }, threshold: 1, comparison: GTE,
  }, { notifies: null, unit });
}

export interface FleetQuerySpec {
  readonly kind: MetricAlarmKind;
  readonly metric: AlarmMetricName;
  readonly threshold: number;
  readonly comparison: Comparison;
  /** Endpoints the query matches (one metric and one series each). */
  readonly members: number;
  readonly warnDays?: number;
}

const FLEET_AGGREGATE: Readonly<Record<AlarmMetricName, [InsightsAggregate, 'ASC' | 'DESC']>> = {
  RegionsDown: ['SUM', 'DESC'],
  Lagging: ['MAX', 'DESC'],
  TlsDaysToExpiry: ['MIN', 'ASC'],
  Exposed: ['MAX', 'DESC'],
  FinalityLagging: ['MAX', 'DESC'],
  LateBlocks: ['MAX', 'DESC'],
  AddressesUnhealthy: ['MAX', 'DESC'],
};

/** A Metrics Insights alarm over one alarm group: one contributor per endpoint, each notifying. */
export function fleetAlarm(ctx: SpecContext, group: string, spec: FleetQuerySpec): PlannedAlarm {
  const [aggregate, order] = FLEET_AGGREGATE[spec.metric];
  const query = groupQuery({ namespace: ctx.config.namespace, aggregate, metric: spec.metric, group, warnDays: spec.warnDays, order });
  const subject: AlarmSubject = spec.warnDays === undefined ? { kind: spec.kind, group } : { kind: spec.kind, group, warnDays: spec.warnDays };
  return metricAlarm(ctx, subject, {
    type: 'insights', query, label: `${spec.metric} per endpoint`, threshold: spec.threshold, comparison: spec.comparison,
    matches: spec.members, series: spec.members,
  }, { notifies: SEVERITY[spec.kind], unit: `fleet:${group}` });
}

function metricAlarm(ctx: SpecContext, subject: AlarmSubject, condition: AlarmCondition, placement: Placement): PlannedAlarm {
  const kind = subject.kind as MetricAlarmKind;
  const tuning = alarmTuning(kind, ctx.cadence);
  const billing = condition.type === 'insights' ? 'insights' : condition.type === 'anomaly' ? 'anomaly' : tuning.highResolution ? 'high-resolution' : 'standard';
  return {
    name: alarmName(ctx.config.namespace, subject),
    subject,
    severity: SEVERITY[kind],
    condition,
    tuning,
    notifies: placement.notifies,
    billing,
    billedMetrics: billedMetrics(condition),
    unit: placement.unit,
    children: [],
  };
}

function billedMetrics(condition: AlarmCondition): number {
  switch (condition.type) {
    case 'metric':
      return 1;
    case 'math':
      return Object.keys(condition.metrics).length;
    case 'insights':
      return condition.matches;
    // The metric and the band's upper and lower bounds.
    case 'anomaly':
      return 3;
    case 'composite':
      return 0;
  }
}
