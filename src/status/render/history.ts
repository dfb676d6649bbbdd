// history.json: daily uptime per component over the window (with the time
// maintenance took out of it), each endpoint's response-time and lag series
// and what each probe region sees, every incident and maintenance window.
// Vantage's own shape (Statuspage's public API has no uptime history);
// versioned so readers can rely on it: fields are only ever added.
import type { EndpointCharts, Incident, RegionView, ScheduledMaintenance, StatusModel, TimeSeries, UptimeHistory } from '../status-model.ts';

const HISTORY_SCHEMA_VERSION = 1;

export interface HistorySeries {
  readonly start: string;
  readonly step_seconds: number;
  readonly values: readonly (number | null)[];
}

export interface HistoryComponent {
  readonly id: string;
  readonly name: string;
  /** The network (group) id for endpoints; null for networks. */
  readonly group_id: string | null;
  readonly status: string;
  /** Mean daily uptime over the days with data, 0..1; null without data. */
  readonly uptime: number | null;
  readonly days: readonly { readonly date: string; readonly uptime: number | null; readonly maintenance_ms: number }[];
  /** Endpoints only: probe regions by what they see now (null with one vantage point). */
  readonly regions?: RegionView | null;
  /** Endpoints only: median time to first byte (ms) and largest lag (blocks), per hour over 24 h and per day over the window. */
  readonly series?: {
    readonly response_ms: { readonly hourly: HistorySeries; readonly daily: HistorySeries };
    readonly lag_blocks: { readonly hourly: HistorySeries; readonly daily: HistorySeries };
  };
}

export interface HistoryDocument {
  readonly schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  readonly title: string;
  readonly generated_at: string;
  readonly window_days: number;
  readonly components: readonly HistoryComponent[];
  readonly incidents: readonly HistoryIncident[];
  readonly maintenances: readonly HistoryMaintenance[];
}

export interface HistoryIncident {
  readonly id: string;
  readonly name: string;
  readonly impact: string;
  readonly started_at: string;
  readonly resolved_at: string | null;
  readonly components: readonly string[];
  readonly updates: readonly { readonly at: string; readonly status: string; readonly body: string }[];
}

export interface HistoryMaintenance {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly scheduled_for: string;
  readonly scheduled_until: string;
  readonly started_at: string | null;
  readonly completed_at: string | null;
  readonly components: readonly string[];
}

export function renderHistory(model: StatusModel): HistoryDocument {
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    title: model.title,
    generated_at: model.generatedAt,
    window_days: model.uptimeDays,
    components: model.networks.flatMap((n) => [
      component(n.id, n.name, null, n.status, n.uptime),
      ...n.endpoints.map((e) => ({ ...component(e.id, e.name, n.id, e.status, e.uptime), regions: e.regions, series: series(e.charts) })),
    ]),
    incidents: model.incidents.map(incident),
    maintenances: model.maintenances.map(maintenance),
  };
}

/** Ratios rounded to 6 digits: a day has at most 1,440 one-minute results. */
const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);
/** Milliseconds and blocks to one decimal. */
const tenth = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

function component(id: string, name: string, group: string | null, status: string, uptime: UptimeHistory): HistoryComponent {
  return {
    id, name, group_id: group, status, uptime: round(uptime.ratio),
    days: uptime.days.map((d) => ({ date: d.date, uptime: round(d.ratio), maintenance_ms: d.maintenanceMs })),
  };
}

function timeSeries(s: TimeSeries): HistorySeries {
  return { start: s.start, step_seconds: s.stepSeconds, values: s.values.map(tenth) };
}

function series(charts: EndpointCharts): HistoryComponent['series'] {
  return {
    response_ms: { hourly: timeSeries(charts.responseMs.hourly), daily: timeSeries(charts.responseMs.daily) },
    lag_blocks: { hourly: timeSeries(charts.lagBlocks.hourly), daily: timeSeries(charts.lagBlocks.daily) },
  };
}

function incident(i: Incident): HistoryIncident {
  return {
    id: i.id,
    name: i.title,
    impact: i.impact,
    started_at: i.startedAt,
    resolved_at: i.resolvedAt,
    components: i.components,
    updates: i.updates.map((u) => ({ at: u.at, status: u.status, body: u.body })),
  };
}

function maintenance(m: ScheduledMaintenance): HistoryMaintenance {
  return {
    id: m.id,
    name: m.title,
    status: m.status,
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
    started_at: m.startedAt,
    completed_at: m.completedAt,
    components: m.components,
  };
}
