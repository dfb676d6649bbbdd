import { describe, expect, it } from 'vitest';
import { alarmName } from '../../../src/alarms/alarm-names.ts';
import { modelFromAlarms, type AlarmSnapshot, type AlarmSources, type AlarmTransition } from '../../../src/status/alarm-model.ts';
import { LAYOUT, maintenanceWindow, t } from '../../support/reports.ts';

const NS = 'Vantage';
const name = (subject: Parameters<typeof alarmName>[1]) => alarmName(NS, subject);
const ok = (alarm: string, updatedAt = t(-600)): AlarmSnapshot => ({ name: alarm, state: 'OK', updatedAt, value: null, regions: [] });

function sources(partial: Partial<AlarmSources>): AlarmSources {
  return { namespace: NS, layout: LAYOUT, alarms: [], transitions: [], uptime: [], now: t(60), historyStart: t(-14 * 24 * 60), ...partial };
}

describe('central status model from CloudWatch alarms', () => {
  it('maps firing alarms to component statuses: outage major, regional partial, lagging degraded', () => {
    const model = modelFromAlarms(sources({
      alarms: [
        { name: name({ kind: 'outage', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(10), value: 2, regions: ['us-east-1', 'eu-west-1'] },
        { name: name({ kind: 'regional', network: 'eth-main', endpoint: 'rpc-2' }), state: 'ALARM', updatedAt: t(11), value: 1, regions: ['eu-west-1'] },
        { name: name({ kind: 'lagging', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(12), value: 37, regions: ['eu-west-1'] },
        ok(name({ kind: 'outage', network: 'algo-main', endpoint: 'api-1' })),
      ],
    }));
    const eth = model.networks[0]!;
    expect(eth.endpoints.map((e) => [e.name, e.status])).toEqual([
      ['rpc-1', 'major_outage'], ['rpc-2', 'partial_outage'], ['rpc-3', 'degraded_performance'],
    ]);
    expect(eth.status).toBe('partial_outage');
    expect(model.networks[1]!.status).toBe('operational');
    expect(model.indicator).toBe('major');
    const rpc3 = model.incidents.find((i) => i.components[0] === 'eth-main/rpc-3')!;
    expect(rpc3.updates[0]!.body).toBe('rpc-3 (eth-main): 37 blocks behind the network, seen from eu-west-1.');
    expect(rpc3.startedAt).toBe(t(12));
    const rpc1 = model.incidents.find((i) => i.components[0] === 'eth-main/rpc-1')!;
    expect(rpc1.updates[0]!.body).toBe('rpc-1 (eth-main): not answering, seen from eu-west-1 and us-east-1.');
  });

  it('builds resolved incidents from alarm history, merging overlapping alarms of one endpoint into one incident', () => {
    const regional = name({ kind: 'regional', network: 'eth-main', endpoint: 'rpc-1' });
    const outage = name({ kind: 'outage', network: 'eth-main', endpoint: 'rpc-1' });
    const transitions: AlarmTransition[] = [
      { name: regional, at: t(0), from: 'OK', to: 'ALARM', value: 0 },
      { name: outage, at: t(3), from: 'OK', to: 'ALARM', value: 0 },
      { name: outage, at: t(9), from: 'ALARM', to: 'OK', value: 1 },
      { name: regional, at: t(12), from: 'ALARM', to: 'OK', value: 1 },
    ];
    const model = modelFromAlarms(sources({
      alarms: [ok(regional, t(12)), ok(outage, t(9))],
      transitions,
    }));
    expect(model.incidents).toHaveLength(1);
    const incident = model.incidents[0]!;
    expect(incident).toMatchObject({ startedAt: t(0), resolvedAt: t(12), impact: 'critical', title: 'rpc-1 on eth-main: major outage' });
    expect(incident.updates.map((u) => [u.at, u.status, u.affected[0]!.newStatus])).toEqual([
      [t(0), 'investigating', 'partial_outage'],
      [t(3), 'investigating', 'major_outage'],
      [t(9), 'investigating', 'partial_outage'],
      [t(12), 'resolved', 'operational'],
    ]);
    expect(model.networks[0]!.endpoints[0]!.status).toBe('operational');
  });

  it('tolerates missing history: a firing alarm without any transition opens an incident at its state change time', () => {
    const lagging = name({ kind: 'lagging', network: 'eth-main', endpoint: 'rpc-2' });
    const model = modelFromAlarms(sources({ alarms: [{ name: lagging, state: 'ALARM', updatedAt: t(30), value: null, regions: [] }] }));
    expect(model.incidents).toHaveLength(1);
    expect(model.incidents[0]).toMatchObject({ startedAt: t(30), resolvedAt: null });
    expect(model.incidents[0]!.updates[0]!.body).toBe('rpc-2 (eth-main): behind the network, seen by the probes.');
  });

  it('treats an alarm whose oldest known transition leaves ALARM as firing since the start of the history window', () => {
    const outage = name({ kind: 'outage', network: 'algo-main', endpoint: 'api-1' });
    const model = modelFromAlarms(sources({
      alarms: [ok(outage, t(5))],
      transitions: [{ name: outage, at: t(5), from: 'ALARM', to: 'OK', value: 1 }],
    }));
    expect(model.incidents[0]).toMatchObject({ startedAt: t(-14 * 24 * 60), resolvedAt: t(5) });
  });

  it('shows a stalled chain on the network, a missing probe heartbeat as a page note, and nothing for exposure, partkey or unknown alarms', () => {
    const model = modelFromAlarms(sources({
      alarms: [
        { name: name({ kind: 'stale-head', network: 'algo-main' }), state: 'ALARM', updatedAt: t(1), value: 95, regions: [] },
        { name: name({ kind: 'heartbeat', region: 'ap-southeast-1' }), state: 'ALARM', updatedAt: '2025-11-20T11:02:30.000Z', value: null, regions: [] },
        { name: name({ kind: 'exposure', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(1), value: 1, regions: [] },
        { name: name({ kind: 'partkey-expiry', network: 'algo-main', account: 'ABC' }), state: 'ALARM', updatedAt: t(1), value: 3, regions: [] },
        { name: name({ kind: 'outage', network: 'eth-main', endpoint: 'not-on-page' }), state: 'ALARM', updatedAt: t(1), value: 0, regions: [] },
        { name: 'Someone else outage', state: 'ALARM', updatedAt: t(1), value: 0, regions: [] },
      ],
    }));
    expect(model.networks[1]).toMatchObject({ id: 'algo-main', status: 'degraded_performance', detail: 'newest block is 95 s old: the chain may have stalled' });
    expect(model.networks[0]!.status).toBe('operational');
    expect(model.notes).toEqual(['Probes in ap-southeast-1 stopped reporting (noticed 2025-11-20 11:02 UTC): statuses may be out of date.']);
    expect(model.incidents.map((i) => i.components)).toEqual([['algo-main']]);
  });

  it('averages daily uptime over probe regions, per endpoint, and per network over its endpoints', () => {
    const model = modelFromAlarms(sources({
      uptime: [
        { network: 'eth-main', endpoint: 'rpc-1', region: 'us-east-1', days: new Map([['2025-11-19', 1], ['2025-11-20', 0.9]]) },
        { network: 'eth-main', endpoint: 'rpc-1', region: 'eu-west-1', days: new Map([['2025-11-20', 0.7]]) },
        { network: 'eth-main', endpoint: 'rpc-2', region: 'us-east-1', days: new Map([['2025-11-20', 1]]) },
      ],
    }));
    const eth = model.networks[0]!;
    expect(eth.endpoints[0]!.uptime.days.slice(-2)).toEqual([{ date: '2025-11-19', ratio: 1, maintenanceMs: 0 }, { date: '2025-11-20', ratio: 0.8, maintenanceMs: 0 }]);
    expect(eth.endpoints[2]!.uptime.ratio).toBeNull();
    expect(eth.uptime.days.at(-1)!.ratio).toBeCloseTo(0.9, 10);
    expect(eth.uptime.days.at(-2)!.ratio).toBe(1);
  });

  it('shows an endpoint whose outage alarm fires inside its window as under maintenance with no incident, and opens the incident when the window ends', () => {
    const outage = name({ kind: 'outage', network: 'eth-main', endpoint: 'rpc-1' });
    const layout = { ...LAYOUT, maintenance: [maintenanceWindow('upgrade', 'Node upgrade', t(5), t(30), { endpoints: ['eth-main/rpc-1'] })] };
    const firing = { name: outage, state: 'ALARM' as const, updatedAt: t(10), value: 2, regions: ['eu-west-1', 'us-east-1'] };
    const during = modelFromAlarms(sources({ layout, alarms: [firing], now: t(20) }));
    expect(during.networks[0]!.endpoints[0]).toMatchObject({ status: 'under_maintenance', detail: 'Maintenance: Node upgrade (until 2025-11-20 10:30 UTC)', since: t(5), regions: null });
    expect(during.incidents).toEqual([]);
    expect(during.maintenances.map((m) => [m.id, m.status])).toEqual([['upgrade', 'in_progress']]);
    const after = modelFromAlarms(sources({ layout, alarms: [firing], now: t(60) }));
    expect(after.networks[0]!.endpoints[0]!.status).toBe('major_outage');
    expect(after.incidents).toHaveLength(1);
    expect(after.incidents[0]).toMatchObject({ startedAt: t(30), resolvedAt: null });
    // An alarm that stopped firing inside the window leaves nothing behind.
    const quiet = modelFromAlarms(sources({ layout, alarms: [ok(outage, t(20))], transitions: [{ name: outage, at: t(10), from: 'OK', to: 'ALARM', value: 2 }, { name: outage, at: t(20), from: 'ALARM', to: 'OK', value: 0 }] }));
    expect(quiet.incidents).toEqual([]);
    expect(quiet.networks[0]!.endpoints[0]!.status).toBe('operational');
  });

  it('says per endpoint which probe regions see it down, degraded, up, or not at all now', () => {
    const model = modelFromAlarms(sources({
      alarms: [
        { name: name({ kind: 'regional', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(10), value: 1, regions: ['eu-west-1'] },
        { name: name({ kind: 'lagging', network: 'eth-main', endpoint: 'rpc-2' }), state: 'ALARM', updatedAt: t(10), value: 9, regions: ['us-east-1', 'eu-west-1'] },
        { name: name({ kind: 'outage', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(10), value: 2, regions: [] },
      ],
    }));
    const regions = model.networks[0]!.endpoints.map((e) => e.regions);
    expect(regions).toEqual([
      { down: ['eu-west-1'], degraded: [], up: ['us-east-1'], unknown: [] },
      // Config order (us-east-1 first), not the alarm's.
      { down: [], degraded: ['us-east-1', 'eu-west-1'], up: [], unknown: [] },
      // Firing without a breakdown: any region may be the one.
      { down: [], degraded: [], up: [], unknown: ['us-east-1', 'eu-west-1'] },
    ]);
    expect(model.networks[1]!.endpoints[0]!.regions).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1'], unknown: [] });
    const silent = modelFromAlarms(sources({ alarms: [{ name: name({ kind: 'heartbeat', region: 'eu-west-1' }), state: 'ALARM', updatedAt: t(1), value: null, regions: [] }] }));
    expect(silent.networks[1]!.endpoints[0]!.regions).toEqual({ down: [], degraded: [], up: ['us-east-1'], unknown: ['eu-west-1'] });
  });

  it('shows finality, late-block and address alarms as degraded endpoints, in plain words from the value behind each alarm', () => {
    const model = modelFromAlarms(sources({
      alarms: [
        // Values as the status function hands them over: the worst region's FinalityLag (s) and ArrivalDelay (ms), the AddressesUnhealthy count.
        { name: name({ kind: 'finality-lagging', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(10), value: 1518, regions: ['us-east-1'] },
        { name: name({ kind: 'late-blocks', network: 'eth-main', endpoint: 'rpc-2' }), state: 'ALARM', updatedAt: t(11), value: 2140, regions: ['eu-west-1'] },
        { name: name({ kind: 'addresses', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(12), value: 2, regions: [] },
      ],
    }));
    const eth = model.networks[0]!;
    expect(eth.endpoints.map((e) => [e.name, e.status, e.detail])).toEqual([
      ['rpc-1', 'degraded_performance', 'finalized head 25 min behind the head'],
      ['rpc-2', 'degraded_performance', 'blocks arrive 2.1 s after the fastest endpoint'],
      ['rpc-3', 'degraded_performance', '2 addresses failing'],
    ]);
    expect(eth.status).toBe('degraded_performance');
    expect(model.indicator).toBe('minor');
    const body = (endpoint: string) => model.incidents.find((i) => i.components[0] === `eth-main/${endpoint}`)!.updates[0]!.body;
    expect(body('rpc-1')).toBe('rpc-1 (eth-main): finalized head 25 min behind the head, seen from us-east-1.');
    expect(body('rpc-2')).toBe('rpc-2 (eth-main): blocks arrive 2.1 s after the fastest endpoint, seen from eu-west-1.');
    // Counts only, never which addresses; the count has no region.
    expect(body('rpc-3')).toBe('rpc-3 (eth-main): 2 addresses failing, seen by the probes.');
    expect(modelFromAlarms(sources({ alarms: [{ name: name({ kind: 'addresses', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(12), value: 1, regions: [] }] }))
      .networks[0]!.endpoints[2]!.detail).toBe('1 address failing');
  });

  it('degrades the network for slow blocks, an unusual block interval and stalled finality, in words from the alarm value', () => {
    const slow = name({ kind: 'slow-blocks', network: 'algo-main' });
    const band = name({ kind: 'cadence-anomaly', network: 'algo-main' });
    const stalled = name({ kind: 'finality-stalled', network: 'eth-main' });
    const model = modelFromAlarms(sources({
      alarms: [
        // Both cadence alarms read BlockInterval (s): one sentence, not the same one twice.
        { name: slow, state: 'ALARM', updatedAt: t(10), value: 7.46, regions: [] },
        { name: band, state: 'ALARM', updatedAt: t(11), value: 7.46, regions: [] },
        { name: stalled, state: 'ALARM', updatedAt: t(12), value: null, regions: [] },
      ],
    }));
    expect(model.networks.map((n) => [n.id, n.status, n.detail])).toEqual([
      ['eth-main', 'degraded_performance', 'finalized head far behind the head on every endpoint: finality may have stalled'],
      ['algo-main', 'degraded_performance', 'blocks every 7.5 s, expected ~2.8 s'],
    ]);
    // Endpoints are not touched by network-wide findings.
    expect(model.networks.flatMap((n) => n.endpoints.map((e) => e.status)).every((s) => s === 'operational')).toBe(true);
    expect(model.incidents.find((i) => i.components[0] === 'algo-main')!.updates[0]!.body).toBe('algo-main: blocks every 7.5 s, expected ~2.8 s, seen by the probes.');
    // The anomaly band alone, and without a value.
    const band_only = modelFromAlarms(sources({ alarms: [{ name: band, state: 'ALARM', updatedAt: t(11), value: null, regions: [] }] }));
    expect(band_only.networks[1]).toMatchObject({ status: 'degraded_performance', detail: 'blocks come more slowly than usual' });
  });

  it('falls back to words without figures when an alarm of issue 14 has no value', () => {
    const model = modelFromAlarms(sources({
      alarms: [
        { name: name({ kind: 'finality-lagging', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(10), value: null, regions: [] },
        { name: name({ kind: 'late-blocks', network: 'eth-main', endpoint: 'rpc-2' }), state: 'ALARM', updatedAt: t(10), value: null, regions: [] },
        { name: name({ kind: 'addresses', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(10), value: null, regions: [] },
        { name: name({ kind: 'slow-blocks', network: 'algo-main' }), state: 'ALARM', updatedAt: t(10), value: null, regions: [] },
      ],
    }));
    expect(model.networks[0]!.endpoints.map((e) => e.detail)).toEqual([
      'finalized head far behind the head', 'new blocks arrive late', 'some of its addresses are failing',
    ]);
    expect(model.networks[1]!.detail).toBe('blocks are produced slowly');
  });

  it('takes a judgement alarm\'s figure from the region breakdown, never from its 0/1 datapoint in the alarm history', () => {
    const lagging = name({ kind: 'lagging', network: 'eth-main', endpoint: 'rpc-2' });
    const finality = name({ kind: 'finality-lagging', network: 'eth-main', endpoint: 'rpc-1' });
    const model = modelFromAlarms(sources({
      // The breakdown says 37 blocks and 1518 s now; the alarms' own datapoints are the probes' judgement, 1.
      alarms: [
        { name: lagging, state: 'ALARM', updatedAt: t(20), value: 37, regions: ['eu-west-1'] },
        { name: finality, state: 'ALARM', updatedAt: t(20), value: 1518, regions: ['us-east-1'] },
      ],
      transitions: [
        // An earlier episode, resolved: its only figure is the judgement.
        { name: lagging, at: t(0), from: 'OK', to: 'ALARM', value: 1 },
        { name: lagging, at: t(5), from: 'ALARM', to: 'OK', value: 0 },
        { name: lagging, at: t(20), from: 'OK', to: 'ALARM', value: 1 },
        { name: finality, at: t(20), from: 'OK', to: 'ALARM', value: 1 },
      ],
    }));
    const [rpc1, rpc2] = model.networks[0]!.endpoints;
    expect(rpc2!.detail).toBe('37 blocks behind the network');
    expect(rpc1!.detail).toBe('finalized head 25 min behind the head');
    const bodies = model.incidents.flatMap((i) => i.updates.map((u) => u.body));
    expect(bodies).toContain('rpc-2 (eth-main): behind the network, seen by the probes.');
    expect(bodies).toContain('rpc-2 (eth-main): 37 blocks behind the network, seen from eu-west-1.');
    expect(bodies.join('\n')).not.toMatch(/\b1 blocks?\b|\b1 s behind/);
  });

  it('shows a certificate or address alarm as degraded without erasing what each probe region sees (those metrics have no region)', () => {
    const model = modelFromAlarms(sources({
      alarms: [
        { name: name({ kind: 'tls-expiry', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(10), value: 6.2, regions: [] },
        { name: name({ kind: 'addresses', network: 'eth-main', endpoint: 'rpc-2' }), state: 'ALARM', updatedAt: t(10), value: 1, regions: [] },
        // rpc-3: an expiring certificate while eu-west-1 sees it down.
        { name: name({ kind: 'tls-expiry', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(10), value: 6.2, regions: [] },
        { name: name({ kind: 'regional', network: 'eth-main', endpoint: 'rpc-3' }), state: 'ALARM', updatedAt: t(10), value: 1, regions: ['eu-west-1'] },
      ],
    }));
    const [rpc1, rpc2, rpc3] = model.networks[0]!.endpoints;
    expect(rpc1).toMatchObject({ status: 'degraded_performance', detail: 'TLS certificate expires in 6.2 days' });
    expect(rpc1!.regions).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1'], unknown: [] });
    expect(rpc2!.regions).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1'], unknown: [] });
    expect(rpc3!.regions).toEqual({ down: ['eu-west-1'], degraded: [], up: ['us-east-1'], unknown: [] });
    expect(model.incidents.find((i) => i.components[0] === 'eth-main/rpc-1')!.updates[0]!.body).toBe('rpc-1 (eth-main): TLS certificate expires in 6.2 days, seen by the probes.');
  });

  it('adds an incident update when a probe region starts or stops seeing the problem', () => {
    const regional = name({ kind: 'regional', network: 'eth-main', endpoint: 'rpc-2' });
    const model = modelFromAlarms(sources({
      alarms: [{ name: regional, state: 'ALARM', updatedAt: t(10), value: 1, regions: ['us-east-1'] }],
      regionSightings: [
        { alarm: regional, at: t(10), regions: ['eu-west-1'] },
        { alarm: regional, at: t(20), regions: ['eu-west-1', 'us-east-1'] },
        { alarm: regional, at: t(25), regions: ['eu-west-1', 'us-east-1'] },
        { alarm: regional, at: t(30), regions: ['us-east-1'] },
      ],
    }));
    expect(model.incidents).toHaveLength(1);
    expect(model.incidents[0]!.updates.map((u) => [u.at, u.body])).toEqual([
      [t(10), 'rpc-2 (eth-main): not answering, seen from eu-west-1.'],
      [t(20), 'rpc-2 (eth-main): not answering, seen from eu-west-1 and us-east-1 (us-east-1 sees it too).'],
      [t(30), 'rpc-2 (eth-main): not answering, seen from us-east-1 (eu-west-1 no longer sees it).'],
    ]);
  });
});
