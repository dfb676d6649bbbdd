import { describe, expect, it } from 'vitest';
import { roundBudgetMs, roundSlots, scheduledMinute } from '../../../../functions/probe/round-slots.ts';

const MINUTE = Date.parse('2026-05-01T12:00:00.000Z');

describe('round slots', () => {
  it('are 60 / everySeconds fixed offsets from the scheduled minute', () => {
    expect(roundSlots(MINUTE, 10).map((t) => (t - MINUTE) / 1000)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(roundSlots(MINUTE, 30).map((t) => (t - MINUTE) / 1000)).toEqual([0, 30]);
    expect(roundSlots(MINUTE, 60)).toEqual([MINUTE]);
  });

  it('count from the tick EventBridge scheduled, or the minute the invocation started in', () => {
    const started = MINUTE + 61_500;
    expect(scheduledMinute({ shard: 0, of: 1, scheduledAt: '2026-05-01T12:00:00Z' }, started)).toBe(MINUTE);
    expect(scheduledMinute({ shard: 0, of: 1 }, started)).toBe(MINUTE + 60_000);
    // Not a time, or not this invocation's: the start's minute.
    expect(scheduledMinute({ scheduledAt: 'soon' }, started)).toBe(MINUTE + 60_000);
    expect(scheduledMinute({ scheduledAt: '2026-05-01T14:00:00Z' }, started)).toBe(MINUTE + 60_000);
    expect(scheduledMinute(null, started)).toBe(MINUTE + 60_000);
  });

  it('budget a round as every wave timing out, then the account reads', () => {
    expect(roundBudgetMs(3, 32, 5000)).toBe(10_000);
    expect(roundBudgetMs(65, 32, 5000)).toBe(20_000);
    expect(roundBudgetMs(0, 32, 5000)).toBe(10_000);
  });
});
