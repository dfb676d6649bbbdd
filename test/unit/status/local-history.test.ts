import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { createLocalHistory, modelFromLocalHistory, recordReport } from '../../../src/status/local-history.ts';
import { pageLayout } from '../../../src/status/page-layout.ts';
import { LAYOUT, maintenanceWindow, report, t } from '../../support/reports.ts';

const healthy = { 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2' }, { id: 'rpc-3' }], 'algo-main': [{ id: 'api-1' }] };

function historyOf(...reports: ReturnType<typeof report>[]) {
  const history = createLocalHistory(reports[0]!.startedAt);
  for (const r of reports) recordReport(history, r, LAYOUT);
  return history;
}

describe('local status history', () => {
  it('shows every public endpoint operational and no incident while all rounds are up', () => {
    const history = historyOf(report(t(0), healthy), report(t(1), healthy));
    const model = modelFromLocalHistory(history, LAYOUT, t(1));
    expect(model.indicator).toBe('none');
    expect(model.description).toBe('All Systems Operational');
    expect(model.networks.map((n) => [n.id, n.status, n.endpoints.map((e) => e.status)])).toEqual([
      ['eth-main', 'operational', ['operational', 'operational', 'operational']],
      ['algo-main', 'operational', ['operational']],
    ]);
    expect(model.incidents).toEqual([]);
  });

  it('opens an incident when an endpoint starts lagging, saying by how much, and marks the network degraded', () => {
    const lagging = { ...healthy, 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2', reasons: ['lagging' as const], lagBlocks: 37 }, { id: 'rpc-3' }] };
    const model = modelFromLocalHistory(historyOf(report(t(0), healthy), report(t(1), lagging, 'eu-west-1')), LAYOUT, t(1));
    const rpc2 = model.networks[0]!.endpoints[1]!;
    expect(rpc2.status).toBe('degraded_performance');
    expect(rpc2.detail).toBe('37 blocks behind the network (max 3)');
    expect(rpc2.since).toBe(t(1));
    expect(model.networks[0]!.status).toBe('degraded_performance');
    expect(model.indicator).toBe('minor');
    expect(model.incidents).toHaveLength(1);
    const incident = model.incidents[0]!;
    expect(incident).toMatchObject({ impact: 'minor', startedAt: t(1), resolvedAt: null, components: ['eth-main/rpc-2'] });
    expect(incident.updates[0]!.body).toBe('rpc-2 (eth-main): 37 blocks behind the network (max 3), seen from eu-west-1.');
    expect(incident.updates[0]!.affected).toEqual([{ id: 'eth-main/rpc-2', name: 'rpc-2', oldStatus: 'operational', newStatus: 'degraded_performance' }]);
  });

  it('adds an update when the finding changes, not when only its numbers move, and resolves on recovery', () => {
    const lag = (n: number) => ({ ...healthy, 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2' }, { id: 'rpc-3', reasons: ['lagging' as const], lagBlocks: n }] });
    const stale = { ...healthy, 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2' }, { id: 'rpc-3', reasons: ['lagging' as const, 'stale_head' as const], lagBlocks: 30, headAgeSeconds: 75 }] };
    const history = historyOf(report(t(0), lag(5)), report(t(1), lag(9)), report(t(2), stale), report(t(3), stale), report(t(5), healthy));
    const model = modelFromLocalHistory(history, LAYOUT, t(5));
    expect(model.incidents).toHaveLength(1);
    const incident = model.incidents[0]!;
    expect(incident.updates.map((u) => u.status)).toEqual(['investigating', 'investigating', 'resolved']);
    expect(incident.updates[1]!.body).toBe('Now major outage. rpc-3 (eth-main): newest block is 75 s old (max 60 s); 30 blocks behind the network (max 3), seen by the local prober.');
    expect(incident.updates[2]!.body).toBe('rpc-3 (eth-main) is operational again after 5 min.');
    expect(incident.impact).toBe('critical');
    expect(incident.title).toBe('rpc-3 on eth-main: major outage');
    expect(incident.resolvedAt).toBe(t(5));
    expect(model.networks[0]!.endpoints[2]!.status).toBe('operational');
  });

  it('counts a down endpoint as a partial outage of its network, and a network with every endpoint down as a major outage', () => {
    const oneDown = { 'eth-main': [{ id: 'rpc-1', reasons: ['connect_refused' as const] }, { id: 'rpc-2' }, { id: 'rpc-3' }], 'algo-main': [{ id: 'api-1', reasons: ['timeout' as const] }] };
    const model = modelFromLocalHistory(historyOf(report(t(0), oneDown)), LAYOUT, t(0));
    expect(model.networks[0]!.status).toBe('partial_outage');
    expect(model.networks[1]!.status).toBe('major_outage');
    expect(model.indicator).toBe('critical');
    expect(model.networks[0]!.endpoints[0]!.detail).toBe('connection refused');
  });

  it('never shows operator messages (hosts, ports) on the page, only public words', () => {
    const down = { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: [{ code: 'connect_refused' as const, message: 'connection refused by node-7.internal:8545 (nothing listening)' }] }, { id: 'rpc-2' }, { id: 'rpc-3' }] };
    const model = modelFromLocalHistory(historyOf(report(t(0), down)), LAYOUT, t(0));
    const text = JSON.stringify(model);
    expect(text).not.toContain('node-7.internal');
    expect(text).not.toContain('8545');
    expect(text).not.toContain('example.com');
  });

  it('says how many of an endpoint\'s addresses fail, never which: "1 of 3 addresses failing"', () => {
    const address = (address: string, family: 4 | 6, status: 'up' | 'down' | 'skipped') => ({
      address, family, primary: address === '198.51.100.7', status, ttfbMs: status === 'up' ? 5 : null, height: status === 'up' ? 100 : null,
      reasons: status === 'down' ? [{ code: 'connect_refused' as const, message: `connection refused by rpc-1.example.com:443 at ${address}` }] : [],
    });
    const addresses = [address('198.51.100.7', 4, 'up'), address('198.51.100.8', 4, 'down'), address('2001:db8::8', 6, 'up'), address('2001:db8::9', 6, 'skipped')];
    const unhealthy = { code: 'address_unhealthy' as const, message: 'address 198.51.100.8 is down: connect_refused, connection refused by rpc-1.example.com:443' };
    const split = { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: [unhealthy], addresses }, { id: 'rpc-2' }, { id: 'rpc-3' }] };
    const model = modelFromLocalHistory(historyOf(report(t(0), split, 'eu-west-1')), LAYOUT, t(0));
    const rpc1 = model.networks[0]!.endpoints[0]!;
    expect(rpc1.status).toBe('degraded_performance');
    expect(rpc1.detail).toBe('1 of 3 addresses failing');
    expect(model.incidents[0]!.updates[0]!.body).toBe('rpc-1 (eth-main): 1 of 3 addresses failing, seen from eu-west-1.');
    expect(JSON.stringify(model)).not.toMatch(/198\.51\.100|2001:db8/);
  });

  it('keeps exposure findings off the public page: an exposed admin API does not degrade the component', () => {
    const exposed = { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['exposed_admin_api' as const] }, { id: 'rpc-2' }, { id: 'rpc-3' }] };
    const model = modelFromLocalHistory(historyOf(report(t(0), exposed)), LAYOUT, t(0));
    expect(model.networks[0]!.endpoints[0]!.status).toBe('operational');
    expect(model.incidents).toEqual([]);
    expect(JSON.stringify(model)).not.toMatch(/admin|exposed/i);
  });

  it('computes daily uptime as the share of rounds that were not down, per endpoint and per network', () => {
    const down = { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['timeout' as const] }, { id: 'rpc-2' }, { id: 'rpc-3', reasons: ['slow' as const] }] };
    const history = historyOf(report(t(0), healthy), report(t(1), down), report(t(2), healthy), report(t(3), healthy));
    const model = modelFromLocalHistory(history, LAYOUT, t(3));
    const eth = model.networks[0]!;
    const today = eth.endpoints[0]!.uptime.days.at(-1)!;
    expect(today).toEqual({ date: '2025-11-20', ratio: 0.75, maintenanceMs: 0 });
    expect(eth.endpoints[2]!.uptime.days.at(-1)!.ratio).toBe(1); // degraded (slow) still answered
    expect(eth.uptime.days.at(-1)!.ratio).toBeCloseTo((0.75 + 1 + 1) / 3, 10);
    expect(eth.endpoints[0]!.uptime.days).toHaveLength(90);
    expect(eth.endpoints[0]!.uptime.days[0]).toEqual({ date: '2025-08-23', ratio: null, maintenanceMs: 0 });
    expect(model.networks[1]!.endpoints[0]!.uptime.ratio).toBe(1);
  });

  it('drops resolved incidents and uptime days older than the 90-day window', () => {
    const down = { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['timeout' as const] }, { id: 'rpc-2' }, { id: 'rpc-3' }] };
    const history = historyOf(report(t(0), down), report(t(1), healthy));
    expect(history.log.incidents).toHaveLength(1);
    recordReport(history, report(t(91 * 24 * 60), healthy), LAYOUT);
    expect(history.log.incidents).toHaveLength(0);
    expect(Object.keys(history.uptime['eth-main/rpc-1']!)).toEqual(['2026-02-19']);
  });

  it('survives a JSON round trip (the --history file) and keeps building the same incidents', () => {
    const lagging = { ...healthy, 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2', reasons: ['lagging' as const], lagBlocks: 8 }, { id: 'rpc-3' }] };
    const restored = JSON.parse(JSON.stringify(historyOf(report(t(0), lagging))));
    recordReport(restored, report(t(1), healthy), LAYOUT);
    const model = modelFromLocalHistory(restored, LAYOUT, t(1));
    expect(model.incidents[0]!.resolvedAt).toBe(t(1));
    expect(model.incidents[0]!.updates.map((u) => u.id)).toEqual([`${model.incidents[0]!.id}-1`, `${model.incidents[0]!.id}-2`]);
  });
});

