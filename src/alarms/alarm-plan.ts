// The alarm plan: which alarms a config deploys (DESIGN.md, "Alarms"), with what CloudWatch
// bills for each. One list read by two consumers: infra/ builds exactly these
// alarms, the cost model prices exactly these — a test compares the list with
// the synthesized template so the two cannot drift apart.
import { alarmName, type AlarmKind, type AlarmSubject } from './alarm-names.ts';
import type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import { watchesExposure } from './exposure-rule.ts';

export type Severity = 'critical' | 'warning';

export interface PlannedAlarm {
  readonly name: string;
  readonly subject: AlarmSubject & { readonly kind: AlarmKind };
  readonly severity: Severity;
  /**
   * Metrics the alarm is billed for: one per metric of a math expression, one
   * per metric a Metrics Insights query analyses; 0 for a composite alarm.
   */
  readonly billedMetrics: number;
  /** Composite alarms list the alarms their rule combines. */
  readonly children: readonly string[];
}

/** Endpoints that are alarmed as services: not references, not private. */
export function servedEndpoints(network: ResolvedNetwork): ResolvedEndpoint[] {
  return network.endpoints.filter((e) => !e.reference && e.visibility === 'public');
}

/** A URL written with http: has no certificate; anything else (https:, or a secret reference) may. */
export function mayUseTls(endpoint: ResolvedEndpoint): boolean {
  return !/^(http|ws):/i.test(endpoint.url);
}

/** Endpoints whose probes report a head time, so a HeadAge series exists (reference endpoints too). */
export function headAgeEndpoints(network: ResolvedNetwork): ResolvedEndpoint[] {
  if (network.maxHeadAgeSeconds === null) return [];
  return network.endpoints.filter((e) =>
    e.visibility === 'public' && (network.chain !== 'http-json' || (e.httpJson?.timePointer ?? null) !== null));
}

/** The regional alarm fires between 1 and outageRegions − 1 regions: none when one region already is an outage. */
function hasRegionalAlarm(config: ResolvedConfig): boolean {
  return config.alerting.outageRegions > 1 && config.probe.regions.length > 1;
}

export function alarmPlan(config: ResolvedConfig): PlannedAlarm[] {
  const regions = config.probe.regions.length;
  const ns = config.namespace;
  const alarms: PlannedAlarm[] = [];
  const add = (subject: PlannedAlarm['subject'], severity: Severity, billedMetrics: number, children: readonly string[] = []) => {
    const alarm = { name: alarmName(ns, subject), subject, severity, billedMetrics, children };
    alarms.push(alarm);
    return alarm;
  };

  for (const network of config.networks) {
    const critical: string[] = [];
    const networkId = network.id;
    for (const endpoint of network.endpoints) {
      if (endpoint.reference) continue;
      const subject = (kind: AlarmKind) => ({ kind, network: networkId, endpoint: endpoint.id });
      if (endpoint.visibility === 'public') {
        critical.push(add(subject('outage'), 'critical', regions).name);
        if (hasRegionalAlarm(config)) add(subject('regional'), 'warning', regions);
        add(subject('lagging'), 'warning', regions);
        if (mayUseTls(endpoint)) add(subject('tls-expiry'), 'warning', regions);
      }
      if (watchesExposure(network, endpoint)) critical.push(add(subject('exposure'), 'critical', regions).name);
    }
    const stale = headAgeEndpoints(network);
    if (stale.length > 0) critical.push(add({ kind: 'stale-head', network: networkId }, 'critical', stale.length * regions).name);
    for (const account of network.accounts) {
      add({ kind: 'partkey-expiry', network: networkId, account: account.address }, 'warning', 1);
    }
    if (critical.length > 0) add({ kind: 'health', network: networkId }, 'critical', 0, critical);
  }
  for (const region of config.probe.regions) add({ kind: 'heartbeat', region }, 'critical', 1);
  return alarms;
}
