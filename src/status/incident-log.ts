// Turns a stream of observations per component into incidents: one opens when
// a component leaves `operational`, gets an update whenever what is wrong
// changes (not when a number in it moves: a lag growing from 5 to 6 blocks is
// not news) or a probe region starts or stops seeing it, and resolves when the
// component is operational again. Maintenance is planned: it opens nothing,
// and an incident already open waits, untouched, for the window to end. Both
// the local history (one observation per round) and the central function (one
// per alarm transition) drive the same log, so incidents read the same.
import { createHash } from 'node:crypto';
import { impactOf, STATUS_LABEL, worstImpact, type ComponentStatus } from './component-status.ts';
import type { Observation } from './public-findings.ts';
import type { Incident, IncidentUpdate } from './status-model.ts';
import { listWords, spanWords } from './time-words.ts';

export interface ComponentRef {
  readonly id: string;
  readonly name: string;
  /** The network it belongs to; null for a network itself. */
  readonly network: string | null;
}

export interface ComponentTrack {
  readonly status: ComponentStatus;
  readonly key: string;
  readonly detail: string | null;
  readonly since: string;
  readonly incidentId: string | null;
  /** Regions that saw the finding at the last observation; null when the source cannot tell. */
  readonly regions?: readonly string[] | null;
}

export interface IncidentLogState {
  readonly tracks: Record<string, ComponentTrack>;
  /** Oldest first. */
  readonly incidents: Incident[];
}

/** Longer incidents keep their first update and the newest ones. */
const MAX_UPDATES_PER_INCIDENT = 50;
/** Incidents kept beyond which the oldest resolved ones are dropped. */
const MAX_INCIDENTS = 500;

export function emptyIncidentLog(): IncidentLogState {
  return { tracks: {}, incidents: [] };
}

/**
 * Records what was seen of `component` at `at` (ISO-8601). `where` says who
 * saw it ("seen from eu-west-1"). Mutates and returns `state`.
 */
export function observe(state: IncidentLogState, component: ComponentRef, seen: Observation, at: string, where: string): IncidentLogState {
  const previous = state.tracks[component.id];
  const before: ComponentStatus = previous?.status ?? 'operational';
  const sameFinding = previous !== undefined && previous.status === seen.status && previous.key === seen.key;
  const open = previous?.incidentId ? state.incidents.find((i) => i.id === previous.incidentId) ?? null : null;
  const regions = seen.regions ?? null;
  const label = component.network ? `${component.name} (${component.network})` : component.name;
  const affected = [{ id: component.id, name: component.name, oldStatus: before, newStatus: seen.status }];

  if (sameFinding) {
    // Same problem: keep the latest numbers for the page; an update only when the regions seeing it change.
    const moved = regionChange(previous.regions ?? null, regions);
    if (open && moved && seen.status !== 'under_maintenance') {
      const body = `${label}: ${seen.detail ?? STATUS_LABEL[seen.status].toLowerCase()}, ${where} (${moved}).`;
      replace(state, appendUpdate(open, 'investigating', at, body, []));
    }
    state.tracks[component.id] = { ...previous, detail: seen.detail, regions };
    return state;
  }

  if (seen.status === 'under_maintenance') {
    // Planned work opens no incident; one already open stays open until the window ends.
    state.tracks[component.id] = {
      status: seen.status, key: seen.key, detail: seen.detail, since: before === seen.status && previous ? previous.since : at,
      incidentId: previous?.incidentId ?? null, regions: null,
    };
    return state;
  }

  if (seen.status === 'operational') {
    if (open) {
      const body = `${label} is operational again after ${duration(open.startedAt, at)}.`;
      replace(state, appendUpdate({ ...open, resolvedAt: at }, 'resolved', at, body, affected));
    }
    state.tracks[component.id] = { status: 'operational', key: '', detail: null, since: at, incidentId: null, regions };
    return state;
  }

  const sentence = `${label}: ${seen.detail ?? STATUS_LABEL[seen.status].toLowerCase()}, ${where}.`;
  let incident: Incident;
  if (open) {
    const body = before === seen.status ? sentence : `Now ${STATUS_LABEL[seen.status].toLowerCase()}. ${sentence}`;
    incident = appendUpdate(open, 'investigating', at, body, affected);
    incident = { ...incident, impact: worstImpact(incident.impact, impactOf(seen.status)) };
    incident = { ...incident, title: titleOf(component, incident.impact) };
    replace(state, incident);
  } else {
    const id = incidentId(component.id, at);
    const impact = impactOf(seen.status);
    incident = appendUpdate(
      { id, title: titleOf(component, impact), impact, startedAt: at, resolvedAt: null, updatedAt: at, components: [component.id], updates: [] },
      'investigating', at, sentence, affected,
    );
    state.incidents.push(incident);
  }
  state.tracks[component.id] = {
    status: seen.status,
    key: seen.key,
    detail: seen.detail,
    since: before === seen.status && previous ? previous.since : at,
    incidentId: incident.id,
    regions,
  };
  return state;
}

