import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { reportToDatums } from '../../../src/metrics/report-datums.ts';
import type { EndpointReport, NetworkReport, Report } from '../../../src/report/report.ts';

// Reports are written out by hand: the datums each must yield follow from DESIGN.md ("Metrics").
const STARTED = '2026-05-01T12:00:00.000Z';

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

const dims = (n: string, e: string, r = 'eu-west-1') => `Network=${n},Endpoint=${e},ProbeRegion=${r}`;

describe('reportToDatums', () => {
  it('turns a healthy endpoint into the standard metrics with Network, Endpoint and ProbeRegion', () => {
    const datums = reportToDatums(report([network('eth', [endpoint({ id: 'a' })])]), { detail: 'standard' });
    expect(table(datums)).toEqual({
      [`BlockHeight ${dims('eth', 'a')}`]: 1000,
      [`HeadAge ${dims('eth', 'a')}`]: 4.5,
      [`Up ${dims('eth', 'a')}`]: 1,
      [`Healthy ${dims('eth', 'a')}`]: 1,
      [`TimeToFirstByte ${dims('eth', 'a')}`]: 40.25,
      [`ProbeDuration ${dims('eth', 'a')}`]: 41,
      [`HeightLag ${dims('eth', 'a')}`]: 0,
      [`TlsDaysToExpiry ${dims('eth', 'a')}`]: 60.5,
      [`Exposed ${dims('eth', 'a')}`]: 0,
      'ProbeRuns ProbeRegion=eu-west-1': 1,
    });
  });

  it('publishes ArrivalDelay (the p50, ms) for watched endpoints that judged a block; none for references or windows without one', () => {
    const arrival = (p50Ms: number | null) => ({ blocks: p50Ms === null ? 0 : 5, p50Ms, maxMs: p50Ms, missed: 0, resolutionMs: 250 });
    const datums = reportToDatums(report([network('eth', [
      endpoint({ id: 'fast', arrival: arrival(0) }),
      endpoint({ id: 'late', status: 'degraded', reasons: [{ code: 'late_blocks', message: 'late' }], arrival: arrival(2140) }),
      endpoint({ id: 'quiet', arrival: arrival(null) }),
      endpoint({ id: 'ref', reference: true, arrival: arrival(300) }),
      endpoint({ id: 'unwatched' }),
    ])]), { detail: 'standard' });
    const delays = datums.filter((d) => d.name === 'ArrivalDelay');
    expect(delays.map((d) => [d.dimensions.find((x) => x.name === 'Endpoint')!.value, d.value, d.unit])).toEqual([
      ['fast', 0, 'Milliseconds'],
      ['late', 2140, 'Milliseconds'],
    ]);
    expect(table(datums)[`Healthy ${dims('eth', 'late')}`]).toBe(0);
  });

  it('stamps every datum with the run start and the unit CloudWatch alarms expect', () => {
    const datums = reportToDatums(report([network('eth', [endpoint({ id: 'a' })])]), { detail: 'standard' });
    expect(new Set(datums.map((d) => d.timestamp))).toEqual(new Set([Date.parse(STARTED)]));
    const unit = Object.fromEntries(datums.map((d) => [d.name, d.unit]));
    expect(unit).toMatchObject({ Up: 'None', TimeToFirstByte: 'Milliseconds', ProbeDuration: 'Milliseconds', HeadAge: 'Seconds', HeightLag: 'Count', ProbeRuns: 'Count' });
  });

  it('adds DnsTime, ConnectTime and TlsTime only with detail full', () => {
    const r = report([network('eth', [endpoint({ id: 'a' })])]);
    const standard = table(reportToDatums(r, { detail: 'standard' }));
    const full = table(reportToDatums(r, { detail: 'full' }));
    expect(Object.keys(standard).filter((k) => /^(Dns|Connect|Tls)Time /.test(k))).toEqual([]);
    expect(full[`DnsTime ${dims('eth', 'a')}`]).toBe(1.5);
    expect(full[`ConnectTime ${dims('eth', 'a')}`]).toBe(2.5);
    expect(full[`TlsTime ${dims('eth', 'a')}`]).toBe(3.5);
  });

  it('publishes AddressesUnhealthy where addresses were probed: the count of address_unhealthy findings, no address as a dimension', () => {
    const addresses: EndpointReport['addresses'] = [
      { address: '198.51.100.7', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: 40.25, height: 1000 },
      { address: '198.51.100.8', family: 4, primary: false, status: 'down', reasons: [{ code: 'connect_refused', message: 'refused' }], ttfbMs: null, height: null },
      { address: '2001:db8::8', family: 6, primary: false, status: 'degraded', reasons: [{ code: 'lagging', message: 'behind' }], ttfbMs: 41, height: 900 },
    ];
    const r = report([network('eth', [
      endpoint({ id: 'split', status: 'degraded', addresses, reasons: [{ code: 'address_unhealthy', message: 'address 198.51.100.8 is down' }, { code: 'address_unhealthy', message: 'address 2001:db8::8 is degraded' }] }),
      endpoint({ id: 'single', addresses: addresses.slice(0, 1) }),
      endpoint({ id: 'private', addresses: [] }),
    ])]);
    const datums = reportToDatums(r, { detail: 'standard' });
    const t = table(datums);
    expect(t[`AddressesUnhealthy ${dims('eth', 'split')}`]).toBe(2);
    expect(t[`AddressesUnhealthy ${dims('eth', 'single')}`]).toBe(0);
    expect(t[`AddressesUnhealthy ${dims('eth', 'private')}`]).toBeUndefined();
    expect(datums.find((d) => d.name === 'AddressesUnhealthy')!.unit).toBe('Count');
    expect(JSON.stringify(datums)).not.toMatch(/198\.51\.100|2001:db8/);
  });

  it('adds WebSocketUpgradeTime and FirstNotificationTime only with detail full, where they were measured', () => {
    const ws = endpoint({ id: 'ws', timings: { dnsMs: 1, connectMs: 2, tlsMs: 3, ttfbMs: 9, totalMs: 1300, upgradeMs: 4.5, firstNotificationMs: 1200.25 } });
    const r = report([network('eth', [ws, endpoint({ id: 'http' })])]);
    const standard = table(reportToDatums(r, { detail: 'standard' }));
    const full = table(reportToDatums(r, { detail: 'full' }));
    expect(Object.keys(standard).filter((k) => /^(WebSocketUpgradeTime|FirstNotificationTime) /.test(k))).toEqual([]);
    expect(full[`WebSocketUpgradeTime ${dims('eth', 'ws')}`]).toBe(4.5);
    expect(full[`FirstNotificationTime ${dims('eth', 'ws')}`]).toBe(1200.25);
    expect(full[`WebSocketUpgradeTime ${dims('eth', 'http')}`]).toBeUndefined();
  });

  it('reports Up as "not down" and Healthy as "up with no findings"', () => {
    const r = report([network('eth', [
      endpoint({ id: 'ok' }),
      endpoint({ id: 'lagging', status: 'degraded', reasons: [{ code: 'lagging', message: 'behind' }] }),
      endpoint({ id: 'dead', status: 'down', reasons: [{ code: 'connect_refused', message: 'refused' }], timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0.8, upgradeMs: null, firstNotificationMs: null }, tls: null, chain: null }),
    ])]);
    const t = table(reportToDatums(r, { detail: 'standard' }));
    expect([t[`Up ${dims('eth', 'ok')}`], t[`Healthy ${dims('eth', 'ok')}`]]).toEqual([1, 1]);
    expect([t[`Up ${dims('eth', 'lagging')}`], t[`Healthy ${dims('eth', 'lagging')}`]]).toEqual([1, 0]);
    expect([t[`Up ${dims('eth', 'dead')}`], t[`Healthy ${dims('eth', 'dead')}`]]).toEqual([0, 0]);
  });

  it('leaves out what was not measured instead of publishing zeros', () => {
    const r = report([network('eth', [endpoint({
      id: 'dead', status: 'down', reasons: [{ code: 'connect_refused', message: 'refused' }],
      timings: { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 0.8, upgradeMs: null, firstNotificationMs: null }, tls: null, chain: null,
    })])]);
    const names = reportToDatums(r, { detail: 'full' }).map((d) => d.name);
    expect(names).not.toContain('TimeToFirstByte');
    expect(names).not.toContain('BlockHeight');
    expect(names).not.toContain('TlsDaysToExpiry');
    expect(names).not.toContain('DnsTime');
    expect(names).toContain('ProbeDuration');
  });

  it('publishes only BlockHeight and HeadAge for reference endpoints', () => {
    const r = report([network('eth', [endpoint({ id: 'ref', reference: true, status: 'down', reasons: [{ code: 'timeout', message: 't' }] })])]);
    const t = table(reportToDatums(r, { detail: 'full' }));
    expect(Object.keys(t).sort()).toEqual([`BlockHeight ${dims('eth', 'ref')}`, `HeadAge ${dims('eth', 'ref')}`, 'ProbeRuns ProbeRegion=eu-west-1']);
  });

  it('sets Exposed to 1 for either exposure finding, and only where exposure is watched', () => {
    const r = report([network('eth', [
      endpoint({ id: 'admin', status: 'degraded', reasons: [{ code: 'exposed_admin_api', message: 'admin_nodeInfo answered' }] }),
      endpoint({ id: 'private', status: 'degraded', reasons: [{ code: 'exposed_private_endpoint', message: 'answered' }] }),
      endpoint({ id: 'unwatched' }),
    ])]);
    const t = table(reportToDatums(r, { detail: 'standard', watchesExposure: (_n, e) => e !== 'unwatched' }));
    expect(t[`Exposed ${dims('eth', 'admin')}`]).toBe(1);
    expect(t[`Exposed ${dims('eth', 'private')}`]).toBe(1);
    expect(`Exposed ${dims('eth', 'unwatched')}` in t).toBe(false);
  });

  it('publishes a negative HeightLag for an endpoint ahead of the reference', () => {
    const r = report([network('eth', [endpoint({ id: 'a', chain: { height: 1010, lagBlocks: -10, headAgeSeconds: null, syncing: false, peers: null, finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null } })])]);
    expect(table(reportToDatums(r, { detail: 'standard' }))[`HeightLag ${dims('eth', 'a')}`]).toBe(-10);
  });

  it('publishes participation key expiry per account with Network and Account only', () => {
    const address = 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY';
    const r = report([{ ...network('algo', [endpoint({ id: 'a' })]), chain: 'algorand', accounts: [
      { address, status: 'degraded', participation: 'Online', voteLastValid: 10, daysToExpiry: 9.1, reasons: [] },
      { address: 'X'.repeat(58), status: 'down', participation: null, voteLastValid: null, daysToExpiry: null, reasons: [] },
    ] }]);
    const t = table(reportToDatums(r, { detail: 'standard' }));
    expect(t[`PartKeyDaysToExpiry Network=algo,Account=${address}`]).toBe(9.1);
    expect(Object.keys(t).filter((k) => k.startsWith('PartKeyDaysToExpiry'))).toHaveLength(1);
  });

  it('publishes 0 days for an account that is not Online, so the partkey alarm fires as the reason code says', () => {
    const offline = 'O'.repeat(58);
    const parked = 'P'.repeat(58);
    const r = report([{ ...network('algo', [endpoint({ id: 'a' })]), chain: 'algorand', accounts: [
      { address: offline, status: 'degraded', participation: 'Offline', voteLastValid: null, daysToExpiry: null, reasons: [{ code: 'partkey_expiring', message: 'is Offline' }] },
      // Offline with a key still registered: its days do not help, it does not vote.
      { address: parked, status: 'degraded', participation: 'Offline', voteLastValid: 99, daysToExpiry: 30, reasons: [{ code: 'partkey_expiring', message: 'is Offline' }] },
    ] }]);
    const t = table(reportToDatums(r, { detail: 'standard' }));
    expect(t[`PartKeyDaysToExpiry Network=algo,Account=${offline}`]).toBe(0);
    expect(t[`PartKeyDaysToExpiry Network=algo,Account=${parked}`]).toBe(0);
  });

  it('publishes FinalityLag per endpoint in seconds where finality is tracked, reference endpoints included', () => {
    const chain = (finalityLagSeconds: number | null) => ({ ...endpoint({ id: 'x' }).chain!, finalityLagSeconds });
    const r = report([network('eth', [
      endpoint({ id: 'a', chain: chain(768) }),
      endpoint({ id: 'no-tag', chain: chain(null) }),
      endpoint({ id: 'ref', reference: true, chain: chain(1500) }),
    ])]);
    const datums = reportToDatums(r, { detail: 'standard' });
    const t = table(datums);
    expect(t[`FinalityLag ${dims('eth', 'a')}`]).toBe(768);
    expect(`FinalityLag ${dims('eth', 'no-tag')}` in t).toBe(false);
    // The chain picture: a network-wide "finality stalled" reads every endpoint, references too.
    expect(t[`FinalityLag ${dims('eth', 'ref')}`]).toBe(1500);
    expect(datums.find((d) => d.name === 'FinalityLag')!.unit).toBe('Seconds');
  });

  it('publishes no FinalityLag for instant finality (always 0) nor where there is none', () => {
    const chain = { ...endpoint({ id: 'x' }).chain!, finalityLagSeconds: 0 };
    for (const family of ['algorand', 'cometbft', 'bitcoin']) {
      const r = report([{ ...network('n', [endpoint({ id: 'a', chain })]), chain: family }]);
      expect(reportToDatums(r, { detail: 'standard' }).map((d) => d.name), family).not.toContain('FinalityLag');
    }
  });

  it('publishes BlockInterval once per network, dimension Network only: the minimum across its endpoints that can speak for the chain', () => {
    const chain = (blockIntervalSeconds: number | null) => ({ ...endpoint({ id: 'x' }).chain!, blockIntervalSeconds });
    const r = report([
      network('eth', [
        endpoint({ id: 'slow-fork', status: 'degraded', reasons: [{ code: 'slow_blocks', message: 's' }], chain: chain(30) }),
        endpoint({ id: 'ok', chain: chain(12.2) }),
        endpoint({ id: 'ref', reference: true, chain: chain(12.1) }),
        // Another chain (faster) and a syncing node do not speak for this one.
        endpoint({ id: 'other-chain', status: 'down', reasons: [{ code: 'wrong_chain', message: 'w' }], chain: chain(2) }),
        endpoint({ id: 'syncing', status: 'down', reasons: [{ code: 'syncing', message: 's' }], chain: chain(1) }),
        endpoint({ id: 'unknown', chain: chain(null) }),
      ]),
      network('quiet', [endpoint({ id: 'a', chain: chain(null) })]),
    ]);
    const datums = reportToDatums(r, { detail: 'standard' }).filter((d) => d.name === 'BlockInterval');
    expect(datums).toEqual([{ name: 'BlockInterval', dimensions: [{ name: 'Network', value: 'eth' }], value: 12.1, unit: 'Seconds', timestamp: Date.parse(STARTED) }]);
  });

  it('sends exactly one ProbeRuns heartbeat per run, also when nothing was probed', () => {
    const datums = reportToDatums(report([], 'ap-southeast-1'), { detail: 'standard' });
    expect(datums).toEqual([{ name: 'ProbeRuns', dimensions: [{ name: 'ProbeRegion', value: 'ap-southeast-1' }], value: 1, unit: 'Count', timestamp: Date.parse(STARTED) }]);
  });
});