describe('maintenance in the local history', () => {
  // rpc-1 is refused from t(0) to t(20); the window covers it from t(5) to t(10).
  const window = maintenanceWindow('upgrade', 'Node upgrade', t(5), t(10), { endpoints: ['eth-main/rpc-1'] });
  const layout = { ...LAYOUT, maintenance: [window] };
  const refused = { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['connect_refused' as const] }, { id: 'rpc-2' }, { id: 'rpc-3' }] };
  const run = (minutes: number[], spec: (m: number) => typeof healthy) => {
    const history = createLocalHistory(t(minutes[0]!));
    for (const m of minutes) recordReport(history, report(t(m), spec(m)), layout);
    return history;
  };

  it('shows a covered endpoint that is down as under maintenance, opens no incident and leaves the rounds out of uptime', () => {
    const history = run([5, 6, 7, 8], () => refused);
    const model = modelFromLocalHistory(history, layout, t(8));
    const rpc1 = model.networks[0]!.endpoints[0]!;
    expect(rpc1).toMatchObject({ status: 'under_maintenance', detail: 'Maintenance: Node upgrade (until 2025-11-20 10:10 UTC)', since: t(5) });
    expect(model.networks[0]!.status).toBe('under_maintenance');
    expect(model.indicator).toBe('maintenance');
    expect(model.description).toBe('Service Under Maintenance');
    expect(model.incidents).toEqual([]);
    expect(rpc1.uptime.days.at(-1)).toEqual({ date: '2025-11-20', ratio: null, maintenanceMs: 3 * 60_000 });
    expect(model.maintenances.map((m) => [m.id, m.status, m.createdAt])).toEqual([['upgrade', 'in_progress', t(5)]]);
  });

  it('returns to the normal state when the window ends: the outage opens an incident then, and uptime counts only the rounds outside the window', () => {
    const history = run([0, 5, 6, 10, 11], (m) => (m === 0 ? healthy : refused));
    const model = modelFromLocalHistory(history, layout, t(11));
    const rpc1 = model.networks[0]!.endpoints[0]!;
    expect(rpc1.status).toBe('major_outage');
    expect(model.incidents).toHaveLength(1);
    expect(model.incidents[0]).toMatchObject({ startedAt: t(10), resolvedAt: null, title: 'rpc-1 on eth-main: major outage' });
    // Rounds at 0 (up), 10 and 11 (down) count; 5 and 6 are inside the window. Maintenance so far: 5 minutes.
    expect(rpc1.uptime.days.at(-1)).toEqual({ date: '2025-11-20', ratio: 1 / 3, maintenanceMs: 5 * 60_000 });
    expect(model.maintenances[0]!.status).toBe('completed');
  });

  it('leaves an incident opened before the window open and untouched through it, and resolves it after', () => {
    const history = run([0, 5, 6, 10], (m) => (m < 10 ? refused : healthy));
    const during = modelFromLocalHistory(run([0, 5, 6], () => refused), layout, t(6));
    expect(during.incidents).toHaveLength(1);
    expect(during.incidents[0]!.updates).toHaveLength(1);
    expect(during.networks[0]!.endpoints[0]!.status).toBe('under_maintenance');
    const after = modelFromLocalHistory(history, layout, t(10));
    expect(after.incidents[0]).toMatchObject({ startedAt: t(0), resolvedAt: t(10) });
    expect(after.incidents[0]!.updates.map((u) => u.status)).toEqual(['investigating', 'resolved']);
  });
});

