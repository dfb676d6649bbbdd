// How often `vantage run` probes: the config's probe.schedule (the same
// EventBridge expression the Lambdas run on), or --interval SECONDS.
// Locally only rate() expressions have a meaning; a cron() schedule needs
// --interval.

import { fixedRateSeconds } from '../config/schedule.ts';

export const MIN_INTERVAL_SECONDS = 1;

export type ScheduleResult = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly message: string };

export function scheduleSeconds(schedule: string): ScheduleResult {
  const seconds = fixedRateSeconds(schedule);
  if (seconds === null) {
    return { ok: false, message: `probe.schedule "${schedule}" has no fixed interval to run locally; pass --interval SECONDS` };
  }
  if (seconds < MIN_INTERVAL_SECONDS) return { ok: false, message: `probe.schedule "${schedule}" must be at least ${MIN_INTERVAL_SECONDS} s` };
  return { ok: true, seconds };
}

/** --interval SECONDS: a positive number, fractions allowed down to MIN_INTERVAL_SECONDS. */
export function intervalFlag(text: string): ScheduleResult {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(seconds) || seconds < MIN_INTERVAL_SECONDS) {
    return { ok: false, message: `--interval must be a number of seconds, at least ${MIN_INTERVAL_SECONDS} (got "${text}")` };
  }
  return { ok: true, seconds };
}
