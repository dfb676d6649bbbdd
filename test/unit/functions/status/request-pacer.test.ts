import { describe, expect, it } from 'vitest';
import { requestPacer, type PacerClock } from '../../../../functions/status/request-pacer.ts';

/** A clock that only moves when the pacer sleeps. */
function fakeClock(): PacerClock & { t: number } {
  const clock = {
    t: 1_000,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += ms;
    },
  };
  return clock;
}

describe('requestPacer', () => {
  it('starts at most 3 requests a second, the first at once', async () => {
    const clock = fakeClock();
    const pace = requestPacer(3, clock);
    const signal = new AbortController().signal;
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pace(signal);
      starts.push(Math.round(clock.t - 1_000));
    }
    expect(starts).toEqual([0, 333, 667, 1000, 1333, 1667, 2000]);
  });

  it('gives concurrent callers consecutive slots, in the order they asked', async () => {
    const clock = { now: () => 0, waits: [] as number[], sleep: async (ms: number) => void clock.waits.push(Math.round(ms)) };
    const pace = requestPacer(3, clock);
    const signal = new AbortController().signal;
    await Promise.all(Array.from({ length: 4 }, () => pace(signal)));
    expect(clock.waits).toEqual([333, 667, 1000]);
  });

  it('does not wait after an idle spell, and refuses once the run is aborted', async () => {
    const clock = fakeClock();
    const pace = requestPacer(3, clock);
    const controller = new AbortController();
    await pace(controller.signal);
    clock.t += 5_000;
    const before = clock.t;
    await pace(controller.signal);
    expect(clock.t).toBe(before);
    controller.abort(new Error('deadline'));
    await expect(pace(controller.signal)).rejects.toThrow('deadline');
  });
});
