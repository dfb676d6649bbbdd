// history.json: daily uptime per component over the window, and every
// incident in it. Vantage's own shape (Statuspage's public API has no uptime
// history); versioned so readers can rely on it.
import type { Incident, StatusModel, UptimeHistory } from '../status-model.ts';

const HISTORY_SCHEMA_VERSION = 1;

export interface HistoryComponent {
  readonly id: string;
  readonly name: string;
  /** The network (group) id for endpoints; null for networks. */
  readonly group_id: string | null;
  readonly status: string;
  /** Mean daily uptime over the days with data, 0..1; null without data. */
  readonly uptime: number | null;
  readonly days: readonly { readonly date: string; readonly uptime: number | null }[];
}

export interface HistoryDocument {
  readonly schemaVersion: typeof HISTORY_SCHEMA_VERSION;
  readonly title: string;
  readonly generated_at: string;
  readonly window_days: number;
  readonly components: readonly HistoryComponent[];
  readonly incidents: readonly HistoryIncident[];
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

export function renderHistory(model: StatusModel): HistoryDocument {
  return {
    schemaVersion: HISTORY_SCHEMA_VERSION,
    title: model.title,
    generated_at: model.generatedAt,
    window_days: model.uptimeDays,
    components: model.networks.flatMap((n) => [
      component(n.id, n.name, null, n.status, n.uptime),
      ...n.endpoints.map((e) => component(e.id, e.name, n.id, e.status, e.uptime)),
    ]),
    incidents: model.incidents.map(incident),
  };
}

/** Ratios rounded to 6 digits: a day has at most 1,440 one-minute results. */
const round = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

function component(id: string, name: string, group: string | null, status: string, uptime: UptimeHistory): HistoryComponent {
  return { id, name, group_id: group, status, uptime: round(uptime.ratio), days: uptime.days.map((d) => ({ date: d.date, uptime: round(d.ratio) })) };
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
