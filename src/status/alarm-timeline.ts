// Replays what happened to each component on the page, in time order,
// through the incident log: alarms going on and off (from their history),
// the regions in breach changing while they fire, and maintenance windows
// opening and closing. While a window covering the component is open it is
// under maintenance whatever fires; otherwise its status is the worst of the
// public alarms firing for it, in the words of alarm-words.ts.
import { coversEndpoint, coversNetwork, type ResolvedMaintenance } from '../config/maintenance.ts';
import { parseAlarmName, type AlarmKind } from '../alarms/alarm-names.ts';
import type { AlarmSources, RegionSighting } from './alarm-sources.ts';
import { worstComponentStatus, type ComponentStatus } from './component-status.ts';
import { emptyIncidentLog, observe, type ComponentRef, type IncidentLogState } from './incident-log.ts';
import { coveringWindow, maintenanceDetail } from './maintenance-schedule.ts';
import { endpointComponentId, isOnPage, type PageLayout, type PageNetwork } from './page-layout.ts';
import { alarmFigure, alarmPhrase, pageStatusOf } from './alarm-words.ts';
import type { Observation } from './public-findings.ts';
import { listWords } from './time-words.ts';

export interface Watched {
  readonly alarm: string;
  readonly kind: AlarmKind;
  readonly component: ComponentRef;
  readonly endpoint: string | undefined;
}

/** Whether an alarm can change the page: a public kind on a network or endpoint the page shows. */
export function isPageAlarm(namespace: string, layout: PageLayout, name: string): boolean {
  const subject = parseAlarmName(namespace, name);
  if (!subject || !pageStatusOf(subject.kind) || subject.account || !subject.network) return false;
  return isOnPage(layout, subject.network, subject.endpoint);
}

export function watchedAlarms(sources: AlarmSources): Map<string, Watched> {
  const watched = new Map<string, Watched>();
  const names = new Set([...sources.alarms.map((a) => a.name), ...sources.transitions.map((t) => t.name)]);
  for (const name of names) {
    if (!isPageAlarm(sources.namespace, sources.layout, name)) continue;
    const subject = parseAlarmName(sources.namespace, name)!;
    const component: ComponentRef = subject.endpoint
      ? { id: endpointComponentId(subject.network!, subject.endpoint), name: subject.endpoint, network: subject.network! }
      : { id: subject.network!, name: subject.network!, network: null };
    watched.set(name, { alarm: name, kind: subject.kind, component, endpoint: subject.endpoint });
  }
  return watched;
}

type TimelineEvent =
  | { readonly type: 'alarm'; readonly alarm: string; readonly at: string; readonly active: boolean; readonly value: number | null; readonly current: boolean }
  | { readonly type: 'regions'; readonly alarm: string; readonly at: string; readonly regions: readonly string[] }
  | { readonly type: 'window'; readonly at: string };

/**
 * Replays each component's alarm events, region changes and maintenance
 * window edges in time order through the incident log.
 */
export function replayComponents(sources: AlarmSources, watched: ReadonlyMap<string, Watched>): IncidentLogState {
  const log = emptyIncidentLog();
  const timelines = new Map<string, { component: ComponentRef; endpoint: string | undefined; events: TimelineEvent[] }>();
  const timeline = (component: ComponentRef, endpoint: string | undefined) => {
    const entry = timelines.get(component.id) ?? { component, endpoint, events: [] };
    timelines.set(component.id, entry);
    return entry.events;
  };
  for (const event of alarmEvents(sources, watched)) timeline(watched.get(event.alarm)!.component, watched.get(event.alarm)!.endpoint).push({ type: 'alarm', ...event });
  for (const s of sources.regionSightings ?? []) {
    const w = watched.get(s.alarm);
    if (w) timeline(w.component, w.endpoint).push({ type: 'regions', ...s });
  }
  const nowMs = Date.parse(sources.now);
  for (const network of sources.layout.networks) {
    const components: [ComponentRef, string | undefined][] = [
      [{ id: network.id, name: network.id, network: null }, undefined],
      ...network.endpoints.map((e): [ComponentRef, string] => [{ id: endpointComponentId(network.id, e), name: e, network: network.id }, e]),
    ];
    for (const [component, endpoint] of components) {
      for (const edge of windowEdges(sources.layout.maintenance, network.id, endpoint, nowMs)) timeline(component, endpoint).push({ type: 'window', at: edge });
    }
  }
  const windows = sources.layout.maintenance;
  for (const { component, endpoint, events } of timelines.values()) {
    const active = new Map<string, number | null>();
    const regionsOf = new Map<string, readonly string[]>();
    const sightings = (alarm: string) => (sources.regionSightings ?? []).filter((s) => s.alarm === alarm);
    for (const event of events.sort((a, b) => a.at.localeCompare(b.at))) {
      if (event.type === 'alarm') {
        if (event.active) {
          // What the status function read now (regions, the breakdown's figure) belongs to the episode firing now only.
          const now = event.current ? sources.alarms.find((a) => a.name === event.alarm) : undefined;
          active.set(event.alarm, event.value ?? now?.value ?? null);
          regionsOf.set(event.alarm, regionsAt(sightings(event.alarm), event.at) ?? now?.regions ?? []);
        } else {
          active.delete(event.alarm);
        }
      } else if (event.type === 'regions') {
        regionsOf.set(event.alarm, event.regions);
      }
      const window = coveringWindow(windows, Date.parse(event.at), component.network ?? component.id, component.network ? endpoint : undefined);
      const firing = [...active].map(([alarm, value]) => ({ ...watched.get(alarm)!, value, regions: regionsOf.get(alarm) ?? [] }));
      const network = sources.layout.networks.find((n) => n.id === (component.network ?? component.id));
      observe(log, component, window ? maintenanceObservation(window) : firingObservation(firing, network), event.at, whereWords(firing));
    }
  }
  return log;
}

