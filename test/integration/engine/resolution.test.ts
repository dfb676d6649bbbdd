// Resolution in a whole round (issue 11, defect 3): names resolved through
// probe.resolvers, a real DNS server on 127.0.0.1. Eight names whose server
// never answers must not starve the four healthy endpoints probed beside
// them (dns.lookup's four pool threads would all be held), and each failure
// names the answer and the resolver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { resolveSecrets } from '../../../src/config/resolve-secrets.ts';
import { runRound } from '../../../src/engine/round.ts';
import type { Report } from '../../../src/report/report.ts';
import { createCa, issueLeaf, type CertificateAuthority } from '../../support/certificates.ts';
import { dnsServer, type DnsServer } from '../../support/dns-server.ts';
import { closedPort, fixedResponse, type TestServer } from '../../support/servers.ts';
import { hasIpv6Loopback, tcpForwarder } from '../../support/tcp-forwarder.ts';

const HEALTHY = ['healthy-1', 'healthy-2', 'healthy-3', 'healthy-4'].map((n) => `${n}.vantage.test`);
const DARK = Array.from({ length: 8 }, (_, i) => `dark-${i + 1}.vantage.test`);

let dns: DnsServer;
let ca: CertificateAuthority;
const servers: Array<Pick<TestServer, 'close'>> = [];

beforeAll(async () => {
  dns = await dnsServer({
    ...Object.fromEntries(HEALTHY.map((name) => [name, { a: ['127.0.0.1'] }])),
    ...Object.fromEntries(DARK.map((name) => [name, 'blackhole' as const])),
    'servfail.vantage.test': 'SERVFAIL',
  });
  ca = await createCa('Vantage DNS CA');
});
afterAll(async () => {
  await Promise.all([dns.close(), ...servers.map((s) => s.close())]);
});

async function round(config: unknown): Promise<Report> {
  const loaded = parseConfigText(JSON.stringify(config), { file: null, baseDir: process.cwd() });
  const { config: resolved, redactor } = await resolveSecrets(applyDefaults(loaded), { env: {} });
  return runRound(resolved, redactor, { region: 'test' });
}

/** A healthy http-json server answering as `name`: plain HTTP, or HTTPS with a certificate for the name. */
async function healthyServer(name: string, https: boolean): Promise<string> {
  const tls = https ? await issueLeaf(ca, { names: [name] }) : undefined;
  const server = await fixedResponse(200, '{"height": 7}', {}, tls ? { tls } : {});
  servers.push(server);
  return `${https ? 'https' : 'http'}://${name}:${server.port}/`;
}

const byId = (report: Report, network: string) => new Map(report.networks.find((n) => n.id === network)!.endpoints.map((e) => [e.id, e]));

describe('a round resolves through probe.resolvers', () => {
  it('8 black-holed names next to 4 healthy endpoints: the 4 are up, the 8 are dns_failed naming the resolver', async () => {
    const healthyUrls = await Promise.all(HEALTHY.map((name, i) => healthyServer(name, i % 2 === 1)));
    const report = await round({
      version: 1,
      probe: { resolvers: [dns.address] },
      networks: [
        {
          id: 'dark', chain: 'http-json',
          // Closed port: were a name ever resolved, the probe would still fail, but not as dns_failed.
          endpoints: DARK.map((name, i) => ({ id: `d${i + 1}`, url: `http://${name}:9/`, heightPointer: '/height', timeoutMs: 1500 })),
        },
        {
          id: 'fine', chain: 'http-json',
          endpoints: healthyUrls.map((url, i) => ({ id: `h${i + 1}`, url, heightPointer: '/height', tls: { caFile: ca.caFile } })),
        },
      ],
    });

    const fine = byId(report, 'fine');
    for (const [id, endpoint] of fine) {
      expect({ id, status: endpoint.status, reasons: endpoint.reasons }).toEqual({ id, status: 'up', reasons: [] });
      expect(endpoint.timings.dnsMs).not.toBeNull();
    }
    expect(fine.get('h2')!.tls).toMatchObject({ trusted: true, hostnameMatch: true, subject: 'CN=healthy-2.vantage.test' });
    const dark = byId(report, 'dark');
    DARK.forEach((name, i) => {
      const endpoint = dark.get(`d${i + 1}`)!;
      expect(endpoint.status).toBe('down');
      expect(endpoint.reasons).toEqual([{ code: 'dns_failed', message: `${name}: timeout, no answer from ${dns.address} within 1500 ms` }]);
      expect(endpoint.timings).toMatchObject({ dnsMs: null, connectMs: null });
    });
    // Every name was asked of the configured resolver, A and AAAA.
    for (const name of [...HEALTHY, ...DARK]) {
      expect(new Set(dns.queries.filter((q) => q.name === name).map((q) => q.type))).toEqual(new Set(['A', 'AAAA']));
    }
  });

  it('NXDOMAIN and SERVFAIL reach the report as dns_failed, naming the answer and the resolver', async () => {
    const report = await round({
      version: 1,
      probe: { resolvers: [dns.address] },
      networks: [{
        id: 'n', chain: 'http-json',
        endpoints: [
          { id: 'nx', url: 'https://nosuch.vantage.test/', heightPointer: '/height' },
          { id: 'sf', url: 'https://servfail.vantage.test/', heightPointer: '/height' },
        ],
      }],
    });
    const endpoints = byId(report, 'n');
    expect(endpoints.get('nx')!.reasons).toEqual([{ code: 'dns_failed', message: `nosuch.vantage.test: NXDOMAIN from ${dns.address}` }]);
    expect(endpoints.get('sf')!.reasons).toEqual([{ code: 'dns_failed', message: `servfail.vantage.test: SERVFAIL from ${dns.address}` }]);
    expect(endpoints.get('nx')!.timings.dnsMs).not.toBeNull();
  });

  it('localhost resolves without any DNS server: the only resolver configured is a port where nothing listens', async () => {
    const tls = await issueLeaf(ca, { names: ['localhost'] });
    const server = await fixedResponse(200, '{"height": 9}', {}, { tls });
    servers.push(server);
    // localhost is 127.0.0.1 and ::1, and every address is probed: the node answers on both, as a dual-stack one does.
    const v6 = await hasIpv6Loopback() ? await tcpForwarder({ host: '::1', port: server.port }, { host: '127.0.0.1', port: server.port }) : null;
    if (v6) servers.push(v6);
    const before = dns.queries.length;
    const report = await round({
      version: 1,
      probe: { resolvers: [`127.0.0.1:${await closedPort()}`] },
      networks: [{ id: 'n', chain: 'http-json', endpoints: [{ id: 'local', url: `https://localhost:${server.port}/`, heightPointer: '/height', tls: { caFile: ca.caFile } }] }],
    });
    const local = byId(report, 'n').get('local')!;
    expect(local.reasons).toEqual([]);
    expect(local.chain?.height).toBe(9);
    expect(local.tls).toMatchObject({ trusted: true, hostnameMatch: true });
    expect(local.addresses.map((a) => [a.address, a.status])).toEqual([['127.0.0.1', 'up'], ...(v6 ? [['::1', 'up']] : [])]);
    expect(dns.queries.length).toBe(before);
  });
});
