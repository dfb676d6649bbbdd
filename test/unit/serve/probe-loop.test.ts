import { describe, expect, it } from 'vitest';
import { runProbeLoop } from '../../../src/serve/probe-loop.ts';
import { intervalFlag, scheduleSeconds } from '../../../src/serve/schedule.ts';
import type { Report } from '../../../src/report/report.ts';
import { report } from '../../support/reports.ts';

describe('schedule', () => {
  it.each([
    ['rate(1 minute)', 60],
    ['rate(5 minutes)', 300],
    ['rate(2 hours)', 7200],
  ])('runs %s every %i s', (expression, seconds) => {
    expect(scheduleSeconds(expression)).toEqual({ ok: true, seconds });
  });

  it('asks for --interval when the schedule is a cron expression', () => {
    expect(scheduleSeconds('cron(0/5 * * * ? *)')).toEqual({ ok: false, message: 'probe.schedule "cron(0/5 * * * ? *)" has no fixed interval to run locally; pass --interval SECONDS' });
  });

  it.each([['2', 2], ['1.5', 1.5]])('accepts --interval %s', (text, seconds) => {
    expect(intervalFlag(text)).toEqual({ ok: true, seconds });
  });

  it.each(['0', '0.5', '-1', 'abc', '', '1e3'])('refuses --interval "%s"', (text) => {
    expect(intervalFlag(text).ok).toBe(false);
  });

  // 2^31 ms and more overflow Node's timer, which then fires after 1 ms: a busy loop.
  it.each(['86401', '2147484'])('refuses --interval %s, past one day', (text) => {
    expect(intervalFlag(text)).toEqual({ ok: false, message: `--interval must be at most 86400 seconds (got "${text}")` });
  });

  it('accepts --interval 86400, one day', () => {
    expect(intervalFlag('86400')).toEqual({ ok: true, seconds: 86_400 });
  });
});

describe('probe loop', () => {
  it('never overlaps rounds, even when a round outlasts the interval', async () => {
    const stop = new AbortController();
    let running = 0;
    let most = 0;
    let rounds = 0;
    await runProbeLoop({
      intervalMs: 0,
      signal: stop.signal,
      round: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return report(new Date().toISOString(), {});
      },
      onReport: () => {
        if (++rounds === 5) stop.abort();
      },
    });
    expect(rounds).toBe(5);
    expect(most).toBe(1);
  });

  it('discards the round in flight when stopped: a round cut short would record timeouts that never happened', async () => {
    const stop = new AbortController();
    const seen: Report[] = [];
    let calls = 0;
    const loop = runProbeLoop({
      intervalMs: 0,
      signal: stop.signal,
      round: (signal) => new Promise<Report>((resolve) => {
        calls++;
        if (calls === 1) return resolve(report('2025-11-20T10:00:00.000Z', {}));
        // The second round only ends when stopped (the run deadline turns its probes into timeouts).
        signal.addEventListener('abort', () => resolve(report('2025-11-20T11:00:00.000Z', {})));
        setTimeout(() => stop.abort(), 5);
      }),
      onReport: (r) => void seen.push(r),
    });
    await loop;
    expect(calls).toBe(2);
    expect(seen.map((r) => r.startedAt)).toEqual(['2025-11-20T10:00:00.000Z']);
  });

  it('stops while waiting for the next round instead of sleeping out the interval', async () => {
    const stop = new AbortController();
    let calls = 0;
    await runProbeLoop({
      intervalMs: 3_600_000,
      signal: stop.signal,
      round: async () => (calls++, report('2025-11-20T10:00:00.000Z', {})),
      onReport: () => void setTimeout(() => stop.abort(), 5),
    });
    expect(calls).toBe(1);
  });

  it('reports a failing round and keeps going', async () => {
    const stop = new AbortController();
    const errors: unknown[] = [];
    let calls = 0;
    await runProbeLoop({
      intervalMs: 0,
      signal: stop.signal,
      round: async () => {
        if (++calls === 1) throw new Error('boom');
        return report('2025-11-20T10:00:00.000Z', {});
      },
      onReport: () => stop.abort(),
      onError: (err) => errors.push(err),
    });
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
  });
});
