// Certificate rules over plain data (no I/O): facts, blocking reasons and
// the expiry warning.
import type { PeerCertificate } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { blockingCertificateReasons, describeTls, expiryWarning, type HandshakeFacts } from '../../../src/probe/certificate.ts';

const NOW = Date.parse('2025-06-01T00:00:00Z');
const DAY = 86_400_000;

function cert(fromDays: number, toDays: number, extra: Partial<PeerCertificate> = {}): PeerCertificate {
  return {
    subject: { CN: 'rpc.example.com', O: 'Example' },
    issuer: { CN: 'Example CA', O: 'Example', C: 'DE' },
    valid_from: new Date(NOW + fromDays * DAY).toUTCString(),
    valid_to: new Date(NOW + toDays * DAY).toUTCString(),
    subjectaltname: 'DNS:rpc.example.com',
    ...extra,
  } as PeerCertificate;
}

function facts(certificate: PeerCertificate | null, extra: Partial<HandshakeFacts> = {}): HandshakeFacts {
  return { protocol: 'TLSv1.3', certificate, authorizationError: null, hostnameError: null, checkedName: 'rpc.example.com', ...extra };
}

describe('describeTls', () => {
  it('gives every field, in the report\'s form', () => {
    expect(describeTls(facts(cert(-10, 61.5)), NOW)).toEqual({
      protocol: 'TLSv1.3',
      notAfter: new Date(NOW + 61.5 * DAY).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
      daysToExpiry: 61.5,
      issuer: 'CN=Example CA, O=Example, C=DE',
      subject: 'CN=rpc.example.com, O=Example',
      trusted: true,
      hostnameMatch: true,
    });
  });

  it('keeps the facts when verification failed', () => {
    const tls = describeTls(facts(cert(-10, -2), { authorizationError: 'CERT_HAS_EXPIRED', hostnameError: 'Hostname/IP does not match' }), NOW);
    expect(tls).toMatchObject({ trusted: false, hostnameMatch: false, daysToExpiry: -2, subject: 'CN=rpc.example.com, O=Example' });
  });

  it('unknown facts are null, never missing', () => {
    expect(describeTls(facts(null, { protocol: null, authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }), NOW)).toEqual({
      protocol: null, notAfter: null, daysToExpiry: null, issuer: null, subject: null, trusted: false, hostnameMatch: null,
    });
  });
});

describe('blockingCertificateReasons', () => {
  it('none for a valid, trusted certificate that covers the name', () => {
    expect(blockingCertificateReasons(facts(cert(-1, 90)), NOW)).toEqual([]);
  });

  it('cert_expired from the certificate\'s own dates, whatever OpenSSL said first', () => {
    const reasons = blockingCertificateReasons(facts(cert(-90, -1), { authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), NOW);
    expect(reasons.map((r) => r.code)).toEqual(['cert_expired', 'cert_untrusted']);
    expect(reasons[0]!.message).toBe(`certificate expired on ${new Date(NOW - DAY).toISOString()} (1 day ago)`);
    expect(reasons[1]!.message).toBe('certificate not trusted: self-signed certificate (issuer CN=Example CA, O=Example, C=DE)');
  });

  it('cert_expired for a certificate not valid yet', () => {
    const reasons = blockingCertificateReasons(facts(cert(3, 90), { authorizationError: 'CERT_NOT_YET_VALID' }), NOW);
    expect(reasons).toEqual([{ code: 'cert_expired', message: `certificate is not valid until ${new Date(NOW + 3 * DAY).toISOString()}` }]);
  });

  it('cert_expired for an expired certificate elsewhere in the chain', () => {
    const reasons = blockingCertificateReasons(facts(cert(-1, 90), { authorizationError: 'CERT_HAS_EXPIRED' }), NOW);
    expect(reasons.map((r) => r.code)).toEqual(['cert_expired']);
    expect(reasons[0]!.message).toContain('CERT_HAS_EXPIRED');
  });

  it('cert_untrusted words the common OpenSSL codes for a person, and passes others through', () => {
    const missing = blockingCertificateReasons(facts(cert(-1, 90), { authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), NOW);
    expect(missing[0]!.message).toContain('missing intermediate?');
    const other = blockingCertificateReasons(facts(cert(-1, 90), { authorizationError: 'INVALID_PURPOSE' }), NOW);
    expect(other).toEqual([{ code: 'cert_untrusted', message: 'certificate not trusted: INVALID_PURPOSE (issuer CN=Example CA, O=Example, C=DE)' }]);
  });

  it('cert_hostname_mismatch names the name checked and what the certificate covers', () => {
    const reasons = blockingCertificateReasons(facts(cert(-1, 90), { hostnameError: 'does not match', checkedName: 'api.other.org' }), NOW);
    expect(reasons).toEqual([{ code: 'cert_hostname_mismatch', message: 'certificate does not cover "api.other.org" (it covers DNS:rpc.example.com)' }]);
  });

  it('a certificate\'s names are node text: the covered names and the issuer come out clean and clipped', () => {
    const hostile = cert(-1, 90, {
      subjectaltname: `DNS:rpc.example.com\u001b[2K\r, DNS:${'z'.repeat(500)}`,
      subject: { CN: 'rpc\u009b2J.example.com' } as PeerCertificate['subject'],
      issuer: { CN: `Evil\u202eCA\u0007 ${'q'.repeat(500)}` } as PeerCertificate['issuer'],
    });
    const reasons = blockingCertificateReasons(facts(hostile, { hostnameError: 'does not match', checkedName: 'api.other.org', authorizationError: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' }), NOW);
    expect(reasons).toEqual([
      { code: 'cert_untrusted', message: `certificate not trusted: issuer not trusted: unknown CA (issuer CN=EvilCA ${'q'.repeat(190)}…)` },
      { code: 'cert_hostname_mismatch', message: `certificate does not cover "api.other.org" (it covers DNS:rpc.example.com , DNS:${'z'.repeat(174)}…)` },
    ]);
    expect(describeTls(facts(hostile), NOW)).toMatchObject({ subject: 'CN=rpc2J.example.com', issuer: `CN=EvilCA ${'q'.repeat(190)}…` });
  });
});

describe('expiryWarning', () => {
  const tls = (days: number | null) => describeTls(facts(days === null ? null : cert(-1, days)), NOW);

  it('warns within warnDays', () => {
    expect(expiryWarning(tls(5), 14)).toEqual({ code: 'cert_expiring', message: `certificate expires in 5.0 days on ${new Date(NOW + 5 * DAY).toISOString()} (warn at 14)` });
  });

  it('does not warn at or beyond warnDays, for expired certificates (they are cert_expired), or without a certificate', () => {
    expect(expiryWarning(tls(14), 14)).toBeNull();
    expect(expiryWarning(tls(200), 14)).toBeNull();
    expect(expiryWarning(tls(-1), 14)).toBeNull();
    expect(expiryWarning(tls(null), 14)).toBeNull();
  });
});
