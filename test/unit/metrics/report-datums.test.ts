import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { datumPlan } from '../../../src/metrics/datum-plan.ts';
import { reportToDatums } from '../../../src/metrics/report-datums.ts';
import type { EndpointReport, NetworkReport, Report } from '../../../src/report/report.ts';

// Reports are written out by hand: the datums each must yield follow from the
// layout in src/report/metric-layout.ts (per endpoint and region for the page,
// region-less with AlarmGroup for alarms, per network for the chain).
const STARTED = '2026-05-01T12:00:00.000Z';

const CONFIG = `
version: 1
probe: { regions: [eu-west-1, us-east-1] }
networks:
  - id: eth
    chain: evm
    endpoints:
      - { id: a, url: "https://a.example.com" }
      - { id: b, url: "http://b.example.com", tls: { warnDays: 7 } }
      - { id: ref, url: "https://ref.example.com", reference: true }
      - { id: private, url: "https://10.0.0.9:8545", visibility: private }
  - id: btc
    chain: bitcoin
    endpoints:
      - { id: node, url: "https://btc.example.com" }
  - id: algo
    chain: algorand
    endpoints:
      - { id: api, url: "https://algod.example.com" }
`;

const planOf = (yaml: string, maintenance = '') => datumPlan(applyDefaults(parseConfigText(`${yaml}${maintenance}`, { file: null, baseDir: process.cwd() })));
const plan = planOf(CONFIG);

function endpoint(over: Partial<EndpointReport> & { id: string }): EndpointReport {
  return {
    url: `https://${over.id}.example`,
    reference: false,
    status: 'up',
    reasons: [],
    timings: { dnsMs: 1.5, connectMs: 2.5, tlsMs: 3.5, ttfbMs: 40.25, totalMs: 41, upgradeMs: null, firstNotificationMs: null },
    tls: { protocol: 'TLSv1.3', notAfter: '2026-07-01T00:00:00.000Z', daysToExpiry: 60.5, issuer: 'CN=CA', subject: 'CN=x', trusted: true, hostnameMatch: true },
    chain: { height: 1000, lagBlocks: 0, headAgeSeconds: 4.5, syncing: false, peers: 9, finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null },
    arrival: null,
    addresses: [],
    ...over,
  };
}

function report(networks: NetworkReport[], region = 'eu-west-1'): Report {
  return { schemaVersion: 1, startedAt: STARTED, durationMs: 10, region, status: 'up', networks };
}

function network(id: string, endpoints: EndpointReport[], accounts: NetworkReport['accounts'] = []): NetworkReport {
  return { id, chain: 'evm', status: 'up', referenceHeight: 1000, endpoints, accounts };
}

/** "Name Dim=Value,…" → value, for readable assertions. */
function table(datums: readonly MetricDatum[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of datums) out[`${d.name} ${d.dimensions.map((x) => `${x.name}=${x.value}`).join(',')}`] = d.value;
  return out;
}

const perRegion = (n: string, e: string, r = 'eu-west-1') => `Network=${n},Endpoint=${e},ProbeRegion=${r}`;
const alarmed = (n: string, e: string, g = 'g1') => `AlarmGroup=${g},Network=${n},Endpoint=${e}`;

