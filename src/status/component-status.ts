// The status vocabulary of the public page, which is Statuspage's (so widgets
// and aggregators that read Statuspage pages read ours): component statuses,
// the page indicator and incident impact, with their words for people.

export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

export type Indicator = 'none' | 'minor' | 'major' | 'critical';
export type Impact = 'none' | 'minor' | 'major' | 'critical';

const RANK: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  degraded_performance: 1,
  partial_outage: 2,
  major_outage: 3,
};

export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/**
 * A network is a group of endpoints. Customers can switch endpoints, so one
 * endpoint down is a partial outage of the network; only when every endpoint
 * is down is the network in a major outage.
 */
export function groupStatus(children: readonly ComponentStatus[]): ComponentStatus {
  if (children.length === 0) return 'operational';
  if (children.every((s) => s === 'major_outage')) return 'major_outage';
  if (children.some((s) => s === 'major_outage' || s === 'partial_outage')) return 'partial_outage';
  if (children.some((s) => s === 'degraded_performance')) return 'degraded_performance';
  return 'operational';
}

/** Statuspage's page indicator follows the worst component. */
export function indicatorOf(statuses: Iterable<ComponentStatus>): Indicator {
  return IMPACT_OF[worstComponentStatus(statuses)];
}

const IMPACT_OF: Readonly<Record<ComponentStatus, Impact>> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

export function impactOf(status: ComponentStatus): Impact {
  return IMPACT_OF[status];
}

const IMPACT_RANK: Readonly<Record<Impact, number>> = { none: 0, minor: 1, major: 2, critical: 3 };

export function worstImpact(a: Impact, b: Impact): Impact {
  return IMPACT_RANK[b] > IMPACT_RANK[a] ? b : a;
}

/** The words Statuspage pages use for each indicator. */
export const INDICATOR_DESCRIPTION: Readonly<Record<Indicator, string>> = {
  none: 'All Systems Operational',
  minor: 'Partially Degraded Service',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

export const STATUS_LABEL: Readonly<Record<ComponentStatus, string>> = {
  operational: 'Operational',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

export const IMPACT_LABEL: Readonly<Record<Impact, string>> = {
  none: 'None',
  minor: 'Minor',
  major: 'Major',
  critical: 'Critical',
};
