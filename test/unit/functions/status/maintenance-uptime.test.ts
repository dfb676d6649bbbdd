import { describe, expect, it } from 'vitest';
import { dayPlan, ratiosOutside, touchedDays, withoutMaintenance } from '../../../../functions/status/maintenance-uptime.ts';
import type { Series } from '../../../../functions/status/metric-reader.ts';
import { LAYOUT, maintenanceWindow } from '../../../support/reports.ts';

const NOW = new Date('2025-11-20T12:00:00.000Z');

describe('uptime outside maintenance', () => {
  it('finds the UTC days each window touched up to now, per covered endpoint, at the finest period their age keeps', () => {
    const layout = {
      ...LAYOUT,
      maintenance: [
        // Across midnight: two days.
        maintenanceWindow('night', 'Night work', '2025-11-18T23:00:00.000Z', '2025-11-19T01:00:00.000Z', { endpoints: ['eth-main/rpc-1'] }),
        // 30 days ago (5-minute data), 80 days ago (hourly data), and one later today (not yet).
        maintenanceWindow('month', 'Old work', '2025-10-21T10:00:00.000Z', '2025-10-21T11:00:00.000Z', { networks: ['algo-main'] }),
        maintenanceWindow('old', 'Older work', '2025-09-01T10:00:00.000Z', '2025-09-01T11:00:00.000Z', { endpoints: ['eth-main/rpc-2'] }),
        maintenanceWindow('later', 'Later', '2025-11-20T13:00:00.000Z', '2025-11-20T14:00:00.000Z', { endpoints: ['eth-main/rpc-3'] }),
      ],
    };
    const days = touchedDays(layout, NOW);
    expect(days.map((d) => [d.day, d.periodSeconds, d.endpoints.map((e) => `${e.network}/${e.endpoint}`)])).toEqual([
      ['2025-09-01', 3600, ['eth-main/rpc-2']],
      ['2025-10-21', 300, ['algo-main/api-1']],
      ['2025-11-18', 60, ['eth-main/rpc-1']],
      ['2025-11-19', 60, ['eth-main/rpc-1']],
    ]);
    expect(dayPlan(days[2]!, ['us-east-1', 'eu-west-1'], 'Vantage').queries.map((q) => [q.Id, q.MetricStat!.Period, q.MetricStat!.Stat])).toEqual([
      ['m0', 60, 'Average'], ['m1', 60, 'Average'],
    ]);
  });

  it('averages only the buckets wholly outside the windows, and has no value when none is', () => {
    const layout = { ...LAYOUT, maintenance: [maintenanceWindow('w', 'Work', '2025-11-20T10:00:00.000Z', '2025-11-20T11:00:00.000Z', { endpoints: ['eth-main/rpc-1'] })] };
    const [day] = touchedDays(layout, NOW);
    // Today: up to now; 1-minute buckets.
    expect(day).toMatchObject({ day: '2025-11-20', startMs: Date.parse('2025-11-20T00:00:00.000Z'), endMs: NOW.getTime(), periodSeconds: 60 });
    const plan = dayPlan(day!, ['us-east-1', 'eu-west-1'], 'Vantage');
    const at = (iso: string, value: number) => ({ at: new Date(iso), value });
    const results = new Map<string, Series>([
      // us-east-1: up before, down inside the window, half up in a bucket after it.
      ['m0', { points: [at('2025-11-20T09:59:00.000Z', 1), at('2025-11-20T10:00:00.000Z', 0), at('2025-11-20T10:59:00.000Z', 0), at('2025-11-20T11:00:00.000Z', 0.5)] }],
      // eu-west-1: only inside the window.
      ['m1', { points: [at('2025-11-20T10:30:00.000Z', 0)] }],
    ]);
    expect(ratiosOutside(day!, plan, results)).toEqual(new Map([
      ['eth-main/rpc-1@us-east-1', 0.75],
      ['eth-main/rpc-1@eu-west-1', null],
    ]));
  });

  it('replaces the touched days in the daily series and drops a day with nothing outside the windows', () => {
    const series = [
      { network: 'eth-main', endpoint: 'rpc-1', region: 'us-east-1', days: new Map([['2025-11-19', 0.9], ['2025-11-20', 0.5]]) },
      { network: 'eth-main', endpoint: 'rpc-1', region: 'eu-west-1', days: new Map([['2025-11-20', 0.4]]) },
      { network: 'eth-main', endpoint: 'rpc-2', region: 'us-east-1', days: new Map([['2025-11-20', 0.8]]) },
    ];
    const corrected = new Map([['2025-11-20', new Map([['eth-main/rpc-1@us-east-1', 1], ['eth-main/rpc-1@eu-west-1', null]])]]);
    expect(withoutMaintenance(series, corrected).map((s) => [...s.days])).toEqual([
      [['2025-11-19', 0.9], ['2025-11-20', 1]],
      [],
      [['2025-11-20', 0.8]],
    ]);
    // The input is not changed.
    expect(series[0]!.days.get('2025-11-20')).toBe(0.5);
  });
});
