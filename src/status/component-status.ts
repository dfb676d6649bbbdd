// The status vocabulary of the public page, which is Statuspage's (so widgets
// and aggregators that read Statuspage pages read ours): component statuses,
// the page indicator and incident impact, with their words for people.

export const COMPONENT_STATUSES = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];

/** Statuspage's page indicators; `maintenance` while work is under way and nothing is worse. */
export type Indicator = 'none' | 'maintenance' | 'minor' | 'major' | 'critical';
export type Impact = 'none' | 'minor' | 'major' | 'critical';

/**
 * Planned work ranks above operational and below every problem: a page shows
 * maintenance only while nothing is actually wrong elsewhere.
 */
const RANK: Readonly<Record<ComponentStatus, number>> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

/**
 * A network is a group of endpoints. Customers can switch endpoints, so one
 * endpoint down is a partial outage of the network; only when every endpoint
 * is down is the network in a major outage. Endpoints under maintenance are
 * planned absences: the rule runs over the others, and the network shows
 * maintenance when they are all fine (or there are none).
 */
export function groupStatus(children: readonly ComponentStatus[]): ComponentStatus {
  if (children.length === 0) return 'operational';
  const working = children.filter((s) => s !== 'under_maintenance');
  if (working.length === 0) return 'under_maintenance';
  if (working.every((s) => s === 'major_outage')) return 'major_outage';
  if (working.some((s) => s === 'major_outage' || s === 'partial_outage')) return 'partial_outage';
  if (working.some((s) => s === 'degraded_performance')) return 'degraded_performance';
  return working.length < children.length ? 'under_maintenance' : 'operational';
}

const INDICATOR_OF: Readonly<Record<ComponentStatus, Indicator>> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** Statuspage's page indicator follows the worst component. */
export function indicatorOf(statuses: Iterable<ComponentStatus>): Indicator {
  return INDICATOR_OF[worstComponentStatus(statuses)];
}

/** An incident's impact from the status it put a component in; maintenance opens no incident. */
const IMPACT_OF: Readonly<Record<ComponentStatus, Impact>> = {
  operational: 'none',
  under_maintenance: 'none',
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
  maintenance: 'Service Under Maintenance',
  minor: 'Partially Degraded Service',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};

export const STATUS_LABEL: Readonly<Record<ComponentStatus, string>> = {
  operational: 'Operational',
  under_maintenance: 'Under maintenance',
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