/** Start and end of each window covering the component, up to now. */
function windowEdges(windows: readonly ResolvedMaintenance[], network: string, endpoint: string | undefined, nowMs: number): string[] {
  return windows
    .filter((w) => (endpoint === undefined ? coversNetwork(w, network) : coversEndpoint(w, network, endpoint)))
    .flatMap((w) => [w.startMs, w.endMs])
    .filter((ms) => ms <= nowMs)
    .map((ms) => new Date(ms).toISOString());
}

function maintenanceObservation(window: ResolvedMaintenance): Observation {
  return { status: 'under_maintenance', key: `maintenance:${window.id}`, detail: maintenanceDetail(window) };
}

type Firing = Watched & { value: number | null; regions: readonly string[] };

function firingObservation(firing: readonly Firing[], network: PageNetwork | undefined): Observation {
  const status = worstComponentStatus(firing.map((f) => pageStatusOf(f.kind)!));
  const regions = [...new Set(firing.flatMap((f) => f.regions))].sort();
  // Two alarms can say the same (slow blocks and the cadence band both read BlockInterval): once.
  const phrases = [...new Set([...firing].sort((a, b) => a.kind.localeCompare(b.kind)).map((f) => alarmPhrase(f, network)))];
  return {
    status,
    key: firing.map((f) => f.kind).sort().join(','),
    detail: firing.length ? phrases.join('; ') : null,
    regions,
  };
}

function whereWords(firing: readonly Firing[]): string {
  const regions = [...new Set(firing.flatMap((f) => f.regions))].sort();
  return regions.length ? `seen from ${listWords(regions)}` : 'seen by the probes';
}

/** The regions of the last sighting at or before `at` (else the first one); null without sightings. */
function regionsAt(sightings: readonly RegionSighting[], at: string): readonly string[] | null {
  if (sightings.length === 0) return null;
  const before = sightings.filter((s) => s.at <= at);
  return (before[before.length - 1] ?? sightings[0]!).regions;
}

interface AlarmEvent {
  readonly alarm: string;
  readonly at: string;
  readonly active: boolean;
  /** The alarm's own figure at the time (alarm-words.ts: null for judgement kinds). */
  readonly value: number | null;
  /** It starts the episode firing now (the snapshot's regions and figure are this episode's). */
  readonly current: boolean;
}

/**
 * Alarm history as on/off events. History is missing for new deployments and
 * older than CloudWatch keeps it: an alarm whose first known transition
 * leaves ALARM was already firing at the window's start, and an alarm firing
 * now with no history fired when its state last changed.
 */
function alarmEvents(sources: AlarmSources, watched: ReadonlyMap<string, Watched>): AlarmEvent[] {
  const events: AlarmEvent[] = [];
  for (const [name, { kind }] of watched) {
    const transitions = sources.transitions.filter((t) => t.name === name).sort((a, b) => a.at.localeCompare(b.at));
    const snapshot = sources.alarms.find((a) => a.name === name);
    const mine: AlarmEvent[] = [];
    if (transitions[0]?.from === 'ALARM') mine.push({ alarm: name, at: sources.historyStart, active: true, value: null, current: false });
    for (const t of transitions) if ((t.to === 'ALARM') !== (t.from === 'ALARM')) mine.push({ alarm: name, at: t.at, active: t.to === 'ALARM', value: alarmFigure(kind, t.value), current: false });
    const lastKnown = transitions.length ? transitions[transitions.length - 1]!.to === 'ALARM' : false;
    if (snapshot && (snapshot.state === 'ALARM') !== lastKnown) {
      const at = transitions.length && snapshot.updatedAt < transitions[transitions.length - 1]!.at ? transitions[transitions.length - 1]!.at : snapshot.updatedAt;
      mine.push({ alarm: name, at, active: snapshot.state === 'ALARM', value: snapshot.value, current: false });
    }
    const last = mine[mine.length - 1];
    if (snapshot?.state === 'ALARM' && last?.active) mine[mine.length - 1] = { ...last, current: true };
    events.push(...mine);
  }
  return events;
}
