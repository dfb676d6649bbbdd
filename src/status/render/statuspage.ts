// The Statuspage v2 public API shape (api/v2/summary.json, status.json,
// components.json, incidents.json), so widgets, aggregators and tools that
// already read Statuspage pages read ours. Field set as served by live
// Statuspage pages: every field present, null where it does not apply.
import type { ComponentStatus } from '../component-status.ts';
import type { Incident, MaintenanceStatus, ScheduledMaintenance, StatusModel } from '../status-model.ts';
import { incidentLink, maintenanceLink, pageId, type RenderOptions } from './render-options.ts';

export interface StatuspagePage {
  readonly id: string;
  readonly name: string;
  readonly url: string;
  readonly time_zone: string;
  readonly updated_at: string;
}

export interface StatuspageComponent {
  readonly id: string;
  readonly name: string;
  readonly status: ComponentStatus;
  readonly created_at: string;
  readonly updated_at: string;
  readonly position: number;
  readonly description: string | null;
  readonly showcase: boolean;
  readonly start_date: string | null;
  readonly group_id: string | null;
  readonly page_id: string;
  readonly group: boolean;
  readonly only_show_if_degraded: boolean;
  /** Only on groups: the ids of their members. */
  readonly components?: readonly string[];
}

export interface StatuspageIncidentUpdate {
  readonly id: string;
  readonly status: string;
  readonly body: string;
  readonly incident_id: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly display_at: string;
  readonly affected_components: readonly { code: string; name: string; old_status: ComponentStatus; new_status: ComponentStatus }[];
  readonly deliver_notifications: boolean;
  readonly custom_tweet: null;
  readonly tweet_id: null;
}

export interface StatuspageIncident {
  readonly id: string;
  readonly name: string;
  readonly status: 'investigating' | 'resolved';
  readonly created_at: string;
  readonly updated_at: string;
  readonly monitoring_at: null;
  readonly resolved_at: string | null;
  readonly impact: string;
  readonly shortlink: string;
  readonly started_at: string;
  readonly page_id: string;
  /** Newest first, as Statuspage lists them. */
  readonly incident_updates: readonly StatuspageIncidentUpdate[];
  readonly components: readonly StatuspageComponent[];
  readonly reminder_intervals: null;
}

export interface StatuspageMaintenanceUpdate extends Omit<StatuspageIncidentUpdate, 'status' | 'affected_components'> {
  readonly status: MaintenanceStatus;
  /** null when the update changed no component (Statuspage's scheduled update). */
  readonly affected_components: StatuspageIncidentUpdate['affected_components'] | null;
}

/** A scheduled maintenance: the incident's fields plus the window, impact "maintenance". */
export interface StatuspageMaintenance {
  readonly id: string;
  readonly name: string;
  readonly status: MaintenanceStatus;
  readonly created_at: string;
  readonly updated_at: string;
  readonly monitoring_at: null;
  readonly resolved_at: string | null;
  readonly impact: 'maintenance';
  readonly shortlink: string;
  readonly started_at: string;
  readonly page_id: string;
  /** Newest first. */
  readonly incident_updates: readonly StatuspageMaintenanceUpdate[];
  readonly components: readonly StatuspageComponent[];
  readonly scheduled_for: string;
  readonly scheduled_until: string;
}

export interface StatuspageStatus {
  readonly indicator: StatusModel['indicator'];
  readonly description: string;
}

/** Statuspage lists at most this many incidents in incidents.json, and maintenances in scheduled-maintenances.json. */
const INCIDENTS_JSON_LIMIT = 50;
const MAINTENANCES_JSON_LIMIT = 50;

function statuspagePage(model: StatusModel, options: RenderOptions): StatuspagePage {
  return { id: pageId(model.title), name: model.title, url: options.pageUrl ?? '', time_zone: 'Etc/UTC', updated_at: model.generatedAt };
}

function statuspageComponents(model: StatusModel): StatuspageComponent[] {
  const page = pageId(model.title);
  // Field order as Statuspage serves it, for people diffing the two.
  const component = (c: { id: string; name: string; status: ComponentStatus; updatedAt: string; position: number; description: string | null; groupId: string | null; members?: readonly string[] }): StatuspageComponent => ({
    id: c.id,
    name: c.name,
    status: c.status,
    created_at: model.knownSince,
    updated_at: c.updatedAt,
    position: c.position,
    description: c.description,
    showcase: false,
    start_date: null,
    group_id: c.groupId,
    page_id: page,
    group: c.members !== undefined,
    only_show_if_degraded: false,
    ...(c.members !== undefined ? { components: c.members } : {}),
  });
  return model.networks.flatMap((network, n): StatuspageComponent[] => [
    component({
      id: network.id,
      name: network.name,
      status: network.status,
      updatedAt: network.since,
      position: n + 1,
      description: network.detail ?? `${network.chain} network`,
      groupId: null,
      members: network.endpoints.map((e) => e.id),
    }),
    ...network.endpoints.map((endpoint, e) => component({
      id: endpoint.id,
      name: endpoint.name,
      status: endpoint.status,
      updatedAt: endpoint.since,
      position: e + 1,
      description: endpoint.detail,
      groupId: network.id,
    })),
  ]);
}

