// Resolution against a real DNS server on 127.0.0.1 (UDP and TCP): every
// address with its family, IPv4 first; each failure named with the answer
// and the server asked; black-holed names end at the probe's deadline with
// their queries cancelled; localhost, IP literals and hosts-file names
// never reach a DNS server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHostsFile } from '../../../src/probe/hosts-file.ts';
import { resolveAddresses, type ResolveOptions } from '../../../src/probe/resolve.ts';
import { dnsServer, type DnsServer } from '../../support/dns-server.ts';

let dns: DnsServer;

beforeAll(async () => {
  dns = await dnsServer({
    'dual.vantage.test': { a: ['127.0.0.1', '127.0.0.2'], aaaa: ['::1', '2001:db8::5'] },
    'v4.vantage.test': { a: ['127.0.0.3'] },
    'v6.vantage.test': { aaaa: ['2001:db8::6'] },
    'empty.vantage.test': {},
    'servfail.vantage.test': 'SERVFAIL',
    'refused.vantage.test': 'REFUSED',
    'blackhole.vantage.test': 'blackhole',
    'big.vantage.test': { a: ['127.0.0.9'], truncateUdp: true },
    'aaaa-dark.vantage.test': { a: ['127.0.0.4'], aaaa: 'blackhole' },
  });
});
afterAll(async () => dns.close());

const noHosts = () => new Map();

/** Options of a probe whose deadline is `timeoutMs` from now. */
function probeOptions(timeoutMs = 2000, extra: Partial<ResolveOptions> = {}): ResolveOptions {
  return {
    signal: AbortSignal.timeout(timeoutMs),
    resolvers: [dns.address],
    timeoutMs,
    deadlineWords: () => `within ${timeoutMs} ms`,
    hosts: noHosts,
    ...extra,
  };
}

const queriesFor = (name: string) => dns.queries.filter((q) => q.name === name);

describe('resolveAddresses: names asked of the configured resolver', () => {
  it('asks A and AAAA and returns every address with its family, IPv4 in answer order first', async () => {
    const resolved = await resolveAddresses('dual.vantage.test', probeOptions());
    expect(resolved).toEqual({
      ok: true,
      addresses: [
        { address: '127.0.0.1', family: 4 }, { address: '127.0.0.2', family: 4 },
        { address: '::1', family: 6 }, { address: '2001:db8::5', family: 6 },
      ],
      dnsMs: expect.any(Number),
    });
    expect(queriesFor('dual.vantage.test').map((q) => q.type).sort()).toEqual(['A', 'AAAA']);
  });

  it('a name with only A records, or only AAAA records, resolves to those', async () => {
    expect(await resolveAddresses('v4.vantage.test', probeOptions())).toMatchObject({ ok: true, addresses: [{ address: '127.0.0.3', family: 4 }] });
    expect(await resolveAddresses('v6.vantage.test', probeOptions())).toMatchObject({ ok: true, addresses: [{ address: '2001:db8::6', family: 6 }] });
  });

  it('with ipv6 off, AAAA is not asked', async () => {
    const before = queriesFor('v6.vantage.test').length;
    const resolved = await resolveAddresses('v6.vantage.test', probeOptions(2000, { ipv6: false }));
    expect(resolved).toEqual({ ok: false, reason: { code: 'dns_failed', message: `v6.vantage.test: no A records from ${dns.address}` }, dnsMs: expect.any(Number) });
    expect(queriesFor('v6.vantage.test').slice(before).map((q) => q.type)).toEqual(['A']);
  });

  it('a name whose AAAA query is black-holed still resolves to its IPv4 addresses, long before the deadline', async () => {
    const resolved = await resolveAddresses('aaaa-dark.vantage.test', probeOptions(5000));
    // Waiting for AAAA until the deadline would have made this a timeout (ok: false, dnsMs null).
    expect(resolved).toEqual({ ok: true, addresses: [{ address: '127.0.0.4', family: 4 }], dnsMs: expect.any(Number) });
    expect(queriesFor('aaaa-dark.vantage.test').map((q) => q.type)).toContain('AAAA');
  });

  it('an answer truncated over UDP is asked again over TCP', async () => {
    const resolved = await resolveAddresses('big.vantage.test', probeOptions());
    expect(resolved).toMatchObject({ ok: true, addresses: [{ address: '127.0.0.9', family: 4 }] });
    expect(queriesFor('big.vantage.test').filter((q) => q.type === 'A').map((q) => q.transport)).toEqual(['udp', 'tcp']);
  });
});

