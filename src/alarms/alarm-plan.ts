// The alarm plan: which alarms a config deploys, how they notify, and what
// CloudWatch bills for each. One list read by infra/ (builds exactly these),
// the cost model (prices exactly these) and the status function (reads them
// back); a test compares the list with the synthesized templates.
//
// Two strategies, chosen by size (strategy.ts says which and why):
//   per-endpoint — a standard alarm per endpoint and condition; every action
//     goes through a composite alarm per network and severity (and per
//     endpoint for endpoints a maintenance window names) whose
//     ActionsSuppressor reads the Maintenance metric.
//   fleet — Metrics Insights alarms, one per alarm group and condition, one
//     contributor per endpoint, each notifying on its own. A composite sees
//     only the parent state, so maintenance silences covered endpoints at the
//     source instead (the probe withholds their alarm metrics). Below a
//     minute, outage, regional and lagging stay per-endpoint high-resolution
//     alarms (Metrics Insights has a one-minute floor), notifying directly.
// Network alarms, accounts and heartbeats go through suppressible
// composites in both.
import type { ResolvedConfig, ResolvedNetwork } from '../config/resolved-config.ts';
import { scheduleIntervalSeconds } from '../config/schedule.ts';
import { networkDimensions } from '../report/metric-layout.ts';
import { DIMENSION } from '../report/metric-names.ts';
import { alarmGroups, type AlarmGroups } from './alarm-groups.ts';
import { alarmName, type AlarmSubject } from './alarm-names.ts';
import {
  accountAlarm, endpointAlarm, fleetAlarm, heartbeatAlarm, maintenanceAlarm, mayUseTls, networkAlarms, servedEndpointKinds,
  servedEndpoints, hasRegionalAlarm, SEVERITY, type FleetQuerySpec, type Placement, type SpecContext,
} from './alarm-specs.ts';
import { ROUND_KINDS, suppressorWaitSeconds, type ProbeCadence } from './alarm-tuning.ts';
import { watchesAddresses } from './address-rule.ts';
import { arrivalLimitMs, finalityLimitSeconds } from './chain-depth-rules.ts';
import { watchesExposure } from './exposure-rule.ts';
import type { PlannedAlarm, Severity } from './planned-alarm.ts';
import { chooseStrategy, type AlarmStrategy, type ChosenPlan } from './strategy.ts';

export type { PlannedAlarm, Severity } from './planned-alarm.ts';
export type { AlarmStrategy } from './strategy.ts';
export { headAgeEndpoints, mayUseTls, servedEndpoints } from './alarm-specs.ts';

/** The chosen strategy, why (`vantage cost` prints it), its alarms, and why it cannot deploy (empty when it can). */
export type AlarmPlan = ChosenPlan;

export function probeCadence(config: ResolvedConfig): ProbeCadence {
  return { intervalSeconds: scheduleIntervalSeconds(config.probe.schedule), everySeconds: config.probe.everySeconds };
}

/** The plan the CDK app deploys: the strategy that fits, per-endpoint first. */
export function alarmPlan(config: ResolvedConfig): AlarmPlan {
  const groups = alarmGroups(config);
  return chooseStrategy((strategy) => strategyAlarms(config, strategy, groups), groups);
}

/** Every alarm of one strategy (both are priced; one is deployed). */
export function strategyAlarms(config: ResolvedConfig, strategy: AlarmStrategy, groups: AlarmGroups = alarmGroups(config)): PlannedAlarm[] {
  const ctx: SpecContext = { config, cadence: probeCadence(config) };
  const alarms: PlannedAlarm[] = [];
  if (strategy === 'fleet') alarms.push(...fleetAlarms(ctx, groups));
  for (const network of config.networks) alarms.push(...networkUnit(ctx, network, strategy, groups));
  alarms.push(...deploymentUnit(ctx));
  return alarms;
}

/** All alarms of one network and the composites that route them, in one unit (one stack). */
function networkUnit(ctx: SpecContext, network: ResolvedNetwork, strategy: AlarmStrategy, groups: AlarmGroups): PlannedAlarm[] {
  const unit = `network:${network.id}`;
  const ns = ctx.config.namespace;
  const inComposite: Placement = { notifies: null, unit };
  const alarms: PlannedAlarm[] = [];
  // Children of the network composites, and of the composites of endpoints a window names.
  const routed: PlannedAlarm[] = [];
  const ownRouted = new Map<string, PlannedAlarm[]>();

  for (const endpoint of network.endpoints) {
    const group = groups.groupOf(network.id, endpoint.id);
    if (group === null) continue;
    const kinds = endpoint.visibility === 'public' ? servedEndpointKinds(ctx.config, network, endpoint) : [];
    if (watchesExposure(network, endpoint)) kinds.push('exposure');
    const own = strategy === 'per-endpoint' && ctx.config.maintenance.some((w) => w.endpoints?.some((t) => t.network === network.id && t.endpoint === endpoint.id));
    for (const kind of kinds) {
      if (strategy === 'fleet') {
        // Below a minute the round kinds cannot be Metrics Insights alarms: per endpoint, high resolution, notifying directly.
        if (!(ROUND_KINDS.has(kind) && ctx.cadence.everySeconds < 60)) continue;
        alarms.push(endpointAlarm(ctx, kind, group, network, endpoint, { notifies: SEVERITY[kind], unit: `endpoint:${network.id}/${endpoint.id}` }));
        continue;
      }
      const alarm = endpointAlarm(ctx, kind, group, network, endpoint, inComposite);
      alarms.push(alarm);
      if (own) ownRouted.set(endpoint.id, [...(ownRouted.get(endpoint.id) ?? []), alarm]);
      else routed.push(alarm);
    }
  }
  const networkLevel = [...networkAlarms(ctx, network, inComposite), ...network.accounts.map((a) => accountAlarm(ctx, network, a, inComposite))];
  alarms.push(...networkLevel);
  routed.push(...networkLevel);

  const suppressor = maintenanceAlarm(ctx, { kind: 'maintenance', network: network.id }, networkDimensions(network.id), unit);
  alarms.push(suppressor, ...composites(ns, { network: network.id }, routed, suppressor.name, unit, suppressorWaitSeconds(ctx.cadence)));
  for (const [endpoint, children] of ownRouted) {
    const dims = [...networkDimensions(network.id), { name: DIMENSION.Endpoint, value: endpoint }];
    const own = maintenanceAlarm(ctx, { kind: 'maintenance', network: network.id, endpoint }, dims, unit);
    alarms.push(own, ...composites(ns, { network: network.id, endpoint }, children, own.name, unit, suppressorWaitSeconds(ctx.cadence)));
  }
  return alarms;
}

