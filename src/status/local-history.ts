// The status history `vantage run` keeps from its own reports: what each
// public endpoint looks like now, incidents, and up/total counts per UTC day.
// Plain JSON, so it can be kept in a file across restarts.
import type { Report } from '../report/report.ts';
import { assembleModel, type ComponentView } from './assemble-model.ts';
import { UPTIME_WINDOW_DAYS, uptimeHistory, utcDay, windowDays } from './daily-uptime.ts';
import { emptyIncidentLog, observe, pruneIncidents, type IncidentLogState } from './incident-log.ts';
import { endpointComponentId, type PageLayout } from './page-layout.ts';
import { observeEndpoint, regionWords } from './public-findings.ts';
import type { StatusModel, UptimeHistory } from './status-model.ts';

export const LOCAL_HISTORY_FORMAT = 1;

export interface LocalHistory {
  readonly format: typeof LOCAL_HISTORY_FORMAT;
  readonly startedAt: string;
  lastRoundAt: string | null;
  rounds: number;
  readonly log: IncidentLogState;
  /** Endpoint component id → UTC day → [up, total] probe results. */
  readonly uptime: Record<string, Record<string, [number, number]>>;
}

export function createLocalHistory(now: string): LocalHistory {
  return { format: LOCAL_HISTORY_FORMAT, startedAt: now, lastRoundAt: null, rounds: 0, log: emptyIncidentLog(), uptime: {} };
}

/** Adds one round's report. Mutates and returns `history`. */
export function recordReport(history: LocalHistory, report: Report, layout: PageLayout): LocalHistory {
  const at = report.startedAt;
  const day = utcDay(at);
  for (const network of layout.networks) {
    const seen = report.networks.find((n) => n.id === network.id);
    if (!seen) continue;
    for (const endpointId of network.endpoints) {
      const endpoint = seen.endpoints.find((e) => e.id === endpointId);
      if (!endpoint) continue;
      const id = endpointComponentId(network.id, endpointId);
      const observation = observeEndpoint(endpoint, network);
      observe(history.log, { id, name: endpointId, network: network.id }, observation, at, regionWords(report.region));
      const days = (history.uptime[id] ??= {});
      const counts = (days[day] ??= [0, 0]);
      // Up means answered (not down), like the CloudWatch Up metric.
      if (observation.status !== 'major_outage') counts[0] += 1;
      counts[1] += 1;
    }
  }
  history.lastRoundAt = at;
  history.rounds += 1;
  prune(history, at);
  return history;
}

function prune(history: LocalHistory, now: string): void {
  const keep = new Set(windowDays(now, UPTIME_WINDOW_DAYS));
  for (const days of Object.values(history.uptime)) {
    for (const day of Object.keys(days)) if (!keep.has(day)) delete days[day];
  }
  pruneIncidents(history.log, new Date(Date.parse(now) - UPTIME_WINDOW_DAYS * 86_400_000).toISOString());
}

export function modelFromLocalHistory(history: LocalHistory, layout: PageLayout, now: string): StatusModel {
  const endpoints = new Map<string, ComponentView>();
  for (const [id, track] of Object.entries(history.log.tracks)) {
    endpoints.set(id, { status: track.status, detail: track.detail, since: track.since });
  }
  const uptime = new Map<string, UptimeHistory>();
  for (const [id, days] of Object.entries(history.uptime)) {
    const ratios = new Map(Object.entries(days).filter(([, [, total]]) => total > 0).map(([day, [up, total]]) => [day, up / total] as const));
    uptime.set(id, uptimeHistory(ratios, now));
  }
  return assembleModel({ layout, generatedAt: now, endpoints, uptime, incidents: history.log.incidents, knownSince: history.startedAt });
}