describe('resolveAddresses: failures name the answer and the resolver', () => {
  it.each([
    ['nosuch.vantage.test', 'NXDOMAIN'],
    ['servfail.vantage.test', 'SERVFAIL'],
    ['refused.vantage.test', 'REFUSED'],
  ])('%s is dns_failed: "%s from <resolver>", with the time it took', async (name, answer) => {
    const resolved = await resolveAddresses(name, probeOptions());
    expect(resolved).toEqual({ ok: false, reason: { code: 'dns_failed', message: `${name}: ${answer} from ${dns.address}` }, dnsMs: expect.any(Number) });
  });

  it('a name with no A or AAAA records says so', async () => {
    const resolved = await resolveAddresses('empty.vantage.test', probeOptions());
    expect(resolved).toMatchObject({ ok: false, reason: { code: 'dns_failed', message: `empty.vantage.test: no A or AAAA records from ${dns.address}` } });
  });

  it('a black-holed name ends at the probe deadline as a timeout naming the resolver, with no dnsMs, its queries cancelled', async () => {
    const resolved = await resolveAddresses('blackhole.vantage.test', probeOptions(400));
    expect(resolved).toEqual({
      ok: false,
      reason: { code: 'dns_failed', message: `blackhole.vantage.test: timeout, no answer from ${dns.address} within 400 ms` },
      dnsMs: null,
    });
    // Cancelled, not left retrying: no query for the name after the deadline.
    const asked = queriesFor('blackhole.vantage.test').length;
    await new Promise((r) => setTimeout(r, 600));
    expect(queriesFor('blackhole.vantage.test').length).toBe(asked);
  });

  it('a resolver port where nothing listens is named, with what happened', async () => {
    const resolved = await resolveAddresses('dual.vantage.test', probeOptions(2000, { resolvers: ['127.0.0.1:1'] }));
    expect(resolved).toMatchObject({
      ok: false,
      reason: { code: 'dns_failed', message: 'dual.vantage.test: connection refused (nothing listens on the DNS port) from 127.0.0.1:1' },
    });
  });

  it('names every resolver asked, port included', async () => {
    const resolved = await resolveAddresses('nosuch.vantage.test', probeOptions(2000, { resolvers: [dns.address, '127.0.0.1'] }));
    expect(resolved).toMatchObject({ ok: false, reason: { message: `nosuch.vantage.test: NXDOMAIN from ${dns.address}, 127.0.0.1:53` } });
  });
});

describe('resolveAddresses: what is never asked of a DNS server', () => {
  // The resolver is a black hole: any query would end at the deadline.
  const blackHoleOnly = (extra: Partial<ResolveOptions> = {}) => probeOptions(2000, { resolvers: [dns.address], ...extra });

  it('localhost is 127.0.0.1 and ::1, whatever the hosts file and the resolvers say', async () => {
    const before = dns.queries.length;
    const resolved = await resolveAddresses('localhost', blackHoleOnly({ hosts: () => parseHostsFile('10.9.9.9 localhost\n') }));
    expect(resolved).toEqual({ ok: true, addresses: [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }], dnsMs: expect.any(Number) });
    expect(await resolveAddresses('LOCALHOST.', blackHoleOnly())).toMatchObject({ ok: true, addresses: [{ address: '127.0.0.1' }, { address: '::1' }] });
    expect(dns.queries.length).toBe(before);
  });

  it('a name in the hosts file resolves from it, IPv4 first, and no DNS server is asked', async () => {
    const before = dns.queries.length;
    const hosts = () => parseHostsFile('2001:db8::1 blackhole.vantage.test\n127.0.0.5 blackhole.vantage.test\n');
    const resolved = await resolveAddresses('blackhole.vantage.test', blackHoleOnly({ hosts }));
    expect(resolved).toEqual({ ok: true, addresses: [{ address: '127.0.0.5', family: 4 }, { address: '2001:db8::1', family: 6 }], dnsMs: expect.any(Number) });
    expect(dns.queries.length).toBe(before);
  });

  it('IP literals are used as they are, with no DNS phase', async () => {
    expect(await resolveAddresses('192.0.2.1', blackHoleOnly())).toEqual({ ok: true, addresses: [{ address: '192.0.2.1', family: 4 }], dnsMs: null });
    expect(await resolveAddresses('2001:db8::2', blackHoleOnly())).toEqual({ ok: true, addresses: [{ address: '2001:db8::2', family: 6 }], dnsMs: null });
  });

  it('names under .invalid fail at once (RFC 6761), asking nobody', async () => {
    const before = dns.queries.length;
    const resolved = await resolveAddresses('node.invalid', blackHoleOnly());
    expect(resolved).toMatchObject({ ok: false, reason: { code: 'dns_failed', message: 'node.invalid: NXDOMAIN, names under .invalid never resolve (RFC 6761)' } });
    expect(dns.queries.length).toBe(before);
  });
});