describe('reportToDatums', () => {
  it('publishes AddressesUnhealthy region-less for the alarm, every round, where addresses were probed one by one: the count of address_unhealthy findings, no address as a dimension', () => {
    const addresses: EndpointReport['addresses'] = [
      { address: '198.51.100.7', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: 40.25, height: 1000 },
      { address: '198.51.100.8', family: 4, primary: false, status: 'down', reasons: [{ code: 'connect_refused', message: 'refused' }], ttfbMs: null, height: null },
      { address: '2001:db8::8', family: 6, primary: false, status: 'degraded', reasons: [{ code: 'lagging', message: 'behind' }], ttfbMs: 41, height: 900 },
    ];
    const r = report([network('eth', [
      endpoint({ id: 'a', status: 'degraded', addresses, reasons: [{ code: 'address_unhealthy', message: 'address 198.51.100.8 is down' }, { code: 'address_unhealthy', message: 'address 2001:db8::8 is degraded' }] }),
      endpoint({ id: 'b', addresses: addresses.slice(0, 1) }),
      // No address probed (a private endpoint, or nothing resolved): nothing measured.
      endpoint({ id: 'private', addresses: [] }),
    ])]);
    const datums = reportToDatums(r, plan);
    const t = table(datums);
    expect(t[`AddressesUnhealthy ${alarmed('eth', 'a')}`]).toBe(2);
    expect(t[`AddressesUnhealthy ${alarmed('eth', 'b')}`]).toBe(0);
    // Region-less only: the page and the dashboard read the alarm metric; no series per region.
    expect(Object.keys(t).filter((k) => k.startsWith('AddressesUnhealthy'))).toEqual([`AddressesUnhealthy ${alarmed('eth', 'a')}`, `AddressesUnhealthy ${alarmed('eth', 'b')}`]);
    expect(datums.find((d) => d.name === 'AddressesUnhealthy')!.unit).toBe('Count');
    // Every round, not only with the invocation's slow facts.
    expect(table(reportToDatums(r, plan, { invocationFacts: false }))[`AddressesUnhealthy ${alarmed('eth', 'a')}`]).toBe(2);
    const addressText = addresses.map((a) => a.address);
    for (const d of datums) for (const dim of d.dimensions) expect(addressText).not.toContain(dim.value);
  });

  it('publishes no AddressesUnhealthy for an endpoint probed at its first address only, or whose host is an IP address (its count is always 0)', () => {
    const first = planOf(CONFIG.replace('{ id: b, url: "http://b.example.com", tls: { warnDays: 7 } }', '{ id: b, url: "http://b.example.com", tls: { warnDays: 7 }, addresses: first }')
      .replace('{ id: node, url: "https://btc.example.com" }', '{ id: node, url: "https://203.0.113.7:8332" }'));
    const one: EndpointReport['addresses'] = [{ address: '203.0.113.7', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: 40.25, height: 1000 }];
    const t = table(reportToDatums(report([network('eth', [endpoint({ id: 'a', addresses: one }), endpoint({ id: 'b', addresses: one })]), network('btc', [endpoint({ id: 'node', addresses: one })])]), first));
    expect(Object.keys(t).filter((k) => k.startsWith('AddressesUnhealthy'))).toEqual([`AddressesUnhealthy ${alarmed('eth', 'a')}`]);
  });

  it('publishes the WebSocket phases only with metrics.detail full', () => {
    const ws = endpoint({ id: 'a', timings: { dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 9, totalMs: 30, upgradeMs: 4.5, firstNotificationMs: 850 } });
    const standard = table(reportToDatums(report([network('eth', [ws])]), plan));
    expect(Object.keys(standard).some((k) => k.startsWith('WebSocketUpgradeTime') || k.startsWith('FirstNotificationTime'))).toBe(false);
    const full = table(reportToDatums(report([network('eth', [ws])]), planOf(CONFIG.replace('version: 1', 'version: 1\nmetrics: { detail: full }'))));
    expect(full[`WebSocketUpgradeTime ${perRegion('eth', 'a')}`]).toBe(4.5);
    expect(full[`FirstNotificationTime ${perRegion('eth', 'a')}`]).toBe(850);
  });

  it('publishes a served endpoint per region for the page and region-less with its alarm group for the alarms', () => {
    const t = table(reportToDatums(report([network('eth', [endpoint({ id: 'a' })])]), plan));
    expect(t).toEqual({
      [`HeadAge Network=eth`]: 4.5,
      [`Up ${perRegion('eth', 'a')}`]: 1,
      [`TimeToFirstByte ${perRegion('eth', 'a')}`]: 40.25,
      [`HeightLag ${perRegion('eth', 'a')}`]: 0,
      [`RegionsDown ${alarmed('eth', 'a')}`]: 0,
      [`Lagging ${alarmed('eth', 'a')}`]: 0,
      // evm probes admin namespaces: Exposed is watched.
      [`Exposed ${alarmed('eth', 'a')}`]: 0,
      [`TlsDaysToExpiry ${alarmed('eth', 'a')},WarnDays=14`]: 60.5,
      'ProbeRuns ProbeRegion=eu-west-1': 1,
    });
  });

  it('counts a down endpoint in RegionsDown and a lagging one in Lagging, judged only where a lag was measured', () => {
    const t = table(reportToDatums(report([network('eth', [
      endpoint({ id: 'a', status: 'down', reasons: [{ code: 'timeout', message: 'no answer' }], chain: null, tls: null }),
      endpoint({ id: 'b', status: 'degraded', reasons: [{ code: 'lagging', message: '30 behind' }], chain: { ...endpoint({ id: 'x' }).chain!, height: 970, lagBlocks: 30, headAgeSeconds: 40, peers: 3 } }),
    ])]), plan));
    expect([t[`Up ${perRegion('eth', 'a')}`], t[`RegionsDown ${alarmed('eth', 'a')}`]]).toEqual([0, 1]);
    expect(`Lagging ${alarmed('eth', 'a')}` in t).toBe(false);
    expect([t[`Up ${perRegion('eth', 'b')}`], t[`RegionsDown ${alarmed('eth', 'b')}`], t[`Lagging ${alarmed('eth', 'b')}`]]).toEqual([1, 0, 1]);
    // The certificate's warnDays travels as a dimension, so one fleet alarm per threshold can select it.
    expect(t[`TlsDaysToExpiry ${alarmed('eth', 'b')},WarnDays=7`]).toBe(60.5);
  });

  it('gives the network the head age of every endpoint, references included, as one metric read with Minimum', () => {
    const datums = reportToDatums(report([network('eth', [
      endpoint({ id: 'a', chain: { ...endpoint({ id: 'x' }).chain!, headAgeSeconds: 12 } }),
      endpoint({ id: 'ref', reference: true, chain: { ...endpoint({ id: 'x' }).chain!, headAgeSeconds: 3 } }),
    ])]), plan);
    expect(datums.filter((d) => d.name === 'HeadAge').map((d) => [d.dimensions, d.value])).toEqual([
      [[{ name: 'Network', value: 'eth' }], 12], [[{ name: 'Network', value: 'eth' }], 3],
    ]);
    // The reference endpoint feeds nothing else.
    expect(datums.filter((d) => d.dimensions.some((x) => x.value === 'ref'))).toEqual([]);
  });

  it('asks a private endpoint only whether it answers (Exposed), and a family without admin probes never', () => {
    const t = table(reportToDatums(report([
      network('eth', [endpoint({ id: 'private', status: 'degraded', reasons: [{ code: 'exposed_private_endpoint', message: 'answered' }], chain: null })]),
      network('btc', [endpoint({ id: 'node' })]),
    ]), plan));
    expect(Object.keys(t).filter((k) => k.includes('Endpoint=private'))).toEqual([`Exposed ${alarmed('eth', 'private')}`]);
    expect(t[`Exposed ${alarmed('eth', 'private')}`]).toBe(1);
    expect(Object.keys(t).filter((k) => k.startsWith('Exposed') && k.includes('btc'))).toEqual([]);
  });

  it('adds the phase timings, block height, per-region head age and Healthy with metrics.detail: full', () => {
    const r = report([network('eth', [endpoint({ id: 'a' })])]);
    const standard = table(reportToDatums(r, plan));
    const full = table(reportToDatums(r, { ...plan, detail: 'full' }));
    expect(Object.keys(full).filter((k) => !(k in standard)).sort()).toEqual([
      `BlockHeight ${perRegion('eth', 'a')}`, `ConnectTime ${perRegion('eth', 'a')}`, `DnsTime ${perRegion('eth', 'a')}`, `HeadAge ${perRegion('eth', 'a')}`,
      `Healthy ${perRegion('eth', 'a')}`, `ProbeDuration ${perRegion('eth', 'a')}`, `TlsTime ${perRegion('eth', 'a')}`,
    ]);
  });

  it('stamps a later round with its slot at high resolution, without slow facts or the heartbeat', () => {
    const slot = Date.parse('2026-05-01T12:00:20.000Z');
    const datums = reportToDatums(report([network('eth', [endpoint({ id: 'a' })])]), plan, { timestamp: slot, highResolution: true, invocationFacts: false, heartbeat: false });
    expect(datums.every((d) => d.timestamp === slot && d.highResolution === true)).toBe(true);
    expect(datums.map((d) => d.name).sort()).toEqual(['HeadAge', 'HeightLag', 'Lagging', 'RegionsDown', 'TimeToFirstByte', 'Up']);
  });

  it('publishes FinalityLag per endpoint and region where finality is tracked, references included, and the 0/1 judgement for the alarms', () => {
    const chain = (finalityLagSeconds: number | null) => ({ ...endpoint({ id: 'x' }).chain!, finalityLagSeconds });
    const t = table(reportToDatums(report([network('eth', [
      endpoint({ id: 'a', chain: chain(768) }),
      endpoint({ id: 'b', status: 'degraded', reasons: [{ code: 'finality_lagging', message: 'far behind' }], chain: chain(1500) }),
      endpoint({ id: 'ref', reference: true, chain: chain(1500) }),
    ])]), plan));
    expect([t[`FinalityLag ${perRegion('eth', 'a')}`], t[`FinalityLag ${perRegion('eth', 'b')}`], t[`FinalityLag ${perRegion('eth', 'ref')}`]]).toEqual([768, 1500, 1500]);
    expect([t[`FinalityLagging ${alarmed('eth', 'a')}`], t[`FinalityLagging ${alarmed('eth', 'b')}`]]).toEqual([0, 1]);
    // "Finality stalled" reads the network's minimum: one endpoint not lagging keeps it at 0.
    const stalled = reportToDatums(report([network('eth', [endpoint({ id: 'a', chain: chain(768) }), endpoint({ id: 'b', reasons: [{ code: 'finality_lagging', message: 'x' }], chain: chain(1500) })])]), plan)
      .filter((d) => d.name === 'FinalityLagging' && d.dimensions.length === 1).map((d) => d.value);
    expect(stalled).toEqual([0, 1]);
  });

  it('publishes no finality where it is instant (always 0) or absent', () => {
    const chain = { ...endpoint({ id: 'x' }).chain!, finalityLagSeconds: 0 };
    for (const family of ['algorand', 'cometbft', 'bitcoin']) {
      const names = reportToDatums(report([{ ...network('n', [endpoint({ id: 'a', chain })]), chain: family }]), plan).map((d) => d.name);
      expect(names, family).not.toContain('FinalityLag');
    }
    expect(reportToDatums(report([network('eth', [endpoint({ id: 'a' })])]), plan).map((d) => d.name)).not.toContain('FinalityLagging');
  });

  it('publishes ArrivalDelay (the p50, ms) per region where a block was judged, and LateBlocks for the alarms', () => {
    const arrival = (p50Ms: number | null) => ({ blocks: p50Ms === null ? 0 : 5, p50Ms, maxMs: p50Ms, missed: 0, resolutionMs: 250 });
    const t = table(reportToDatums(report([network('eth', [
      endpoint({ id: 'a', arrival: arrival(0) }),
      endpoint({ id: 'b', status: 'degraded', reasons: [{ code: 'late_blocks', message: 'late' }], arrival: arrival(2140) }),
      endpoint({ id: 'ref', reference: true, arrival: arrival(300) }),
    ])]), plan));
    expect([t[`ArrivalDelay ${perRegion('eth', 'a')}`], t[`ArrivalDelay ${perRegion('eth', 'b')}`]]).toEqual([0, 2140]);
    expect(`ArrivalDelay ${perRegion('eth', 'ref')}` in t).toBe(false);
    expect([t[`LateBlocks ${alarmed('eth', 'a')}`], t[`LateBlocks ${alarmed('eth', 'b')}`]]).toEqual([0, 1]);
  });

  it('publishes BlockInterval once per network, dimension Network only: the minimum across its endpoints that can speak for the chain', () => {
    const chain = (blockIntervalSeconds: number | null) => ({ ...endpoint({ id: 'x' }).chain!, blockIntervalSeconds });
    const r = report([
      network('eth', [
        endpoint({ id: 'a', status: 'degraded', reasons: [{ code: 'slow_blocks', message: 's' }], chain: chain(30) }),
        endpoint({ id: 'b', chain: chain(12.2) }),
        endpoint({ id: 'ref', reference: true, chain: chain(12.1) }),
        // Another chain (faster) and a syncing node do not speak for this one.
        endpoint({ id: 'other-chain', status: 'down', reasons: [{ code: 'wrong_chain', message: 'w' }], chain: chain(2) }),
        endpoint({ id: 'syncing', status: 'down', reasons: [{ code: 'syncing', message: 's' }], chain: chain(1) }),
      ]),
      network('btc', [endpoint({ id: 'node', chain: chain(null) })]),
    ]);
    expect(reportToDatums(r, plan).filter((d) => d.name === 'BlockInterval')).toEqual([
      { name: 'BlockInterval', dimensions: [{ name: 'Network', value: 'eth' }], value: 12.1, unit: 'Seconds', timestamp: Date.parse(STARTED) },
    ]);
  });

  it('publishes participation key expiry per account with Network and Account only, 0 days when not Online', () => {
    const address = 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY';
    const offline = 'O'.repeat(58);
    const r = report([{ ...network('algo', [endpoint({ id: 'api' })]), chain: 'algorand', accounts: [
      { address, status: 'degraded', participation: 'Online', voteLastValid: 10, daysToExpiry: 9.1, reasons: [] },
      { address: offline, status: 'degraded', participation: 'Offline', voteLastValid: 99, daysToExpiry: 30, reasons: [{ code: 'partkey_expiring', message: 'is Offline' }] },
      { address: 'X'.repeat(58), status: 'down', participation: null, voteLastValid: null, daysToExpiry: null, reasons: [] },
    ] }]);
    const t = table(reportToDatums(r, plan));
    expect(t[`PartKeyDaysToExpiry Network=algo,Account=${address}`]).toBe(9.1);
    expect(t[`PartKeyDaysToExpiry Network=algo,Account=${offline}`]).toBe(0);
    expect(Object.keys(t).filter((k) => k.startsWith('PartKeyDaysToExpiry'))).toHaveLength(2);
  });

  it('sends exactly one ProbeRuns heartbeat with the first round, also when nothing was probed', () => {
    const datums = reportToDatums(report([], 'ap-southeast-1'), plan);
    expect(datums).toEqual([{ name: 'ProbeRuns', dimensions: [{ name: 'ProbeRegion', value: 'ap-southeast-1' }], value: 1, unit: 'Count', timestamp: Date.parse(STARTED) }]);
  });
});

