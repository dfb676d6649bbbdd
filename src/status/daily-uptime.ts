// Daily uptime: the fraction of probe results that were up (status not down,
// the CloudWatch `Up` metric) per UTC day, over a fixed window ending today.
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

/** Builds the window from per-day ratios (missing days have no data). */
export function uptimeHistory(ratios: ReadonlyMap<string, number>, now: string, days = UPTIME_WINDOW_DAYS): UptimeHistory {
  const window = windowDays(now, days).map((date): DailyUptime => ({ date, ratio: ratios.has(date) ? clamp(ratios.get(date)!) : null }));
  return { days: window, ratio: meanOf(window.map((d) => d.ratio)) };
}

/** A group's uptime: per day, the mean of its members that have data that day. */
export function combineUptime(members: readonly UptimeHistory[], now: string, days = UPTIME_WINDOW_DAYS): UptimeHistory {
  const ratios = new Map<string, number>();
  for (const date of windowDays(now, days)) {
    const values = members.map((m) => m.days.find((d) => d.date === date)?.ratio ?? null);
    const mean = meanOf(values);
    if (mean !== null) ratios.set(date, mean);
  }
  return uptimeHistory(ratios, now, days);
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