/** "us-east-1 sees it too; eu-west-1 no longer sees it", or null when the regions are the same (or unknown). */
function regionChange(before: readonly string[] | null, after: readonly string[] | null): string | null {
  if (before === null || after === null) return null;
  const joined = after.filter((r) => !before.includes(r));
  const left = before.filter((r) => !after.includes(r));
  const parts = [
    joined.length ? `${listWords(joined)} ${joined.length === 1 ? 'sees' : 'see'} it too` : null,
    left.length ? `${listWords(left)} no longer ${left.length === 1 ? 'sees' : 'see'} it` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join('; ') : null;
}

/** Drops resolved incidents that ended before `cutoff` (ISO-8601), and the oldest past MAX_INCIDENTS. */
export function pruneIncidents(state: IncidentLogState, cutoff: string): IncidentLogState {
  const cut = Date.parse(cutoff);
  let kept = state.incidents.filter((i) => i.resolvedAt === null || Date.parse(i.resolvedAt) >= cut);
  if (kept.length > MAX_INCIDENTS) {
    const surplus = kept.length - MAX_INCIDENTS;
    let dropped = 0;
    kept = kept.filter((i) => (i.resolvedAt !== null && dropped < surplus ? (dropped++, false) : true));
  }
  state.incidents.splice(0, state.incidents.length, ...kept);
  return state;
}

const IMPACT_WORDS = { none: 'no impact', minor: 'degraded performance', major: 'partial outage', critical: 'major outage' } as const;

function titleOf(component: ComponentRef, impact: Incident['impact']): string {
  const where = component.network ? `${component.name} on ${component.network}` : component.name;
  return `${where}: ${IMPACT_WORDS[impact]}`;
}

function appendUpdate(incident: Incident, status: IncidentUpdate['status'], at: string, body: string, affected: IncidentUpdate['affected']): Incident {
  const update: IncidentUpdate = { id: `${incident.id}-${nextUpdateNumber(incident)}`, at, status, body, affected };
  let updates = [...incident.updates, update];
  if (updates.length > MAX_UPDATES_PER_INCIDENT) updates = [updates[0]!, ...updates.slice(-(MAX_UPDATES_PER_INCIDENT - 1))];
  return { ...incident, updates, updatedAt: at };
}

/** Update ids stay unique even after old updates were trimmed. */
function nextUpdateNumber(incident: Incident): number {
  const last = incident.updates[incident.updates.length - 1];
  return last ? Number(last.id.slice(last.id.lastIndexOf('-') + 1)) + 1 : 1;
}

function replace(state: IncidentLogState, incident: Incident): void {
  const index = state.incidents.findIndex((i) => i.id === incident.id);
  if (index >= 0) state.incidents[index] = incident;
}

/** Stable across renders and restarts: the same component and start give the same id. */
export function incidentId(componentId: string, startedAt: string): string {
  return createHash('sha256').update(`${componentId}@${startedAt}`).digest('hex').slice(0, 12);
}

export function duration(fromIso: string, toIso: string): string {
  return spanWords(Date.parse(toIso) - Date.parse(fromIso));
}
