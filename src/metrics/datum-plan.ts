// What the datum builder needs to know about a config beyond a report, worked
// out once (per cold start, per `vantage check --publish`, per cost estimate):
// the detail level, and per endpoint its role, alarm group, certificate
// warning threshold, exposure and address watches and maintenance suppressor; and the
// maintenance windows.
import { alarmGroups } from '../alarms/alarm-groups.ts';
import { watchesAddresses } from '../alarms/address-rule.ts';
import { watchesExposure } from '../alarms/exposure-rule.ts';
import { namedInWindow, type ResolvedMaintenance } from '../config/maintenance.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';

export type MetricsDetail = 'standard' | 'full';

export interface EndpointFacts {
  /** served: public and not a reference (Up, latency, alarms); private: only whether it answers; reference: agreement only. */
  readonly role: 'served' | 'private' | 'reference';
  /** Alarm group of the endpoint's region-less alarm metrics; null: it has none. */
  readonly group: string | null;
  /** Whether it has an Exposed metric (src/alarms/exposure-rule.ts). */
  readonly watchesExposure: boolean;
  /** Whether it has an AddressesUnhealthy metric (src/alarms/address-rule.ts). */
  readonly watchesAddresses: boolean;
  /** Its tls.warnDays: the WarnDays dimension of its certificate metric. */
  readonly warnDays: number;
  /** A maintenance window names it, so it has a suppressor of its own (Maintenance with Network and Endpoint). */
  readonly ownSuppressor: boolean;
}

export interface DatumPlan {
  /** `full` adds per-region Healthy, ProbeDuration, phase timings, BlockHeight and HeadAge. */
  readonly detail: MetricsDetail;
  /** Facts of an endpoint of the config; null for one the config does not know. */
  readonly endpoint: (networkId: string, endpointId: string) => EndpointFacts | null;
  readonly maintenance: readonly ResolvedMaintenance[];
}

export function datumPlan(config: ResolvedConfig): DatumPlan {
  const groups = alarmGroups(config);
  const facts = new Map<string, EndpointFacts>();
  for (const network of config.networks) {
    for (const endpoint of network.endpoints) {
      facts.set(key(network.id, endpoint.id), {
        role: endpoint.reference ? 'reference' : endpoint.visibility === 'private' ? 'private' : 'served',
        group: groups.groupOf(network.id, endpoint.id),
        watchesExposure: watchesExposure(network, endpoint),
        watchesAddresses: watchesAddresses(endpoint),
        warnDays: endpoint.tls.warnDays,
        ownSuppressor: namedInWindow(config.maintenance, network.id, endpoint.id),
      });
    }
  }
  return {
    detail: config.metrics.detail,
    endpoint: (network, endpoint) => facts.get(key(network, endpoint)) ?? null,
    maintenance: config.maintenance,
  };
}

function key(network: string, endpoint: string): string {
  return `${network}\u0000${endpoint}`;
}
