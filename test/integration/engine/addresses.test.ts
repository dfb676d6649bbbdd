// Every address on its own (issue 13, DESIGN.md "Every address on its
// own"), through whole rounds: names answered by a real DNS server on
// 127.0.0.1 with several A and AAAA records, nodes on some of the addresses
// (127.0.0.1, 127.0.0.2, ::1 at one port, as behind round-robin), one of
// them a second hardhat node 20 blocks behind. The one seam is where
// sockets come from, to make an IPv6 address fail as a host without an IPv6
// route does (ENETUNREACH at connect): nothing is ever sent to it.
import { Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/chains/registry.ts';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { resolveSecrets } from '../../../src/config/resolve-secrets.ts';
import { runRound, type RoundOptions } from '../../../src/engine/round.ts';
import { NODE_SOCKETS, type SocketFactory } from '../../../src/probe/connect.ts';
import type { EndpointReport, Report } from '../../../src/report/report.ts';
import { createCa, issueLeaf, type CertificateAuthority } from '../../support/certificates.ts';
import { dnsServer, type DnsServer } from '../../support/dns-server.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { closedPort, evmAnswers, jsonRpcFake, type JsonRpcFake } from '../../support/servers.ts';
import { hasIpv6Loopback, tcpForwarder } from '../../support/tcp-forwarder.ts';

const V6 = await hasIpv6Loopback();
/** A documentation address (RFC 3849): only ever handed to the fake socket factory, never to the network. */
const UNROUTED = '2001:db8::7';

let dns: DnsServer;
let ca: CertificateAuthority;
const closers: Array<{ close(): Promise<void> }> = [];
const track = <T extends { close(): Promise<void> }>(thing: T): T => {
  closers.push(thing);
  return thing;
};

beforeAll(async () => {
  dns = await dnsServer({});
  ca = await createCa('Vantage Addresses CA');
});
afterAll(async () => {
  await Promise.all([dns.close(), ...closers.map((c) => c.close())]);
});

async function round(config: Record<string, unknown>, options: Partial<RoundOptions> = {}): Promise<Report> {
  const full = { version: 1, ...config, probe: { resolvers: [dns.address], ...(config['probe'] as object | undefined) } };
  const loaded = parseConfigText(JSON.stringify(full), { file: null, baseDir: process.cwd() });
  const { config: resolved, redactor } = await resolveSecrets(applyDefaults(loaded), { env: {} });
  return runRound(resolved, redactor, { region: 'test', ...options });
}

const only = (report: Report): EndpointReport => report.networks[0]!.endpoints[0]!;
const evmNetwork = (endpoints: unknown[], extra: Record<string, unknown> = {}) => ({ networks: [{ id: 'eth', chain: 'evm', ...extra, endpoints }] });

/** An EVM node (a JSON-RPC fake) on `host`, at a given port or a free one. */
async function evmNode(host: string, port?: number, height = 100): Promise<JsonRpcFake> {
  return track(await jsonRpcFake(evmAnswers({ height }), { host, port }));
}

describe('several A records, one node refusing', () => {
  it('the refusing address is address_unhealthy, naming it and its code; the endpoint is the healthy one', async () => {
    const node = await evmNode('127.0.0.1');
    dns.zone.set('rr.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://rr.vantage.test:${node.port}/` }])));

    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{
      code: 'address_unhealthy',
      message: `address 127.0.0.2 is down: connect_refused, connection refused by rr.vantage.test:${node.port} (nothing listening)`,
    }]);
    expect(e.chain).toMatchObject({ height: 100, lagBlocks: 0 });
    expect(e.timings.ttfbMs).not.toBeNull();
    expect(e.addresses).toEqual([
      { address: '127.0.0.1', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: e.timings.ttfbMs, height: 100 },
      {
        address: '127.0.0.2', family: 4, primary: false, status: 'down', ttfbMs: null, height: null,
        reasons: [{ code: 'connect_refused', message: `connection refused by rr.vantage.test:${node.port} (nothing listening)` }],
      },
    ]);
  });

  it('the primary is the best address, not the first one resolved', async () => {
    const node = await evmNode('127.0.0.1');
    dns.zone.set('rr-first-dead.vantage.test', { a: ['127.0.0.2', '127.0.0.1'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://rr-first-dead.vantage.test:${node.port}/` }])));
    expect(e.addresses.map((a) => [a.address, a.primary, a.status])).toEqual([['127.0.0.2', false, 'down'], ['127.0.0.1', true, 'up']]);
    expect(e.chain?.height).toBe(100);
    expect(e.reasons.map((r) => r.code)).toEqual(['address_unhealthy']);
    expect(e.reasons[0]!.message).toMatch(/^address 127\.0\.0\.2 is down: connect_refused/);
  });

  it('every address down: the endpoint is down with the primary\'s reasons and no address_unhealthy', async () => {
    const port = await closedPort();
    dns.zone.set('all-dead.vantage.test', { a: ['127.0.0.2', '127.0.0.3'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://all-dead.vantage.test:${port}/` }])));
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{ code: 'connect_refused', message: `connection refused by all-dead.vantage.test:${port} (nothing listening)` }]);
    expect(e.addresses.map((a) => [a.address, a.primary, a.status])).toEqual([['127.0.0.2', true, 'down'], ['127.0.0.3', false, 'down']]);
  });

  it('addresses: first probes only the first address', async () => {
    const node = await evmNode('127.0.0.1');
    dns.zone.set('first-only.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://first-only.vantage.test:${node.port}/`, addresses: 'first' }])));
    expect(e.status).toBe('up');
    expect(e.addresses.map((a) => a.address)).toEqual(['127.0.0.1']);
  });
});

describe('each address gets the whole probe on its own connection', () => {
  it('over HTTPS: one connection per address, every call on it, the host name for SNI, certificate and Host', async () => {
    const tls = await issueLeaf(ca, { names: ['both.vantage.test'] });
    const first = track(await jsonRpcFake(evmAnswers({ height: 100 }), { tls }));
    const second = track(await jsonRpcFake(evmAnswers({ height: 100 }), { tls, host: '127.0.0.2', port: first.port }));
    dns.zone.set('both.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `https://both.vantage.test:${first.port}/`, tls: { caFile: ca.caFile } }])));

    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    expect(e.tls).toMatchObject({ trusted: true, hostnameMatch: true, subject: 'CN=both.vantage.test' });
    expect(e.addresses.map((a) => [a.address, a.status, a.height])).toEqual([['127.0.0.1', 'up', 100], ['127.0.0.2', 'up', 100]]);
    // The whole probe per address: the same calls on each, the reads and then the exposure calls.
    const evm = adapterFor('evm');
    expect(second.methods()).toEqual(first.methods());
    // Every declared call but the block arrival watch's (not configured here).
    const probed = [...evm.readCalls, ...evm.exposureCalls].filter((call) => !evm.heightCall?.calls.includes(call));
    expect(new Set(first.methods())).toEqual(new Set(probed.map((call) => call.replace(/\(.*\)$/, ''))));
    expect(first.methods().slice(-evm.exposureCalls.length)).toEqual([...evm.exposureCalls]);
    for (const server of [first, second]) {
      expect(server.connections()).toBe(1);
      expect(new Set(server.requests.map((r) => `${r.servername} ${r.headers.host}`))).toEqual(new Set([`both.vantage.test both.vantage.test:${first.port}`]));
    }
  });

  it('an admin API open on one backend only is the endpoint\'s exposure finding, naming the address', async () => {
    const safe = await evmNode('127.0.0.1');
    const open = await evmNode('127.0.0.2', safe.port);
    open.answers.set('admin_nodeInfo', { result: { name: 'Geth/v1.14' } });
    dns.zone.set('half-open.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://half-open.vantage.test:${safe.port}/` }])));
    expect(e.reasons).toEqual([{
      code: 'exposed_admin_api',
      message: 'address 127.0.0.2: admin_nodeInfo answers from outside: the admin namespace is exposed to the internet',
    }]);
    expect(e.addresses.map((a) => [a.address, a.status])).toEqual([['127.0.0.1', 'up'], ['127.0.0.2', 'degraded']]);
  });
});

describe('a stale backend behind round-robin (two real hardhat nodes)', () => {
  let ahead: HardhatNode;
  let behind: HardhatNode;
  beforeAll(async () => {
    [ahead, behind] = await Promise.all([startHardhat(), startHardhat()]);
    await Promise.all([ahead.mine(30), behind.mine(10)]);
    // The lagging node answers on 127.0.0.2 at the port the healthy one has on 127.0.0.1.
    track(await tcpForwarder({ host: '127.0.0.2', port: ahead.port }, { host: '127.0.0.1', port: behind.port }));
  });
  afterAll(async () => {
    await Promise.all([ahead?.stop(), behind?.stop()]);
  });

  it('is caught although the primary agrees: its height is judged against the reference the primaries make', async () => {
    dns.zone.set('lag.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    const report = await round(evmNetwork([{ id: 'rpc', url: `http://lag.vantage.test:${ahead.port}/` }], { expect: { chainId: 31337 } }));
    const e = only(report);
    expect(report.networks[0]!.referenceHeight).toBe(30);
    expect(e.chain).toMatchObject({ height: 30, lagBlocks: 0 });
    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{
      code: 'address_unhealthy',
      message: 'address 127.0.0.2 is degraded: lagging, height 10 is 20 blocks behind reference 30 (max 3)',
    }]);
    expect(e.addresses[1]).toMatchObject({
      address: '127.0.0.2', status: 'degraded', height: 10,
      reasons: [{ code: 'lagging', message: 'height 10 is 20 blocks behind reference 30 (max 3)' }],
    });
  });
});

describe.skipIf(!V6)('IPv6 on ::1 (skipped where this machine has no ::1)', () => {
  it('::1 is probed as an address of its own, after the IPv4 ones', async () => {
    const node = await evmNode('127.0.0.1');
    await evmNode('::1', node.port);
    dns.zone.set('dual.vantage.test', { a: ['127.0.0.1'], aaaa: ['::1'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://dual.vantage.test:${node.port}/` }])));
    expect(e.status).toBe('up');
    expect(e.addresses.map((a) => [a.address, a.family, a.status])).toEqual([['127.0.0.1', 4, 'up'], ['::1', 6, 'up']]);
  });

  it('a broken IPv6 path while IPv4 works is address_unhealthy', async () => {
    const node = await evmNode('127.0.0.1');
    dns.zone.set('v6-broken.vantage.test', { a: ['127.0.0.1'], aaaa: ['::1'] });
    const e = only(await round(evmNetwork([{ id: 'rpc', url: `http://v6-broken.vantage.test:${node.port}/` }])));
    expect(e.reasons).toEqual([{
      code: 'address_unhealthy',
      message: `address ::1 is down: connect_refused, connection refused by v6-broken.vantage.test:${node.port} (nothing listening)`,
    }]);
  });
});

describe('an IPv6 address with no route from here, by probe.ipv6', () => {
  /** Node's sockets, except that UNROUTED fails at connect as a host without an IPv6 route does. */
  const dialled: string[] = [];
  const noIpv6Route: SocketFactory = {
    tcp: (options) => {
      const host = String((options as { host?: string }).host);
      dialled.push(host);
      if (host !== UNROUTED) return NODE_SOCKETS.tcp(options);
      const socket = new Socket();
      process.nextTick(() => socket.destroy(Object.assign(new Error(`connect ENETUNREACH ${UNROUTED}`), { code: 'ENETUNREACH', syscall: 'connect' })));
      return socket;
    },
    tls: tlsConnect,
  };
  let node: JsonRpcFake;
  beforeAll(async () => {
    node = await evmNode('127.0.0.1');
    dns.zone.set('v4-and-unrouted.vantage.test', { a: ['127.0.0.1'], aaaa: [UNROUTED] });
    dns.zone.set('unrouted-only.vantage.test', { aaaa: [UNROUTED] });
  });
  const probeWith = async (ipv6: string, name = 'v4-and-unrouted.vantage.test') =>
    only(await round({ probe: { ipv6 }, ...evmNetwork([{ id: 'rpc', url: `http://${name}:${node.port}/` }]) }, { sockets: noIpv6Route }));

  it('auto: skipped, counted neither way', async () => {
    dialled.length = 0;
    const e = await probeWith('auto');
    expect(dialled).toContain(UNROUTED);
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    expect(e.addresses.map((a) => [a.address, a.family, a.status, a.reasons])).toEqual([['127.0.0.1', 4, 'up', []], [UNROUTED, 6, 'skipped', []]]);
  });

  it('on: no_route (down), so the endpoint has an unhealthy address', async () => {
    const e = await probeWith('on');
    const noRoute = `no route to ${UNROUTED} (v4-and-unrouted.vantage.test:${node.port}) from this vantage point (ENETUNREACH)`;
    expect(e.reasons).toEqual([{ code: 'address_unhealthy', message: `address ${UNROUTED} is down: no_route, ${noRoute}` }]);
    expect(e.addresses[1]).toMatchObject({ address: UNROUTED, status: 'down', reasons: [{ code: 'no_route', message: noRoute }] });
  });

  it('off: AAAA is not asked, so the address is never known', async () => {
    dns.queries.length = 0;
    dialled.length = 0;
    const e = await probeWith('off');
    expect(dns.queries.map((q) => q.type)).toEqual(['A']);
    expect(dialled).not.toContain(UNROUTED);
    expect(e.addresses.map((a) => a.address)).toEqual(['127.0.0.1']);
  });

  it('auto, and every address is such IPv6: nothing could be probed, down with no_route', async () => {
    const e = await probeWith('auto', 'unrouted-only.vantage.test');
    expect(e.status).toBe('down');
    expect(e.reasons.map((r) => r.code)).toEqual(['no_route']);
    expect(e.reasons[0]!.message).toContain(`(${UNROUTED}), all IPv6; probe.ipv6: auto skips such addresses`);
    expect(e.addresses.map((a) => a.status)).toEqual(['skipped']);
  });
});

describe('names that fail beside names with several addresses, in one round', () => {
  it('NXDOMAIN, SERVFAIL and a black hole are dns_failed naming the answer, with no addresses; the others are probed as usual', async () => {
    const node = await evmNode('127.0.0.1');
    dns.zone.set('mixed-ok.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    dns.zone.set('mixed-servfail.vantage.test', 'SERVFAIL');
    dns.zone.set('mixed-dark.vantage.test', 'blackhole');
    const report = await round(evmNetwork([
      { id: 'ok', url: `http://mixed-ok.vantage.test:${node.port}/` },
      { id: 'nx', url: `http://mixed-nx.vantage.test:${node.port}/` },
      { id: 'sf', url: `http://mixed-servfail.vantage.test:${node.port}/` },
      { id: 'dark', url: `http://mixed-dark.vantage.test:${node.port}/`, timeoutMs: 1200 },
    ]));
    const [ok, nx, sf, dark] = report.networks[0]!.endpoints;
    expect(ok!.addresses.map((a) => [a.address, a.status])).toEqual([['127.0.0.1', 'up'], ['127.0.0.2', 'down']]);
    expect(ok!.reasons.map((r) => r.code)).toEqual(['address_unhealthy']);
    expect(nx!.reasons).toEqual([{ code: 'dns_failed', message: `mixed-nx.vantage.test: NXDOMAIN from ${dns.address}` }]);
    expect(sf!.reasons).toEqual([{ code: 'dns_failed', message: `mixed-servfail.vantage.test: SERVFAIL from ${dns.address}` }]);
    expect(dark!.reasons).toEqual([{ code: 'dns_failed', message: `mixed-dark.vantage.test: timeout, no answer from ${dns.address} within 1200 ms` }]);
    for (const e of [nx!, sf!, dark!]) expect(e.addresses).toEqual([]);
  });
});

describe('private endpoints', () => {
  it('any address that accepts a connection is the finding, naming it; no address is listed', async () => {
    const listening = track(await jsonRpcFake({}, { host: '127.0.0.2' }));
    dns.zone.set('admin.vantage.test', { a: ['127.0.0.1', '127.0.0.2'] });
    const e = only(await round(evmNetwork([{ id: 'admin', url: `http://admin.vantage.test:${listening.port}/`, visibility: 'private' }])));
    expect(e.reasons).toEqual([{
      code: 'exposed_private_endpoint',
      message: `private endpoint accepts connections from outside (TCP admin.vantage.test:${listening.port} connected at 127.0.0.2)`,
    }]);
    expect(e.addresses).toEqual([]);
    expect(listening.requests).toEqual([]);
  });
});
