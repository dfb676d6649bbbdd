// Daily uptime: the fraction of probe results that were up (status not down,
// the CloudWatch `Up` metric) per UTC day, over a fixed window ending today.
// Time inside maintenance windows is left out of the ratio (each source drops
// those results) and counted apart, so the bars can show it.
import { overlapMs } from '../config/maintenance.ts';
import type { DailyUptime, UptimeHistory } from './status-model.ts';

export const UPTIME_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** The UTC day (YYYY-MM-DD) of an ISO-8601 time or epoch milliseconds. */
export function utcDay(at: string | number): string {
  return new Date(typeof at === 'number' ? at : Date.parse(at)).toISOString().slice(0, 10);
}

/** The window's days, oldest first, the last one being the UTC day of `now`. */
export function windowDays(now: string, days = UPTIME_WINDOW_DAYS): string[] {
  const today = Date.parse(`${utcDay(now)}T00:00:00.000Z`);
  return Array.from({ length: days }, (_, i) => utcDay(today - (days - 1 - i) * DAY_MS));
}

/**
 * Builds the window from per-day ratios (missing days have no data) and the
 * maintenance intervals [startMs, endMs) covering the component (time after
 * `now` does not count).
 */
export function uptimeHistory(
  ratios: ReadonlyMap<string, number>, now: string, days = UPTIME_WINDOW_DAYS, maintenance: readonly (readonly [number, number])[] = [],
): UptimeHistory {
  const nowMs = Date.parse(now);
  const window = windowDays(now, days).map((date): DailyUptime => {
    const start = Date.parse(`${date}T00:00:00.000Z`);
    return { date, ratio: ratios.has(date) ? clamp(ratios.get(date)!) : null, maintenanceMs: overlapMs(maintenance, start, Math.min(start + DAY_MS, nowMs)) };
  });
  return { days: window, ratio: meanOf(window.map((d) => d.ratio)) };
}

/** A group's uptime: per day, the mean of its members that have data that day; maintenance as long as the longest member's. */
export function combineUptime(members: readonly UptimeHistory[], now: string, days = UPTIME_WINDOW_DAYS): UptimeHistory {
  const window = windowDays(now, days).map((date): DailyUptime => {
    const same = members.map((m) => m.days.find((d) => d.date === date));
    const ratio = meanOf(same.map((d) => d?.ratio ?? null));
    return { date, ratio, maintenanceMs: Math.max(0, ...same.map((d) => d?.maintenanceMs ?? 0)) };
  });
  return { days: window, ratio: meanOf(window.map((d) => d.ratio)) };
}

function meanOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** "99.95%": enough digits to tell 99.9 from 99.99, never rounding a miss up to 100. */
export function formatPercent(ratio: number): string {
  if (ratio >= 1) return '100%';
  const percent = Math.floor(ratio * 10_000) / 100;
  return `${percent.toFixed(2)}%`;
}
