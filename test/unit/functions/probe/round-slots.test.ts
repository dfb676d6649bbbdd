import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { roundBudgetMs, roundSlots, scheduledMinute } from '../../../../functions/probe/round-slots.ts';
import { parseConfigText } from '../../../../src/config/load.ts';
import { applyDefaults } from '../../../../src/config/resolved-config.ts';

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

  /** `http` endpoints at 5 s, and `ws` WebSocket ones at 3 s with one-second blocks, probed 32 at a time. */
  const config = (http: number, ws = 0) => applyDefaults(parseConfigText(stringify({
    version: 1,
    networks: [{
      id: 'n', chain: 'evm', blockTimeSeconds: 1,
      endpoints: [
        ...Array.from({ length: http }, (_, i) => ({ id: `h${i}`, url: `https://h${i}.example.com`, timeoutMs: 5000 })),
        ...Array.from({ length: ws }, (_, i) => ({ id: `w${i}`, url: `wss://w${i}.example.com`, timeoutMs: 3000 })),
      ],
    }],
  }), { file: null, baseDir: process.cwd() }));

  it('budget a round as every wave timing out, then the account reads', () => {
    expect(roundBudgetMs(config(3))).toBe(10_000);
    expect(roundBudgetMs(config(65))).toBe(20_000);
  });

  it("budget a WebSocket endpoint's probe as its timeout plus its subscription window, as the function's timeout does", () => {
    // 3 s + max(5 s, 2 × 1 s) = 8 s for the probe wave, then the account reads at the slowest timeout (5 s).
    expect(roundBudgetMs(config(3, 1))).toBe(8000 + 5000);
    // Two waves of 32: each at the slowest probe's 8 s.
    expect(roundBudgetMs(config(40, 24))).toBe(2 * 8000 + 5000);
  });
});
