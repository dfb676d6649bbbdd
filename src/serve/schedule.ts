// How often `vantage run` probes: the config's probe.schedule (the same
// EventBridge expression the Lambdas run on), or --interval SECONDS.
// Locally only rate() expressions have a meaning; a cron() schedule needs
// --interval.
import { fixedRateSeconds, MAX_SCHEDULE_SECONDS } from '../config/schedule.ts';

export const MIN_INTERVAL_SECONDS = 1;
/** Longer would overflow Node's timers (2^31-1 ms); the config's rate has the same bound. */
export const MAX_INTERVAL_SECONDS = MAX_SCHEDULE_SECONDS;

export type ScheduleResult = { readonly ok: true; readonly seconds: number } | { readonly ok: false; readonly message: string };

export function scheduleSeconds(schedule: string): ScheduleResult {
  const seconds = fixedRateSeconds(schedule);
  if (seconds === null) {
    return { ok: false, message: `probe.schedule "${schedule}" has no fixed interval to run locally; pass --interval SECONDS` };
  }
  if (seconds < MIN_INTERVAL_SECONDS || seconds > MAX_INTERVAL_SECONDS) {
    return { ok: false, message: `probe.schedule "${schedule}" must be from ${MIN_INTERVAL_SECONDS} to ${MAX_INTERVAL_SECONDS} s` };
  }
  return { ok: true, seconds };
}

/** --interval SECONDS: a number from MIN_INTERVAL_SECONDS (fractions allowed) to MAX_INTERVAL_SECONDS. */
export function intervalFlag(text: string): ScheduleResult {
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !Number.isFinite(seconds) || seconds < MIN_INTERVAL_SECONDS) {
    return { ok: false, message: `--interval must be a number of seconds, at least ${MIN_INTERVAL_SECONDS} (got "${text}")` };
  }
  if (seconds > MAX_INTERVAL_SECONDS) return { ok: false, message: `--interval must be at most ${MAX_INTERVAL_SECONDS} seconds (got "${text}")` };
  return { ok: true, seconds };
}
