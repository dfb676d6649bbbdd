// The central status model: CloudWatch alarm states, alarm history and the
// Up metric in (as plain data: the AWS SDK stays in functions/status/), the
// StatusModel out. Alarm names parse back with parseAlarmName, so the page
// follows exactly the alarms infra/ built from the same config.
import { parseAlarmName, type AlarmKind } from '../alarms/alarm-names.ts';
import { assembleModel, type ComponentView } from './assemble-model.ts';
import { worstComponentStatus, type ComponentStatus } from './component-status.ts';
import { uptimeHistory, utcDay } from './daily-uptime.ts';
import { emptyIncidentLog, observe, type ComponentRef } from './incident-log.ts';
import { endpointComponentId, isOnPage, type PageLayout } from './page-layout.ts';
import { formatAge } from './public-findings.ts';
import type { StatusModel, UptimeHistory } from './status-model.ts';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface AlarmSnapshot {
  readonly name: string;
  readonly state: AlarmState;
  /** When the alarm entered its state (ISO-8601). */
  readonly updatedAt: string;
  /** The value behind the state (the worst region's, when known), else null. */
  readonly value: number | null;
  /** Probe regions where the watched metric is in breach now ([] when unknown or OK). */
  readonly regions: readonly string[];
}

export interface AlarmTransition {
  readonly name: string;
  readonly at: string;
  readonly from: AlarmState;
  readonly to: AlarmState;
  readonly value: number | null;
}

export interface UptimeSeries {
  readonly network: string;
  readonly endpoint: string;
  readonly region: string;
  /** Daily mean of Up (0..1), by UTC day. */
  readonly days: ReadonlyMap<string, number>;
}

export interface AlarmSources {
  readonly namespace: string;
  readonly layout: PageLayout;
  readonly alarms: readonly AlarmSnapshot[];
  readonly transitions: readonly AlarmTransition[];
  readonly uptime: readonly UptimeSeries[];
  readonly now: string;
  /** Start of the alarm history window read (CloudWatch keeps alarm history for a limited time). */
  readonly historyStart: string;
}

/** Alarm kinds shown on the page, and the status each one means. */
const PUBLIC_KINDS: Readonly<Partial<Record<AlarmKind, ComponentStatus>>> = {
  outage: 'major_outage',
  regional: 'partial_outage',
  lagging: 'degraded_performance',
  'tls-expiry': 'degraded_performance',
  'stale-head': 'degraded_performance',
};

interface Watched {
  readonly alarm: string;
  readonly kind: AlarmKind;
  readonly component: ComponentRef;
  readonly regions: readonly string[];
}

/** Whether an alarm can change the page: a public kind on a network or endpoint the page shows. */
export function isPageAlarm(namespace: string, layout: PageLayout, name: string): boolean {
  const subject = parseAlarmName(namespace, name);
  if (!subject || !PUBLIC_KINDS[subject.kind] || subject.account || !subject.network) return false;
  return isOnPage(layout, subject.network, subject.endpoint);
}

export function modelFromAlarms(sources: AlarmSources): StatusModel {
  const watched = new Map<string, Watched>();
  const notes: string[] = [];
  const names = new Set([...sources.alarms.map((a) => a.name), ...sources.transitions.map((t) => t.name)]);
  const regionsOf = new Map(sources.alarms.map((a) => [a.name, a.regions]));
  for (const name of names) {
    if (!isPageAlarm(sources.namespace, sources.layout, name)) continue;
    const subject = parseAlarmName(sources.namespace, name)!;
    if (!subject.network) continue;
    const component: ComponentRef = subject.endpoint
      ? { id: endpointComponentId(subject.network, subject.endpoint), name: subject.endpoint, network: subject.network }
      : { id: subject.network, name: subject.network, network: null };
    watched.set(name, { alarm: name, kind: subject.kind, component, regions: regionsOf.get(name) ?? [] });
  }
  for (const alarm of sources.alarms) {
    const subject = parseAlarmName(sources.namespace, alarm.name);
    if (subject?.kind === 'heartbeat' && alarm.state === 'ALARM') {
      notes.push(`Probes in ${subject.region} stopped reporting (noticed ${alarm.updatedAt.slice(0, 16).replace('T', ' ')} UTC): statuses may be out of date.`);
    }
  }

  const log = emptyIncidentLog();
  const byComponent = new Map<string, { component: ComponentRef; events: AlarmEvent[] }>();
  for (const event of alarmEvents(sources, watched)) {
    const w = watched.get(event.alarm)!;
    const entry = byComponent.get(w.component.id) ?? { component: w.component, events: [] };
    entry.events.push(event);
    byComponent.set(w.component.id, entry);
  }
  for (const { component, events } of byComponent.values()) {
    const active = new Map<string, number | null>();
    for (const event of events.sort((a, b) => a.at.localeCompare(b.at))) {
      if (event.active) active.set(event.alarm, event.value);
      else active.delete(event.alarm);
      const firing = [...active].map(([alarm, value]) => ({ ...watched.get(alarm)!, value }));
      const status = worstComponentStatus(firing.map((f) => PUBLIC_KINDS[f.kind]!));
      const regions = [...new Set(firing.flatMap((f) => f.regions))].sort();
      observe(
        log,
        component,
        {
          status,
          key: firing.map((f) => `${f.kind}@${f.regions.join('+')}`).sort().join(','),
          detail: firing.length ? firing.sort((a, b) => a.kind.localeCompare(b.kind)).map(alarmPhrase).join('; ') : null,
        },
        event.at,
        regions.length ? `seen from ${regions.join(', ')}` : 'seen by the probes',
      );
    }
  }

  const endpoints = new Map<string, ComponentView>();
  const networks = new Map<string, ComponentView>();
  for (const [id, track] of Object.entries(log.tracks)) {
    const view = { status: track.status, detail: track.detail, since: track.since };
    (id.includes('/') ? endpoints : networks).set(id, view);
  }
  return assembleModel({
    layout: sources.layout,
    generatedAt: sources.now,
    endpoints,
    networks,
    uptime: endpointUptime(sources.uptime, sources.now),
    incidents: log.incidents,
    notes,
    knownSince: sources.historyStart,
  });
}

