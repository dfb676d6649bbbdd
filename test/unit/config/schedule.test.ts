import { describe, expect, it } from 'vitest';
import { runsPerMonth, scheduleIntervalSeconds } from '../../../src/config/schedule.ts';

describe('scheduleIntervalSeconds', () => {
  it('reads rate expressions exactly', () => {
    expect(scheduleIntervalSeconds('rate(1 minute)')).toBe(60);
    expect(scheduleIntervalSeconds('rate(5 minutes)')).toBe(300);
    expect(scheduleIntervalSeconds('rate(2 hours)')).toBe(7200);
  });

  it('reads the minute and hour fields of cron expressions', () => {
    expect(scheduleIntervalSeconds('cron(* * * * ? *)')).toBe(60);
    expect(scheduleIntervalSeconds('cron(0/5 * * * ? *)')).toBe(300);
    expect(scheduleIntervalSeconds('cron(*/10 * * * ? *)')).toBe(600);
    expect(scheduleIntervalSeconds('cron(15,45 * * * ? *)')).toBe(1800);
    expect(scheduleIntervalSeconds('cron(0 * * * ? *)')).toBe(3600);
    expect(scheduleIntervalSeconds('cron(0 0/6 * * ? *)')).toBe(21_600);
    expect(scheduleIntervalSeconds('cron(0 12 * * ? *)')).toBe(86_400);
  });

  it('rejects what is not a schedule expression', () => {
    expect(() => scheduleIntervalSeconds('every minute')).toThrow(/not an EventBridge schedule expression/);
  });
});

describe('runsPerMonth', () => {
  it('counts a 730-hour month, as AWS prices do', () => {
    expect(runsPerMonth('rate(1 minute)')).toBe(43_800);
    expect(runsPerMonth('rate(5 minutes)')).toBe(8_760);
  });
});
