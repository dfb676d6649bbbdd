// The one reader of probe.schedule (an EventBridge expression): the schema
// validates with its pattern, `vantage run` takes a rate() as its interval,
// the cost model multiplies by how often it fires, and infra/ derives alarm
// periods from it: all read one answer.
//
// rate(N minute(s)|hour(s)) is exact. For cron(...) only the minute and hour
// fields are read (the usual "every N minutes" and "every hour" shapes); a
// day-of-week or day-of-month restriction is ignored, which overestimates
// runs and therefore cost — the safe direction for an estimate.

/** AWS prices a month as 730 hours. */
export const HOURS_PER_MONTH = 730;
export const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

/**
 * Longest rate() the schema accepts, and longest `vantage run --interval`:
 * past 2^31-1 ms Node's timers fire after 1 ms instead.
 */
export const MAX_SCHEDULE_SECONDS = 86_400;

/** What the schema accepts: rate(N minute(s)|hour(s)) or any cron(...). */
export const SCHEDULE_PATTERN = /^(rate\(\d+ (minute|minutes|hour|hours)\)|cron\(.+\))$/;

const RATE = /^rate\((\d+) (minute|minutes|hour|hours)\)$/;

/** Seconds between runs of a rate() expression; null for cron(), which has no fixed interval. */
export function fixedRateSeconds(expression: string): number | null {
  const rate = RATE.exec(expression.trim());
  return rate ? Number(rate[1]) * (rate[2]!.startsWith('hour') ? 3600 : 60) : null;
}

/** Seconds between two runs of the schedule (at least 60: EventBridge's finest). */
export function scheduleIntervalSeconds(expression: string): number {
  const rate = fixedRateSeconds(expression);
  if (rate !== null) return Math.max(60, rate);
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (!cron) throw new Error(`not an EventBridge schedule expression: ${expression}`);
  const [minutes = '*', hours = '*'] = cron[1]!.trim().split(/\s+/);
  const perHour = firesPerUnit(minutes, 60);
  if (perHour >= 60) return 60;
  const hourly = firesPerUnit(hours, 24);
  // Runs per day = minute hits per hour × hour hits per day.
  const perDay = perHour * hourly;
  return Math.max(60, Math.round(86_400 / perDay));
}

export function runsPerMonth(expression: string): number {
  return SECONDS_PER_MONTH / scheduleIntervalSeconds(expression);
}

/** How many values of a cron field (0..size-1) match: `*`, `*\/n`, `a/n`, `a-b`, `a,b,c`, `a`. */
function firesPerUnit(field: string, size: number): number {
  let total = 0;
  for (const part of field.split(',')) {
    const [range = '*', step] = part.split('/');
    const every = step === undefined ? 1 : Math.max(1, Number(step) || 1);
    let from = 0;
    let to = size - 1;
    if (range !== '*' && range !== '?') {
      const [a, b] = range.split('-').map(Number);
      from = Number.isFinite(a) ? a! : 0;
      to = b !== undefined && Number.isFinite(b) ? b : step === undefined ? from : size - 1;
    }
    total += Math.floor((Math.min(to, size - 1) - from) / every) + 1;
  }
  return Math.max(1, Math.min(size, total));
}
