// Real HTTPS servers with certificates made here: the certificate's facts are
// reported even when verification fails, each failure is its own reason
// code, and nothing is sent to a server that failed verification.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint, type EndpointProbe } from '../../../src/engine/probe-endpoint.ts';
import { createCa, issueLeaf, selfSigned, type CertificateAuthority, type Pem } from '../../support/certificates.ts';
import { fixedResponse, type TestServer } from '../../support/servers.ts';
import { endpointConfig } from '../../support/config-for.ts';

const DAY = 86_400_000;
const BODY = '{"height": 4242}';
const servers: TestServer[] = [];
let ca: CertificateAuthority;

async function httpsServer(pem: Pem): Promise<TestServer> {
  const server = await fixedResponse(200, BODY, {}, { tls: pem });
  servers.push(server);
  return server;
}

async function probe(server: TestServer, tls: Record<string, unknown> = {}, url = server.url): Promise<EndpointProbe> {
  const { network, endpoint } = await endpointConfig('http-json', url, { heightPointer: '/height', tls: { caFile: ca.caFile, ...tls } });
  return probeEndpoint(network, endpoint);
}

const codes = (p: EndpointProbe) => p.reasons.map((r) => r.code);

beforeAll(async () => {
  ca = await createCa('Vantage Test CA');
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('TLS: a certificate from the configured CA (tls.caFile)', () => {
  it('verifies, reads the chain and reports every certificate fact and the TLS phase', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'], toDays: 90 }));
    const result = await probe(server);
    expect(result.reasons).toEqual([]);
    expect(result.chain?.height).toBe(4242);
    expect(result.tls).toEqual({
      protocol: 'TLSv1.3',
      notAfter: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      daysToExpiry: expect.any(Number),
      issuer: 'CN=Vantage Test CA',
      subject: 'CN=127.0.0.1',
      trusted: true,
      hostnameMatch: true,
    });
    expect(result.tls!.daysToExpiry!).toBeGreaterThan(89);
    expect(result.tls!.daysToExpiry!).toBeLessThanOrEqual(90);
    expect(Math.abs(Date.parse(result.tls!.notAfter!) - (Date.now() + 90 * DAY))).toBeLessThan(DAY);
    expect(result.timings.tlsMs).not.toBeNull();
    expect(result.timings.ttfbMs!).toBeGreaterThanOrEqual(result.timings.tlsMs!);
  });

  it('without caFile the same certificate is cert_untrusted (unknown CA)', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'] }));
    const { network, endpoint } = await endpointConfig('http-json', server.url, { heightPointer: '/height' });
    const result = await probeEndpoint(network, endpoint);
    expect(codes(result)).toEqual(['cert_untrusted']);
    expect(result.tls).toMatchObject({ trusted: false, hostnameMatch: true, issuer: 'CN=Vantage Test CA' });
  });

  it('serverName sets SNI and the name checked, for a URL that is an IP address', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['node-1.internal'] }));
    const result = await probe(server, { serverName: 'node-1.internal' });
    expect(result.reasons).toEqual([]);
    expect(result.tls).toMatchObject({ trusted: true, hostnameMatch: true, subject: 'CN=node-1.internal' });
    expect(server.requests.at(-1)?.servername).toBe('node-1.internal');
  });

  it('sends no SNI for an IP address (RFC 6066)', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'] }));
    await probe(server);
    expect(server.requests.at(-1)?.servername).toBeNull();
  });
});

describe('TLS: certificates that fail verification stop the probe before any request', () => {
  it('an expired certificate is cert_expired, with its facts', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'], fromDays: -30, toDays: -3 }));
    const result = await probe(server);
    expect(codes(result)).toEqual(['cert_expired']);
    expect(result.reasons[0]!.message).toMatch(/^certificate expired on \d{4}-\d\d-\d\dT.* \([23] days ago\)$/);
    expect(result.tls).toMatchObject({ trusted: false, hostnameMatch: true, issuer: 'CN=Vantage Test CA', subject: 'CN=127.0.0.1' });
    expect(result.tls!.daysToExpiry!).toBeLessThan(-2);
    expect(result.chain).toBeNull();
    expect(result.timings.ttfbMs).toBeNull();
    expect(server.requests).toHaveLength(0);
  });

  it('a not-yet-valid certificate is cert_expired, saying from when it is valid', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'], fromDays: 2, toDays: 60 }));
    const result = await probe(server);
    expect(codes(result)).toEqual(['cert_expired']);
    expect(result.reasons[0]!.message).toMatch(/^certificate is not valid until \d{4}-/);
    expect(result.tls?.trusted).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it('a certificate for another name is cert_hostname_mismatch, naming what it covers; the chain itself is trusted', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['api.example.org', 'www.example.org'] }));
    const result = await probe(server);
    expect(result.reasons).toEqual([{
      code: 'cert_hostname_mismatch',
      message: 'certificate does not cover "127.0.0.1" (it covers DNS:api.example.org, DNS:www.example.org)',
    }]);
    expect(result.tls).toMatchObject({ trusted: true, hostnameMatch: false, subject: 'CN=api.example.org' });
    expect(server.requests).toHaveLength(0);
  });

  it('a self-signed certificate is cert_untrusted, with its facts', async () => {
    const server = await httpsServer(await selfSigned({ names: ['127.0.0.1'], commonName: 'self.example' }));
    const result = await probe(server);
    expect(result.reasons).toEqual([{ code: 'cert_untrusted', message: 'certificate not trusted: self-signed certificate (issuer CN=self.example)' }]);
    expect(result.tls).toMatchObject({ protocol: 'TLSv1.3', trusted: false, hostnameMatch: true, issuer: 'CN=self.example', subject: 'CN=self.example' });
    expect(server.requests).toHaveLength(0);
  });

  it('reports every certificate finding at once: self-signed, wrong name and expiring soon', async () => {
    const server = await httpsServer(await selfSigned({ names: ['elsewhere.example'], toDays: 3 }));
    const result = await probe(server);
    expect(codes(result)).toEqual(['cert_untrusted', 'cert_hostname_mismatch', 'cert_expiring']);
  });

  it('insecureSkipVerify sends the request anyway, and still reports trusted: false', async () => {
    const server = await httpsServer(await selfSigned({ names: ['127.0.0.1'] }));
    const result = await probe(server, { insecureSkipVerify: true });
    expect(result.reasons).toEqual([]);
    expect(result.chain?.height).toBe(4242);
    expect(result.tls).toMatchObject({ trusted: false, hostnameMatch: true });
  });
});

describe('TLS: expiry warning', () => {
  it('a certificate expiring in 5 days is cert_expiring (degraded) with the default warnDays 14; the chain is still read', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'], toDays: 5 }));
    const result = await probe(server);
    expect(codes(result)).toEqual(['cert_expiring']);
    expect(result.reasons[0]!.message).toMatch(/^certificate expires in [45]\.\d days on \d{4}-.* \(warn at 14\)$/);
    expect(result.chain?.height).toBe(4242);
    expect(result.tls!.daysToExpiry!).toBeGreaterThan(4.9);
    expect(result.tls!.daysToExpiry!).toBeLessThanOrEqual(5);
  });

  it('the same certificate is fine with warnDays 3', async () => {
    const server = await httpsServer(await issueLeaf(ca, { names: ['127.0.0.1'], toDays: 5 }));
    const result = await probe(server, { warnDays: 3 });
    expect(result.reasons).toEqual([]);
  });
});
