// The status history `vantage run` keeps from its own reports: what each
// public endpoint looks like now, incidents, up/total counts per UTC day,
// response-time and lag summaries per hour and per day for the charts, and
// when each maintenance window was first seen. Plain JSON, so it can be kept
// in a file across restarts; bounded: 24 hours, 90 days.
import type { Report } from '../report/report.ts';
import { assembleModel, type ComponentView } from './assemble-model.ts';
import { dailySeries, hourlySeries, hourlyStartMs, hourStart } from './chart-series.ts';
import { UPTIME_WINDOW_DAYS, utcDay, windowDays } from './daily-uptime.ts';
import { emptyIncidentLog, observe, pruneIncidents, type IncidentLogState } from './incident-log.ts';
import { coveringWindow, maintenanceDetail, noteWindows } from './maintenance-schedule.ts';
import { endpointComponentId, type PageLayout } from './page-layout.ts';
import { observeEndpoint, regionWords, type Observation } from './public-findings.ts';
import { addSample, medianOf, type ResponseHistogram } from './response-histogram.ts';
import type { EndpointCharts, StatusModel } from './status-model.ts';

export const LOCAL_HISTORY_FORMAT = 1;

/** What the rounds of one hour (or day) measured of one endpoint. */
export interface SampleBucket {
  /** Time to first byte, ms. */
  readonly ttfb: ResponseHistogram;
  /** Largest lag seen, blocks (0 when ahead); null until a round measured one. */
  lag: number | null;
}

export interface EndpointSamples {
  /** By the hour's start (ISO-8601); the last 24 hours. */
  readonly hourly: Record<string, SampleBucket>;
  /** By UTC day (YYYY-MM-DD); the uptime window. */
  readonly daily: Record<string, SampleBucket>;
}

export interface LocalHistory {
  readonly format: typeof LOCAL_HISTORY_FORMAT;
  readonly startedAt: string;
  lastRoundAt: string | null;
  rounds: number;
  readonly log: IncidentLogState;
  /** Endpoint component id → UTC day → [up, total] probe results outside maintenance. */
  readonly uptime: Record<string, Record<string, [number, number]>>;
  /** Endpoint component id → samples for the charts (rounds outside maintenance). */
  readonly samples: Record<string, EndpointSamples>;
  /** Maintenance window id → when this history first saw it in the config (its publication time). */
  readonly maintenanceSeen: Record<string, string>;
}

export function createLocalHistory(now: string): LocalHistory {
  return { format: LOCAL_HISTORY_FORMAT, startedAt: now, lastRoundAt: null, rounds: 0, log: emptyIncidentLog(), uptime: {}, samples: {}, maintenanceSeen: {} };
}

/** Adds one round's report. Mutates and returns `history`. */
export function recordReport(history: LocalHistory, report: Report, layout: PageLayout): LocalHistory {
  const at = report.startedAt;
  const atMs = Date.parse(at);
  const day = utcDay(at);
  noteWindows(history.maintenanceSeen, layout, at);
  for (const network of layout.networks) {
    const seen = report.networks.find((n) => n.id === network.id);
    if (!seen) continue;
    for (const endpointId of network.endpoints) {
      const endpoint = seen.endpoints.find((e) => e.id === endpointId);
      if (!endpoint) continue;
      const id = endpointComponentId(network.id, endpointId);
      const window = coveringWindow(layout.maintenance, atMs, network.id, endpointId);
      const observation: Observation = window
        ? { status: 'under_maintenance', key: `maintenance:${window.id}`, detail: maintenanceDetail(window) }
        : observeEndpoint(endpoint, network);
      observe(history.log, { id, name: endpointId, network: network.id }, observation, at, regionWords(report.region));
      // Planned work is left out of uptime and the charts.
      if (window) continue;
      const days = (history.uptime[id] ??= {});
      const counts = (days[day] ??= [0, 0]);
      // Up means answered (not down), like the CloudWatch Up metric.
      if (observation.status !== 'major_outage') counts[0] += 1;
      counts[1] += 1;
      const samples = (history.samples[id] ??= { hourly: {}, daily: {} });
      for (const bucket of [(samples.hourly[new Date(hourStart(atMs)).toISOString()] ??= emptyBucket()), (samples.daily[day] ??= emptyBucket())]) {
        if (endpoint.timings.ttfbMs !== null) addSample(bucket.ttfb, endpoint.timings.ttfbMs);
        const lag = endpoint.chain?.lagBlocks ?? null;
        if (lag !== null) bucket.lag = Math.max(bucket.lag ?? 0, lag, 0);
      }
    }
  }
  history.lastRoundAt = at;
  history.rounds += 1;
  prune(history, at);
  return history;
}

const emptyBucket = (): SampleBucket => ({ ttfb: {}, lag: null });

function prune(history: LocalHistory, now: string): void {
  const keep = new Set(windowDays(now, UPTIME_WINDOW_DAYS));
  const firstHour = hourlyStartMs(Date.parse(now));
  for (const days of Object.values(history.uptime)) {
    for (const day of Object.keys(days)) if (!keep.has(day)) delete days[day];
  }
  for (const samples of Object.values(history.samples)) {
    for (const hour of Object.keys(samples.hourly)) if (Date.parse(hour) < firstHour) delete samples.hourly[hour];
    for (const day of Object.keys(samples.daily)) if (!keep.has(day)) delete samples.daily[day];
  }
  pruneIncidents(history.log, new Date(Date.parse(now) - UPTIME_WINDOW_DAYS * 86_400_000).toISOString());
}

function chartsOf(samples: EndpointSamples, nowMs: number): EndpointCharts {
  const hour = (ms: number) => samples.hourly[new Date(ms).toISOString()];
  const day = (ms: number) => samples.daily[utcDay(ms)];
  return {
    responseMs: {
      hourly: hourlySeries(nowMs, (ms) => { const b = hour(ms); return b ? medianOf(b.ttfb) : null; }),
      daily: dailySeries(nowMs, (ms) => { const b = day(ms); return b ? medianOf(b.ttfb) : null; }),
    },
    lagBlocks: {
      hourly: hourlySeries(nowMs, (ms) => hour(ms)?.lag ?? null),
      daily: dailySeries(nowMs, (ms) => day(ms)?.lag ?? null),
    },
  };
}

export function modelFromLocalHistory(history: LocalHistory, layout: PageLayout, now: string): StatusModel {
  const nowMs = Date.parse(now);
  const endpoints = new Map<string, ComponentView>();
  for (const [id, track] of Object.entries(history.log.tracks)) {
    endpoints.set(id, { status: track.status, detail: track.detail, since: track.since });
  }
  const uptime = new Map<string, Map<string, number>>();
  for (const [id, days] of Object.entries(history.uptime)) {
    uptime.set(id, new Map(Object.entries(days).filter(([, [, total]]) => total > 0).map(([day, [up, total]]) => [day, up / total] as const)));
  }
  const charts = new Map(Object.entries(history.samples).map(([id, samples]) => [id, chartsOf(samples, nowMs)] as const));
  return assembleModel({
    layout,
    generatedAt: now,
    endpoints,
    uptime,
    charts,
    incidents: history.log.incidents,
    maintenanceFirstSeen: new Map(Object.entries(history.maintenanceSeen)),
    knownSince: history.startedAt,
  });
}