describe('chart series in the local history', () => {
  it('keeps the median time to first byte and the largest lag per hour and per day, the current hour last', () => {
    const spec = (ttfbMs: number, lagBlocks: number) => ({ ...healthy, 'eth-main': [{ id: 'rpc-1', ttfbMs, lagBlocks }, { id: 'rpc-2' }, { id: 'rpc-3' }] });
    // 09:00 hour (t(-60)..): 10, 30, 20 ms and lag 0, 4, 1; 10:00 hour: 50 ms, lag 2.
    const history = createLocalHistory(t(-60));
    for (const [m, ms, lag] of [[-60, 10, 0], [-50, 30, 4], [-40, 20, 1], [0, 50, 2]] as const) recordReport(history, report(t(m), spec(ms, lag)), LAYOUT);
    const charts = modelFromLocalHistory(history, LAYOUT, t(0)).networks[0]!.endpoints[0]!.charts;
    expect(charts.responseMs.hourly).toMatchObject({ start: '2025-11-19T11:00:00.000Z', stepSeconds: 3600 });
    expect(charts.responseMs.hourly.values).toHaveLength(24);
    const [nine, ten] = charts.responseMs.hourly.values.slice(-2);
    // Medians within the histogram's 2.5%: 20 ms, then 50 ms.
    expect(Math.abs(nine! - 20) / 20).toBeLessThan(0.025);
    expect(Math.abs(ten! - 50) / 50).toBeLessThan(0.025);
    expect(charts.responseMs.hourly.values.slice(0, -2).every((v) => v === null)).toBe(true);
    expect(charts.lagBlocks.hourly.values.slice(-2)).toEqual([4, 2]);
    expect(charts.lagBlocks.daily.values.at(-1)).toBe(4);
    expect(charts.lagBlocks.daily).toMatchObject({ start: '2025-08-23T00:00:00.000Z', stepSeconds: 86_400 });
    expect(Math.abs(charts.responseMs.daily.values.at(-1)! - 20) / 20).toBeLessThan(0.025);
  });

  it('forgets hours older than 24 h, and records no sample while an endpoint is in maintenance or gives no answer', () => {
    const window = maintenanceWindow('w', 'Work', t(0), t(30), { endpoints: ['eth-main/rpc-1'] });
    const layout = { ...LAYOUT, maintenance: [window] };
    const history = createLocalHistory(t(-26 * 60));
    recordReport(history, report(t(-26 * 60), healthy), layout);
    recordReport(history, report(t(5), healthy), layout);
    recordReport(history, report(t(40), { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['connect_refused'], ttfbMs: null, lagBlocks: null }, { id: 'rpc-2' }, { id: 'rpc-3' }] }), layout);
    expect(Object.keys(history.samples['eth-main/rpc-1']!.hourly)).toEqual(['2025-11-20T10:00:00.000Z']);
    expect(history.samples['eth-main/rpc-1']!.hourly['2025-11-20T10:00:00.000Z']).toEqual({ ttfb: {}, lag: null });
    expect(Object.keys(history.samples['eth-main/rpc-2']!.hourly)).toEqual(['2025-11-20T10:00:00.000Z']);
  });
});

describe('page layout', () => {
  it('shows public endpoints only: reference and private endpoints and networks with nothing public are left out', () => {
    const config = applyDefaults({
      baseDir: '/tmp',
      input: {
        version: 1,
        status: { title: 'Acme RPC status' },
        networks: [
          { id: 'eth', chain: 'evm', endpoints: [
            { id: 'rpc-1', url: 'https://a.example.com' },
            { id: 'ref', url: 'https://b.example.com', reference: true },
            { id: 'admin', url: 'https://c.example.com', visibility: 'private' },
          ] },
          { id: 'hidden', chain: 'evm', endpoints: [{ id: 'only-ref', url: 'https://d.example.com', reference: true }] },
        ],
      },
    } as never);
    const layout = pageLayout(config);
    expect(layout.title).toBe('Acme RPC status');
    expect(layout.networks.map((n) => [n.id, n.endpoints])).toEqual([['eth', ['rpc-1']]]);
  });
});
