// The one status model every renderer reads, whether it was built from local
// reports over time (`vantage run --serve`) or from CloudWatch alarm states,
// alarm history and metrics (the central status function).
import type { ComponentStatus, Impact, Indicator } from './component-status.ts';

export interface EndpointComponent {
  /** "<network>/<endpoint>". */
  readonly id: string;
  readonly name: string;
  readonly status: ComponentStatus;
  /** Public words for what is wrong (or the maintenance under way); null when operational. */
  readonly detail: string | null;
  /** When the component entered its current status (ISO-8601). */
  readonly since: string;
  readonly uptime: UptimeHistory;
  readonly charts: EndpointCharts;
  /** What each probe region sees now; null where there is one vantage point (the local prober). */
  readonly regions: RegionView | null;
}

export interface NetworkComponent {
  readonly id: string;
  readonly name: string;
  readonly chain: string;
  /** The lag limit (blocks) the lag charts draw. */
  readonly maxLagBlocks: number;
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
  /** Fraction of probe results outside maintenance that were up that day, 0..1; null without data. */
  readonly ratio: number | null;
  /** Milliseconds of the day (up to now) inside a maintenance window covering the component. */
  readonly maintenanceMs: number;
}

export interface UptimeHistory {
  /** Oldest first, one entry per day of the window, the last being today (UTC). */
  readonly days: readonly DailyUptime[];
  /** Mean over the days with data; null when there are none. */
  readonly ratio: number | null;
}

/** Equal buckets over time, oldest first. */
export interface TimeSeries {
  /** Start of the first bucket (ISO-8601). */
  readonly start: string;
  readonly stepSeconds: number;
  /** One value per bucket; null where nothing was measured (or the bucket lies inside maintenance). */
  readonly values: readonly (number | null)[];
}

export interface SeriesPair {
  /** The last 24 hours, one bucket per hour, the last one being the current hour. */
  readonly hourly: TimeSeries;
  /** The uptime window's days, one bucket per UTC day, the last one being today. */
  readonly daily: TimeSeries;
}

export interface EndpointCharts {
  /** Median time to first byte, ms. */
  readonly responseMs: SeriesPair;
  /** Largest distance behind the network, blocks (never below 0). */
  readonly lagBlocks: SeriesPair;
}

/** Probe regions by what they see of a component now; each region in exactly one list. */
export interface RegionView {
  readonly down: readonly string[];
  readonly degraded: readonly string[];
  readonly up: readonly string[];
  /** Not known now: the region's probes stopped reporting, or its breakdown could not be read. */
  readonly unknown: readonly string[];
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

/** Statuspage's scheduled-maintenance statuses a window passes through by the clock. */
export type MaintenanceStatus = 'scheduled' | 'in_progress' | 'completed';

export interface MaintenanceUpdate {
  readonly id: string;
  readonly at: string;
  readonly status: MaintenanceStatus;
  readonly body: string;
  readonly affected: readonly AffectedComponent[];
}

export interface ScheduledMaintenance {
  /** The window's id from the config. */
  readonly id: string;
  readonly title: string;
  readonly status: MaintenanceStatus;
  /** When the window was first published (the source first saw it in the config). */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The window (Statuspage's scheduled_for / scheduled_until). */
  readonly scheduledFor: string;
  readonly scheduledUntil: string;
  /** When the work started (the window opened, or was published if later); null while scheduled. */
  readonly startedAt: string | null;
  /** When it completed; null until then. */
  readonly completedAt: string | null;
  /** Component ids: networks covered whole, and the covered endpoints. */
  readonly components: readonly string[];
  /** Oldest first. */
  readonly updates: readonly MaintenanceUpdate[];
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
  /** In progress first, then scheduled (soonest first), then completed (newest first). */
  readonly maintenances: readonly ScheduledMaintenance[];
  /** Page-wide notes (e.g. a probe region stopped reporting). */
  readonly notes: readonly string[];
  /** Days in the uptime window. */
  readonly uptimeDays: number;
}
