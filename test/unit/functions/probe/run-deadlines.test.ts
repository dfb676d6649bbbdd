import { describe, expect, it } from 'vitest';
import { runDeadlines } from '../../../../functions/probe/run-deadlines.ts';

describe('runDeadlines', () => {
  it('cuts probes a reserve before the end and publishes until a final margin of 1 s', () => {
    expect(runDeadlines(60_000, 8_000)).toEqual({ probeMs: 52_000, publishMs: 59_000 });
  });

  it('never lets the reserve take more than half the remaining time', () => {
    expect(runDeadlines(10_000, 8_000).probeMs).toBe(5_000);
  });

  it('does not go negative when almost no time is left', () => {
    expect(runDeadlines(500, 8_000)).toEqual({ probeMs: 250, publishMs: 0 });
  });
});

