// Alarm groups: which Metrics Insights query an endpoint's alarm metrics
// fall into. A fleet alarm selects its endpoints with `WHERE AlarmGroup =
// 'g1'` — WHERE has no OR, and a chain of `Network != …` would pass the
// 2,048-character expression limit with long ids — so the probe publishes
// the group as a dimension of every region-less alarm metric, and infra
// builds one query per group and condition. Both call alarmGroups() on the
// same config, so they always agree.
//
// Packing: networks in config order, whole, into groups of at most
// GROUP_CAPACITY alarmed endpoints; a network larger than a group fills
// groups of its own. Each region-less alarm metric is one metric per
// endpoint, so a group's query matches at most GROUP_CAPACITY metrics and
// returns at most GROUP_CAPACITY series — inside Metrics Insights' 10,000
// and 500 by construction. Adding a network at the end never moves another;
// inserting one earlier may shift later networks into the next group (their
// series then start afresh under the new dimension value: an hour of
// doubled metric billing, no lost alarm).
import { METRICS_INSIGHTS } from '../config/aws-limits.ts';
import type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import { watchesExposure } from './exposure-rule.ts';

/** Endpoints per group: one series per endpoint, so the series limit binds (500 < 10,000 metrics). */
export const GROUP_CAPACITY = Math.min(METRICS_INSIGHTS.maxSeriesPerQuery, METRICS_INSIGHTS.maxMetricsPerQuery);

export interface AlarmGroup {
  /** Dimension value: "g1", "g2", … */
  readonly id: string;
  readonly members: readonly { readonly network: string; readonly endpoint: string }[];
}

export interface AlarmGroups {
  readonly groups: readonly AlarmGroup[];
  /** The group of an alarmed endpoint; null for reference endpoints and private ones not watched. */
  groupOf(network: string, endpoint: string): string | null;
}

/** Endpoints that have region-less alarm metrics: served endpoints, and private ones watched for exposure. */
export function alarmedEndpoints(network: ResolvedNetwork): ResolvedEndpoint[] {
  return network.endpoints.filter((e) => !e.reference && (e.visibility === 'public' || watchesExposure(network, e)));
}

export function alarmGroups(config: ResolvedConfig, capacity: number = GROUP_CAPACITY): AlarmGroups {
  const groups: { id: string; members: { network: string; endpoint: string }[] }[] = [];
  const byKey = new Map<string, string>();
  const open = () => {
    const group = { id: `g${groups.length + 1}`, members: [] as { network: string; endpoint: string }[] };
    groups.push(group);
    return group;
  };
  let current: ReturnType<typeof open> | null = null;
  for (const network of config.networks) {
    const members = alarmedEndpoints(network).map((e) => ({ network: network.id, endpoint: e.id }));
    if (members.length === 0) continue;
    if (!current || current.members.length + members.length > capacity) current = open();
    for (const member of members) {
      if (current.members.length >= capacity) current = open();
      current.members.push(member);
      byKey.set(key(member.network, member.endpoint), current.id);
    }
  }
  return { groups, groupOf: (network, endpoint) => byKey.get(key(network, endpoint)) ?? null };
}

function key(network: string, endpoint: string): string {
  return `${network}\u0000${endpoint}`;
}
