// Spaces request starts to a rate quota. DescribeAlarmHistory is limited to
// 3 requests per second per region, and AWS does not raise it (CloudWatch
// service quotas): after a cold start with many alarms that changed state,
// firing them all at once would mostly come back throttled.
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves when the next request may start (FIFO), or rejects when `signal` aborts first. */
export type Pacer = (signal: AbortSignal) => Promise<void>;

export interface PacerClock {
  readonly now: () => number;
  readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}

const REAL_CLOCK: PacerClock = { now: Date.now, sleep: (ms, signal) => sleep(ms, undefined, { signal }) };

export function requestPacer(perSecond: number, clock: PacerClock = REAL_CLOCK): Pacer {
  const gapMs = 1000 / perSecond;
  let nextAt = Number.NEGATIVE_INFINITY;
  return async (signal) => {
    signal.throwIfAborted();
    const at = Math.max(clock.now(), nextAt);
    nextAt = at + gapMs;
    const wait = at - clock.now();
    if (wait > 0) await clock.sleep(wait, signal);
    signal.throwIfAborted();
  };
}
