// badges/<network>.json in the shields.io endpoint schema: a README can show
// a live badge with img.shields.io/endpoint?url=<page>/badges/<network>.json.
import type { ComponentStatus } from '../component-status.ts';
import type { NetworkComponent } from '../status-model.ts';

/** Shields caches endpoint badges for at least 300 s whatever we say. */
const BADGE_CACHE_SECONDS = 300;

export interface ShieldsEndpointBadge {
  readonly schemaVersion: 1;
  readonly label: string;
  readonly message: string;
  readonly color: string;
  readonly cacheSeconds: number;
}

const MESSAGE: Readonly<Record<ComponentStatus, string>> = {
  operational: 'operational',
  under_maintenance: 'maintenance',
  degraded_performance: 'degraded',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
};

const COLOR: Readonly<Record<ComponentStatus, string>> = {
  operational: 'brightgreen',
  under_maintenance: 'blue',
  degraded_performance: 'yellow',
  partial_outage: 'orange',
  major_outage: 'red',
};

export function renderBadge(network: NetworkComponent): ShieldsEndpointBadge {
  return { schemaVersion: 1, label: network.name, message: MESSAGE[network.status], color: COLOR[network.status], cacheSeconds: BADGE_CACHE_SECONDS };
}
