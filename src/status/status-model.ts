// The one status model every renderer reads, whether it was built from local
// reports over time (`vantage run --serve`) or from CloudWatch alarm states,
// alarm history and the Up metric (the central status function).
import type { ComponentStatus, Impact, Indicator } from './component-status.ts';

export interface EndpointComponent {
  /** "<network>/<endpoint>". */
  readonly id: string;
  readonly name: string;
  readonly status: ComponentStatus;
  /** Public words for what is wrong; null when operational. */
  readonly detail: string | null;
  /** When the component entered its current status (ISO-8601). */
  readonly since: string;
  readonly uptime: UptimeHistory;
}

export interface NetworkComponent {
  readonly id: string;
  readonly name: string;
  readonly chain: string;
  readonly status: ComponentStatus;
  /** Network-wide finding (e.g. the chain stalled), if any. */
  readonly detail: string | null;
  readonly since: string;
  readonly endpoints: readonly EndpointComponent[];
  readonly uptime: UptimeHistory;
}

export interface DailyUptime {
  /** UTC day, YYYY-MM-DD. */
  readonly date: string;
  /** Fraction of probe results that were up that day, 0..1; null without data. */
  readonly ratio: number | null;
}

export interface UptimeHistory {
  /** Oldest first, one entry per day of the window, the last being today (UTC). */
  readonly days: readonly DailyUptime[];
  /** Mean over the days with data; null when there are none. */
  readonly ratio: number | null;
}

export interface AffectedComponent {
  readonly id: string;
  readonly name: string;
  readonly oldStatus: ComponentStatus;
  readonly newStatus: ComponentStatus;
}

export type IncidentUpdateStatus = 'investigating' | 'resolved';

export interface IncidentUpdate {
  readonly id: string;
  readonly at: string;
  readonly status: IncidentUpdateStatus;
  readonly body: string;
  readonly affected: readonly AffectedComponent[];
}

export interface Incident {
  readonly id: string;
  readonly title: string;
  readonly impact: Impact;
  readonly startedAt: string;
  /** null while open. */
  readonly resolvedAt: string | null;
  readonly updatedAt: string;
  /** Component ids. */
  readonly components: readonly string[];
  /** Oldest first. */
  readonly updates: readonly IncidentUpdate[];
}

export interface StatusModel {
  readonly title: string;
  readonly generatedAt: string;
  /** When the source began knowing anything (history start): components' created_at. */
  readonly knownSince: string;
  readonly indicator: Indicator;
  readonly description: string;
  readonly networks: readonly NetworkComponent[];
  /** Open incidents first, then resolved ones, newest first within each. */
  readonly incidents: readonly Incident[];
  /** Page-wide notes (e.g. a probe region stopped reporting). */
  readonly notes: readonly string[];
  /** Days in the uptime window. */
  readonly uptimeDays: number;
}
