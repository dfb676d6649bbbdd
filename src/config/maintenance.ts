// Maintenance windows (config `maintenance:`): when they are, what they
// cover, and where a window stands at a given moment. Pure, so the probe
// (which publishes the Maintenance metric and keeps covered endpoints out of
// the alarms), the status page (under_maintenance, scheduled_maintenances,
// uptime without the window) and infra (suppressors) all read one answer.

export interface MaintenanceTarget {
  readonly network: string;
  readonly endpoint: string;
}

export interface ResolvedMaintenance {
  readonly id: string;
  readonly title: string;
  /** ISO-8601 UTC, normalised (`2026-12-08T10:00:00.000Z`). */
  readonly start: string;
  readonly end: string;
  readonly startMs: number;
  readonly endMs: number;
  /** Networks covered whole; null when the window names none. */
  readonly networks: readonly string[] | null;
  /** Single endpoints covered; null when the window names none. */
  readonly endpoints: readonly MaintenanceTarget[] | null;
}

/** Statuspage's scheduled-maintenance statuses that a window passes through by the clock. */
export type MaintenancePhase = 'scheduled' | 'in_progress' | 'completed';

/** A window that names neither networks nor endpoints covers everything. */
export function coversEverything(window: ResolvedMaintenance): boolean {
  return window.networks === null && window.endpoints === null;
}

/** The window covers this whole network (not only some of its endpoints). */
export function coversNetwork(window: ResolvedMaintenance, network: string): boolean {
  return coversEverything(window) || (window.networks?.includes(network) ?? false);
}

/** The window covers this endpoint: everything, its network, or the endpoint by name. */
export function coversEndpoint(window: ResolvedMaintenance, network: string, endpoint: string): boolean {
  return coversNetwork(window, network) || (window.endpoints?.some((t) => t.network === network && t.endpoint === endpoint) ?? false);
}

/** The window covers the network or any endpoint of it (the network is on the window's list of components). */
export function touchesNetwork(window: ResolvedMaintenance, network: string): boolean {
  return coversNetwork(window, network) || (window.endpoints?.some((t) => t.network === network) ?? false);
}

/** Windows run from start (inclusive) to end (exclusive). */
export function maintenancePhase(window: ResolvedMaintenance, nowMs: number): MaintenancePhase {
  if (nowMs < window.startMs) return 'scheduled';
  return nowMs < window.endMs ? 'in_progress' : 'completed';
}

export function activeWindows(windows: readonly ResolvedMaintenance[], nowMs: number): ResolvedMaintenance[] {
  return windows.filter((w) => maintenancePhase(w, nowMs) === 'in_progress');
}

/** Whether an endpoint (or, without one, its whole network) is inside an open window now. */
export function inMaintenance(windows: readonly ResolvedMaintenance[], nowMs: number, network: string, endpoint?: string): boolean {
  return activeWindows(windows, nowMs).some((w) => (endpoint === undefined ? coversNetwork(w, network) : coversEndpoint(w, network, endpoint)));
}

/** The intervals [startMs, endMs) during which an endpoint was or will be covered, sorted and merged. */
export function coveredIntervals(windows: readonly ResolvedMaintenance[], network: string, endpoint?: string): [number, number][] {
  const spans = windows
    .filter((w) => (endpoint === undefined ? coversNetwork(w, network) : coversEndpoint(w, network, endpoint)))
    .map((w) => [w.startMs, w.endMs] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** Milliseconds of [fromMs, toMs) that fall inside the intervals. */
export function overlapMs(intervals: readonly (readonly [number, number])[], fromMs: number, toMs: number): number {
  let total = 0;
  for (const [start, end] of intervals) total += Math.max(0, Math.min(end, toMs) - Math.max(start, fromMs));
  return total;
}