describe('reportToDatums during maintenance', () => {
  const windows = (start: string, end: string) => `maintenance:
  - { id: upgrade, title: Node upgrade, start: "${start}", end: "${end}", endpoints: [eth/a] }
  - { id: btc-work, title: Bitcoin work, start: "${start}", end: "${end}", networks: [btc] }
`;
  const r = report([network('eth', [endpoint({ id: 'a', status: 'down', reasons: [{ code: 'timeout', message: 'x' }] }), endpoint({ id: 'b' })]), network('btc', [endpoint({ id: 'node' })])]);

  it('withholds a covered endpoint\'s alarm metrics, keeps its page metrics, and publishes Maintenance for what the windows cover', () => {
    const t = table(reportToDatums(r, planOf(CONFIG, windows('2026-05-01T11:00:00Z', '2026-05-01T13:00:00Z'))));
    // eth/a: named by a window (its own suppressor), alarm metrics withheld, still on the page.
    expect(Object.keys(t).filter((k) => k.includes('AlarmGroup') && k.includes('Endpoint=a'))).toEqual([]);
    expect(t[`Up ${perRegion('eth', 'a')}`]).toBe(0);
    expect(t['Maintenance Network=eth,Endpoint=a']).toBe(1);
    // eth/b is not covered: unchanged, and its network is not under maintenance as a whole.
    expect(t[`RegionsDown ${alarmed('eth', 'b')}`]).toBe(0);
    expect('Maintenance Network=eth' in t).toBe(false);
    // btc: covered whole; its endpoint is not named, so only the network-level Maintenance.
    expect(t['Maintenance Network=btc']).toBe(1);
    expect(Object.keys(t).filter((k) => k.startsWith('Maintenance'))).toHaveLength(2);
    expect(`RegionsDown ${alarmed('btc', 'node')}` in t).toBe(false);
    expect('HeadAge Network=btc' in t).toBe(false);
  });

  it('publishes nothing of the kind before a window opens or after it closes', () => {
    for (const [start, end] of [['2026-05-01T13:00:00Z', '2026-05-01T14:00:00Z'], ['2026-05-01T10:00:00Z', '2026-05-01T12:00:00Z']]) {
      const t = table(reportToDatums(r, planOf(CONFIG, windows(start!, end!))));
      expect(Object.keys(t).filter((k) => k.startsWith('Maintenance'))).toEqual([]);
      expect(t[`RegionsDown ${alarmed('eth', 'a')}`]).toBe(1);
    }
  });

  it('publishes Maintenance without dimensions for a window over everything, with every network', () => {
    const t = table(reportToDatums(r, planOf(CONFIG, 'maintenance:\n  - { id: all, title: All, start: "2026-05-01T11:00:00Z", end: "2026-05-01T13:00:00Z" }\n')));
    expect(Object.keys(t).filter((k) => k.startsWith('Maintenance')).sort()).toEqual(['Maintenance ', 'Maintenance Network=btc', 'Maintenance Network=eth']);
    expect(Object.keys(t).filter((k) => k.includes('AlarmGroup'))).toEqual([]);
  });
});
