// The last step shared by both sources: per-component views, incidents,
// uptime, chart series and region views in, the StatusModel out. Networks
// take their status from their public endpoints (see groupStatus) and from
// network-wide findings; maintenance windows come from the layout.
import { coveredIntervals } from '../config/maintenance.ts';
import {
  groupStatus, indicatorOf, INDICATOR_DESCRIPTION, worstComponentStatus, type ComponentStatus,
} from './component-status.ts';
import { chartsWithoutCovered, emptyCharts } from './chart-series.ts';
import { combineUptime, uptimeHistory, UPTIME_WINDOW_DAYS } from './daily-uptime.ts';
import { scheduledMaintenances } from './maintenance-schedule.ts';
import { endpointComponentId, type PageLayout } from './page-layout.ts';
import type { EndpointCharts, EndpointComponent, Incident, NetworkComponent, RegionView, StatusModel } from './status-model.ts';

export interface ComponentView {
  readonly status: ComponentStatus;
  readonly detail: string | null;
  readonly since: string;
}

export interface ModelParts {
  readonly layout: PageLayout;
  readonly generatedAt: string;
  /** By endpoint component id; missing = operational since `knownSince`. */
  readonly endpoints: ReadonlyMap<string, ComponentView>;
  /** Network-wide findings by network id (e.g. chain stalled). */
  readonly networks?: ReadonlyMap<string, ComponentView>;
  /** Daily uptime ratios (outside maintenance) by endpoint component id, then UTC day. */
  readonly uptime: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Chart series by endpoint component id; missing = nothing measured. */
  readonly charts?: ReadonlyMap<string, EndpointCharts>;
  /** What each probe region sees, by endpoint component id; missing = one vantage point. */
  readonly regions?: ReadonlyMap<string, RegionView>;
  readonly incidents: readonly Incident[];
  /** When the source first saw each maintenance window, by window id. */
  readonly maintenanceFirstSeen?: ReadonlyMap<string, string>;
  readonly notes?: readonly string[];
  /** When the source started knowing anything (history start). */
  readonly knownSince: string;
  readonly uptimeDays?: number;
}

export function assembleModel(parts: ModelParts): StatusModel {
  const days = parts.uptimeDays ?? UPTIME_WINDOW_DAYS;
  const now = parts.generatedAt;
  const nowMs = Date.parse(now);
  const windows = parts.layout.maintenance;
  const networks: NetworkComponent[] = parts.layout.networks.map((network) => {
    const endpoints: EndpointComponent[] = network.endpoints.map((endpoint) => {
      const id = endpointComponentId(network.id, endpoint);
      const view = parts.endpoints.get(id) ?? { status: 'operational', detail: null, since: parts.knownSince };
      const covered = coveredIntervals(windows, network.id, endpoint);
      return {
        id,
        name: endpoint,
        status: view.status,
        detail: view.detail,
        since: view.since,
        uptime: uptimeHistory(parts.uptime.get(id) ?? new Map(), now, days, covered),
        charts: chartsWithoutCovered(parts.charts?.get(id) ?? emptyCharts(nowMs, days), covered),
        // Under maintenance the regions' view is expected to be bad: the status says why.
        regions: view.status === 'under_maintenance' ? null : parts.regions?.get(id) ?? null,
      };
    });
    const own = parts.networks?.get(network.id);
    const status = worstComponentStatus([groupStatus(endpoints.map((e) => e.status)), own?.status ?? 'operational']);
    const since = [own?.since, ...endpoints.map((e) => e.since)].filter((s): s is string => Boolean(s)).sort().at(-1) ?? parts.knownSince;
    return {
      id: network.id,
      name: network.id,
      chain: network.chain,
      maxLagBlocks: network.maxLagBlocks,
      status,
      detail: own && own.status !== 'operational' ? own.detail : null,
      since,
      endpoints,
      uptime: combineUptime(endpoints.map((e) => e.uptime), now, days),
    };
  });
  const indicator = indicatorOf(networks.map((n) => n.status));
  return {
    title: parts.layout.title,
    generatedAt: now,
    knownSince: parts.knownSince,
    indicator,
    description: INDICATOR_DESCRIPTION[indicator],
    networks,
    incidents: orderIncidents(parts.incidents, now, days),
    maintenances: scheduledMaintenances(parts.layout, parts.maintenanceFirstSeen ?? new Map(), now),
    notes: parts.notes ?? [],
    uptimeDays: days,
  };
}

/** Open incidents first (newest first), then those resolved inside the window (newest first). */
function orderIncidents(incidents: readonly Incident[], now: string, days: number): Incident[] {
  const cutoff = Date.parse(now) - days * 86_400_000;
  const open = incidents.filter((i) => i.resolvedAt === null).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const resolved = incidents
    .filter((i) => i.resolvedAt !== null && Date.parse(i.resolvedAt) >= cutoff)
    .sort((a, b) => b.resolvedAt!.localeCompare(a.resolvedAt!));
  return [...open, ...resolved];
}
