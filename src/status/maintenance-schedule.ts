// Maintenance windows from the config as Statuspage scheduled maintenances:
// which components each covers on the page, where it stands now, and the
// updates a window gets by the clock (published, started, completed). The
// only thing the clock cannot say is when a window was published: each
// source remembers when it first saw a window's id (`firstSeen`).
import { coversEndpoint, coversNetwork, maintenancePhase, type ResolvedMaintenance } from '../config/maintenance.ts';
import { endpointComponentId, type PageLayout } from './page-layout.ts';
import type { AffectedComponent, MaintenanceUpdate, ScheduledMaintenance } from './status-model.ts';
import { listWords, utcMinute } from './time-words.ts';

/** Completed windows that ended longer ago than this are no longer listed. */
const LISTED_AFTER_END_MS = 90 * 86_400_000;

/** Records the publication time of windows not seen before, and forgets windows the config dropped. Mutates `firstSeen`. */
export function noteWindows(firstSeen: Record<string, string>, layout: PageLayout, at: string): Record<string, string> {
  const ids = new Set(layout.maintenance.map((w) => w.id));
  for (const id of Object.keys(firstSeen)) if (!ids.has(id)) delete firstSeen[id];
  for (const id of ids) firstSeen[id] ??= at;
  return firstSeen;
}

/** The open window covering an endpoint (or, without one, a whole network) at `atMs`, ending soonest; null when none. */
export function coveringWindow(windows: readonly ResolvedMaintenance[], atMs: number, network: string, endpoint?: string): ResolvedMaintenance | null {
  const open = windows
    .filter((w) => maintenancePhase(w, atMs) === 'in_progress')
    .filter((w) => (endpoint === undefined ? coversNetwork(w, network) : coversEndpoint(w, network, endpoint)))
    .sort((a, b) => a.endMs - b.endMs);
  return open[0] ?? null;
}

/** What a covered component says while the work goes on. */
export function maintenanceDetail(window: ResolvedMaintenance): string {
  return `Maintenance: ${window.title} (until ${utcMinute(window.endMs)})`;
}

interface Covered {
  readonly ids: string[];
  /** Endpoints covered, for update bodies and affected components. */
  readonly endpoints: { id: string; name: string }[];
  /** "eth-main (all endpoints), algo-main/api-1". */
  readonly words: string;
}

function coveredOnPage(layout: PageLayout, window: ResolvedMaintenance): Covered {
  const ids: string[] = [];
  const endpoints: { id: string; name: string }[] = [];
  const words: string[] = [];
  for (const network of layout.networks) {
    const whole = coversNetwork(window, network.id);
    const covered = network.endpoints.filter((e) => coversEndpoint(window, network.id, e));
    if (covered.length === 0) continue;
    if (whole) ids.push(network.id);
    for (const e of covered) {
      ids.push(endpointComponentId(network.id, e));
      endpoints.push({ id: endpointComponentId(network.id, e), name: e });
    }
    words.push(whole ? `${network.id} (all endpoints)` : covered.map((e) => endpointComponentId(network.id, e)).join(', '));
  }
  return { ids, endpoints, words: listWords(words) };
}

export function scheduledMaintenance(layout: PageLayout, window: ResolvedMaintenance, publishedAt: string, nowMs: number): ScheduledMaintenance {
  const covered = coveredOnPage(layout, window);
  const created = Math.min(Date.parse(publishedAt), nowMs);
  const iso = (ms: number) => new Date(ms).toISOString();
  const phase = maintenancePhase(window, nowMs);
  const affected = (from: AffectedComponent['oldStatus'], to: AffectedComponent['newStatus']) =>
    covered.endpoints.map((e) => ({ id: e.id, name: e.name, oldStatus: from, newStatus: to }));
  const span = `from ${utcMinute(window.startMs)} to ${utcMinute(window.endMs)}`;
  const updates: MaintenanceUpdate[] = [];
  if (created < window.startMs) {
    updates.push({ id: `${window.id}-scheduled`, at: iso(created), status: 'scheduled', body: `${window.title} is scheduled ${span}. Affects ${covered.words}.`, affected: [] });
  }
  // A window first seen after it ended was never announced as under way.
  const startedMs = phase !== 'scheduled' && created < window.endMs ? Math.max(window.startMs, created) : null;
  if (startedMs !== null) {
    updates.push({ id: `${window.id}-in_progress`, at: iso(startedMs), status: 'in_progress', body: `${window.title} has begun and lasts until ${utcMinute(window.endMs)}. Under maintenance: ${covered.words}.`, affected: affected('operational', 'under_maintenance') });
  }
  const completedMs = phase === 'completed' ? Math.max(window.endMs, created) : null;
  if (completedMs !== null) {
    updates.push({ id: `${window.id}-completed`, at: iso(completedMs), status: 'completed', body: `${window.title} is complete.`, affected: startedMs !== null ? affected('under_maintenance', 'operational') : [] });
  }
  return {
    id: window.id,
    title: window.title,
    status: phase,
    createdAt: iso(created),
    updatedAt: updates[updates.length - 1]!.at,
    scheduledFor: window.start,
    scheduledUntil: window.end,
    startedAt: startedMs === null ? null : iso(startedMs),
    completedAt: completedMs === null ? null : iso(completedMs),
    components: covered.ids,
    updates,
  };
}

const PHASE_ORDER = { in_progress: 0, scheduled: 1, completed: 2 } as const;

/** Every window on the page, in progress first, then scheduled (soonest first), then completed (newest first). */
export function scheduledMaintenances(layout: PageLayout, firstSeen: ReadonlyMap<string, string>, now: string): ScheduledMaintenance[] {
  const nowMs = Date.parse(now);
  return layout.maintenance
    .filter((w) => nowMs - w.endMs <= LISTED_AFTER_END_MS)
    .map((w) => scheduledMaintenance(layout, w, firstSeen.get(w.id) ?? now, nowMs))
    .sort((a, b) => PHASE_ORDER[a.status] - PHASE_ORDER[b.status]
      || (a.status === 'completed' ? b.scheduledUntil.localeCompare(a.scheduledUntil) : a.scheduledFor.localeCompare(b.scheduledFor)));
}