interface AlarmEvent {
  readonly alarm: string;
  readonly at: string;
  readonly active: boolean;
  readonly value: number | null;
}

/**
 * Alarm history as on/off events. History is missing for new deployments and
 * older than CloudWatch keeps it: an alarm whose first known transition
 * leaves ALARM was already firing at the window's start, and an alarm firing
 * now with no history fired when its state last changed.
 */
function alarmEvents(sources: AlarmSources, watched: ReadonlyMap<string, Watched>): AlarmEvent[] {
  const events: AlarmEvent[] = [];
  for (const name of watched.keys()) {
    const transitions = sources.transitions.filter((t) => t.name === name).sort((a, b) => a.at.localeCompare(b.at));
    const snapshot = sources.alarms.find((a) => a.name === name);
    if (transitions[0]?.from === 'ALARM') events.push({ alarm: name, at: sources.historyStart, active: true, value: null });
    for (const t of transitions) if ((t.to === 'ALARM') !== (t.from === 'ALARM')) events.push({ alarm: name, at: t.at, active: t.to === 'ALARM', value: t.value });
    const lastKnown = transitions.length ? transitions[transitions.length - 1]!.to === 'ALARM' : false;
    if (snapshot && (snapshot.state === 'ALARM') !== lastKnown) {
      const at = transitions.length && snapshot.updatedAt < transitions[transitions.length - 1]!.at ? transitions[transitions.length - 1]!.at : snapshot.updatedAt;
      events.push({ alarm: name, at, active: snapshot.state === 'ALARM', value: snapshot.value });
    }
  }
  return events;
}

function alarmPhrase(firing: Watched & { value: number | null }): string {
  const v = firing.value;
  switch (firing.kind) {
    case 'outage':
      return firing.regions.length ? 'not answering' : 'not answering from several probe regions';
    case 'regional':
      return firing.regions.length ? 'not answering' : 'not answering from some probe regions';
    case 'lagging':
      return v !== null ? `${Math.round(v)} blocks behind the network` : 'behind the network';
    case 'tls-expiry':
      return v !== null ? `TLS certificate expires in ${v.toFixed(1)} days` : 'TLS certificate expires soon';
    case 'stale-head':
      return v !== null ? `newest block is ${formatAge(v)} old: the chain may have stalled` : 'no new blocks: the chain may have stalled';
    default:
      return firing.kind;
  }
}

/** Per endpoint and day, the mean over the probe regions that reported that day. */
function endpointUptime(series: readonly UptimeSeries[], now: string): Map<string, UptimeHistory> {
  const sums = new Map<string, Map<string, [number, number]>>();
  for (const s of series) {
    const id = endpointComponentId(s.network, s.endpoint);
    const days = sums.get(id) ?? new Map<string, [number, number]>();
    for (const [day, value] of s.days) {
      if (!Number.isFinite(value)) continue;
      const key = utcDay(`${day}T00:00:00Z`);
      const [sum, count] = days.get(key) ?? [0, 0];
      days.set(key, [sum + value, count + 1]);
    }
    sums.set(id, days);
  }
  const out = new Map<string, UptimeHistory>();
  for (const [id, days] of sums) out.set(id, uptimeHistory(new Map([...days].map(([d, [sum, n]]) => [d, sum / n])), now));
  return out;
}