function statuspageIncident(model: StatusModel, incident: Incident, options: RenderOptions, components: readonly StatuspageComponent[]): StatuspageIncident {
  const page = pageId(model.title);
  return {
    id: incident.id,
    name: incident.title,
    status: incident.resolvedAt ? 'resolved' : 'investigating',
    created_at: incident.startedAt,
    updated_at: incident.updatedAt,
    monitoring_at: null,
    resolved_at: incident.resolvedAt,
    impact: incident.impact,
    shortlink: incidentLink(options, incident.id),
    started_at: incident.startedAt,
    page_id: page,
    incident_updates: [...incident.updates].reverse().map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: incident.id,
      created_at: u.at,
      updated_at: u.at,
      display_at: u.at,
      affected_components: u.affected.map((a) => ({ code: a.id, name: a.name, old_status: a.oldStatus, new_status: a.newStatus })),
      deliver_notifications: false,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: components.filter((c) => incident.components.includes(c.id)),
    reminder_intervals: null,
  };
}

function statuspageMaintenance(model: StatusModel, m: ScheduledMaintenance, options: RenderOptions, components: readonly StatuspageComponent[]): StatuspageMaintenance {
  return {
    id: m.id,
    name: m.title,
    status: m.status,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    monitoring_at: null,
    resolved_at: m.completedAt,
    impact: 'maintenance',
    shortlink: maintenanceLink(options, m.id),
    // Statuspage's started_at is when the record began until the work starts.
    started_at: m.startedAt ?? m.createdAt,
    page_id: pageId(model.title),
    incident_updates: [...m.updates].reverse().map((u) => ({
      id: u.id,
      status: u.status,
      body: u.body,
      incident_id: m.id,
      created_at: u.at,
      updated_at: u.at,
      display_at: u.at,
      affected_components: u.affected.length ? u.affected.map((a) => ({ code: a.id, name: a.name, old_status: a.oldStatus, new_status: a.newStatus })) : null,
      deliver_notifications: false,
      custom_tweet: null,
      tweet_id: null,
    })),
    components: components.filter((c) => m.components.includes(c.id)),
    scheduled_for: m.scheduledFor,
    scheduled_until: m.scheduledUntil,
  };
}

function statuspageStatus(model: StatusModel): StatuspageStatus {
  return { indicator: model.indicator, description: model.description };
}

/** api/v2/summary.json: page, components, unresolved incidents, upcoming and in-progress maintenances, status. */
export function renderSummary(model: StatusModel, options: RenderOptions) {
  const components = statuspageComponents(model);
  return {
    page: statuspagePage(model, options),
    components,
    incidents: model.incidents.filter((i) => i.resolvedAt === null).map((i) => statuspageIncident(model, i, options, components)),
    scheduled_maintenances: model.maintenances.filter((m) => m.status !== 'completed').map((m) => statuspageMaintenance(model, m, options, components)),
    status: statuspageStatus(model),
  };
}

/**
 * api/v2/scheduled-maintenances.json (the newest 50, completed ones too,
 * latest window first), and its /upcoming.json (scheduled) and /active.json
 * (in progress) subsets, soonest first.
 */
export function renderMaintenances(model: StatusModel, options: RenderOptions, which: 'all' | 'upcoming' | 'active') {
  const components = statuspageComponents(model);
  const chosen = which === 'all'
    ? [...model.maintenances].sort((a, b) => b.scheduledFor.localeCompare(a.scheduledFor)).slice(0, MAINTENANCES_JSON_LIMIT)
    : model.maintenances.filter((m) => m.status === (which === 'upcoming' ? 'scheduled' : 'in_progress'));
  return { page: statuspagePage(model, options), scheduled_maintenances: chosen.map((m) => statuspageMaintenance(model, m, options, components)) };
}

/** api/v2/status.json: the page and its status only. */
export function renderStatus(model: StatusModel, options: RenderOptions) {
  return { page: statuspagePage(model, options), status: statuspageStatus(model) };
}

export function renderComponents(model: StatusModel, options: RenderOptions) {
  return { page: statuspagePage(model, options), components: statuspageComponents(model) };
}

/** api/v2/incidents.json: the newest incidents, open and resolved. */
export function renderIncidents(model: StatusModel, options: RenderOptions) {
  const components = statuspageComponents(model);
  const newest = [...model.incidents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, INCIDENTS_JSON_LIMIT);
  return { page: statuspagePage(model, options), incidents: newest.map((i) => statuspageIncident(model, i, options, components)) };
}