/** Probe heartbeats, through one composite suppressed by a window over everything. */
function deploymentUnit(ctx: SpecContext): PlannedAlarm[] {
  const unit = 'deployment';
  const heartbeats = ctx.config.probe.regions.map((region) => heartbeatAlarm(ctx, region, { notifies: null, unit }));
  const suppressor = maintenanceAlarm(ctx, { kind: 'maintenance', everything: true }, [], unit);
  const composite = compositeAlarm(ctx.config.namespace, { kind: 'heartbeat', everything: true }, 'critical', heartbeats, suppressor.name, unit, suppressorWaitSeconds(ctx.cadence));
  return [...heartbeats, suppressor, composite];
}

/** One critical ("health") and one warning composite over the children that have that severity. */
function composites(ns: string, scope: Omit<AlarmSubject, 'kind'>, children: readonly PlannedAlarm[], suppressor: string, unit: string, waitSeconds: number): PlannedAlarm[] {
  const out: PlannedAlarm[] = [];
  const critical = children.filter((a) => a.severity === 'critical');
  const warning = children.filter((a) => a.severity === 'warning');
  if (critical.length > 0) out.push(compositeAlarm(ns, { ...scope, kind: 'health' }, 'critical', critical, suppressor, unit, waitSeconds));
  if (warning.length > 0) out.push(compositeAlarm(ns, { ...scope, kind: 'warnings' }, 'warning', warning, suppressor, unit, waitSeconds));
  return out;
}

function compositeAlarm(ns: string, subject: AlarmSubject, severity: Severity, children: readonly PlannedAlarm[], suppressor: string, unit: string, waitSeconds: number): PlannedAlarm {
  const names = children.map((c) => c.name);
  return {
    name: alarmName(ns, subject),
    subject,
    severity,
    condition: { type: 'composite', children: names, suppressor, waitSeconds },
    tuning: null,
    notifies: severity,
    billing: 'composite',
    billedMetrics: 0,
    unit,
    children: names,
  };
}

/** The Metrics Insights alarms of every alarm group. */
function fleetAlarms(ctx: SpecContext, groups: AlarmGroups): PlannedAlarm[] {
  const { config } = ctx;
  const networks = new Map(config.networks.map((n) => [n.id, n]));
  const alarms: PlannedAlarm[] = [];
  for (const group of groups.groups) {
    const members = group.members.map((m) => {
      const network = networks.get(m.network)!;
      return { network, endpoint: network.endpoints.find((e) => e.id === m.endpoint)! };
    });
    const served = members.filter((m) => servedEndpoints(m.network).includes(m.endpoint));
    const specs: FleetQuerySpec[] = [];
    if (ctx.cadence.everySeconds >= 60) {
      specs.push({ kind: 'outage', metric: 'RegionsDown', threshold: config.alerting.outageRegions, comparison: 'GreaterThanOrEqualToThreshold', members: served.length });
      // One aggregate per query cannot say "1 ≤ down < outageRegions": this warning also fires during an outage.
      if (hasRegionalAlarm(config)) specs.push({ kind: 'regional', metric: 'RegionsDown', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', members: served.length });
      specs.push({ kind: 'lagging', metric: 'Lagging', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', members: served.length });
    }
    const tls = served.filter((m) => mayUseTls(m.endpoint));
    for (const warnDays of [...new Set(tls.map((m) => m.endpoint.tls.warnDays))].sort((a, b) => a - b)) {
      const count = tls.filter((m) => m.endpoint.tls.warnDays === warnDays).length;
      specs.push({ kind: 'tls-expiry', metric: 'TlsDaysToExpiry', threshold: warnDays, comparison: 'LessThanThreshold', members: count, warnDays });
    }
    const exposed = members.filter((m) => watchesExposure(m.network, m.endpoint)).length;
    if (exposed > 0) specs.push({ kind: 'exposure', metric: 'Exposed', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', members: exposed });
    const finality = served.filter((m) => finalityLimitSeconds(m.network) !== null).length;
    if (finality > 0) specs.push({ kind: 'finality-lagging', metric: 'FinalityLagging', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', members: finality });
    const arrival = served.filter((m) => arrivalLimitMs(m.network) !== null).length;
    if (arrival > 0) specs.push({ kind: 'late-blocks', metric: 'LateBlocks', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', members: arrival });
    const addresses = served.filter((m) => watchesAddresses(m.endpoint)).length;
    if (addresses > 0) specs.push({ kind: 'addresses', metric: 'AddressesUnhealthy', threshold: 1, comparison: 'GreaterThanOrEqualToThreshold', members: addresses });
    for (const spec of specs.filter((s) => s.members > 0)) alarms.push(fleetAlarm(ctx, group.id, spec));
  }
  return alarms;
}
