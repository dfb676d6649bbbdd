// The central status model: CloudWatch alarm states, alarm history, the
// regions behind firing alarms and metric series in (as plain data,
// alarm-sources.ts), the StatusModel out. Alarm names parse back with
// parseAlarmName, so the page follows exactly the alarms infra/ built from the
// same config. What happened over time is replayed by alarm-timeline.ts
// (maintenance windows included: an alarm may fire inside one, its actions
// suppressed, but the component shows maintenance and no incident opens);
// this file adds what each region sees now, uptime and the charts.
import { parseAlarmName, type AlarmKind } from '../alarms/alarm-names.ts';
import type { AlarmSources, UptimeSeries } from './alarm-sources.ts';
import { replayComponents, watchedAlarms, type Watched } from './alarm-timeline.ts';
import { assembleModel, type ComponentView } from './assemble-model.ts';
import { utcDay } from './daily-uptime.ts';
import { endpointComponentId } from './page-layout.ts';
import { chartsFromRegions } from './region-charts.ts';
import { regionView, type RegionEffect } from './region-view.ts';
import type { RegionView, StatusModel } from './status-model.ts';

export type { AlarmSnapshot, AlarmSources, AlarmState, AlarmTransition, RegionSighting, UptimeSeries } from './alarm-sources.ts';
export { isPageAlarm } from './alarm-timeline.ts';

/**
 * How an endpoint alarm places the regions it is in breach in: the kinds
 * whose per-region metric the status function reads (alarm-regions.ts: Up,
 * HeightLag, FinalityLag, ArrivalDelay). The rest have no per-region metric
 * (certificate days and failing addresses are published region-less): they
 * degrade the endpoint, said without regions, and leave what each region
 * sees alone — a firing alarm without regions would otherwise make every
 * region "unknown" (region-view.ts).
 */
const REGION_EFFECT: Readonly<Partial<Record<AlarmKind, RegionEffect>>> = {
  outage: 'down',
  regional: 'down',
  lagging: 'degraded',
  'finality-lagging': 'degraded',
  'late-blocks': 'degraded',
};

export function modelFromAlarms(sources: AlarmSources): StatusModel {
  const watched = watchedAlarms(sources);
  const silent: string[] = [];
  const notes: string[] = [];
  for (const alarm of sources.alarms) {
    const subject = parseAlarmName(sources.namespace, alarm.name);
    if (subject?.kind === 'heartbeat' && alarm.state === 'ALARM' && subject.region) {
      silent.push(subject.region);
      notes.push(`Probes in ${subject.region} stopped reporting (noticed ${alarm.updatedAt.slice(0, 16).replace('T', ' ')} UTC): statuses may be out of date.`);
    }
  }
  const log = replayComponents(sources, watched);
  const endpoints = new Map<string, ComponentView>();
  const networks = new Map<string, ComponentView>();
  for (const [id, track] of Object.entries(log.tracks)) {
    const view = { status: track.status, detail: track.detail, since: track.since };
    (id.includes('/') ? endpoints : networks).set(id, view);
  }
  const nowMs = Date.parse(sources.now);
  return assembleModel({
    layout: sources.layout,
    generatedAt: sources.now,
    endpoints,
    networks,
    uptime: endpointUptime(sources.uptime),
    charts: chartsFromRegions(sources.charts ?? [], nowMs),
    regions: currentRegions(sources, watched, silent),
    incidents: log.incidents,
    maintenanceFirstSeen: sources.maintenanceFirstSeen,
    notes,
    knownSince: sources.historyStart,
  });
}

/** Per endpoint on the page, what each configured region sees now. */
function currentRegions(sources: AlarmSources, watched: ReadonlyMap<string, Watched>, silent: readonly string[]): Map<string, RegionView> {
  const out = new Map<string, RegionView>();
  if (sources.layout.regions.length === 0) return out;
  const firing = sources.alarms.filter((a) => a.state === 'ALARM' && watched.has(a.name));
  for (const network of sources.layout.networks) {
    for (const endpoint of network.endpoints) {
      const id = endpointComponentId(network.id, endpoint);
      const mine = firing
        .map((a) => ({ alarm: a, effect: REGION_EFFECT[watched.get(a.name)!.kind] }))
        .filter((x) => watched.get(x.alarm.name)!.component.id === id && x.effect !== undefined)
        .map((x) => ({ effect: x.effect!, regions: x.alarm.regions }));
      out.set(id, regionView(sources.layout.regions, mine, silent));
    }
  }
  return out;
}

/** Per endpoint and day, the mean over the probe regions that reported that day. */
function endpointUptime(series: readonly UptimeSeries[]): Map<string, Map<string, number>> {
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
  return new Map([...sums].map(([id, days]) => [id, new Map([...days].map(([d, [sum, n]]) => [d, sum / n]))]));
}
