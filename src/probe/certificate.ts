// Pure helpers over a peer certificate: what it says, and which reason codes
// it earns. No I/O here, so every rule is testable with plain data. A
// certificate is the server's text: its names are node text (nodeText).
import type { PeerCertificate } from 'node:tls';
import type { CertificateFields } from './peer-certificate.ts';
import { nodeText } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { TlsInfo } from '../report/tls-info.ts';

/** What the handshake told us, before it is judged. */
export interface HandshakeFacts {
  readonly protocol: string | null;
  readonly certificate: CertificateFields | null;
  /** OpenSSL's verification result code, null when the chain verified. */
  readonly authorizationError: string | null;
  /** Error from tls.checkServerIdentity, null when the name is covered. */
  readonly hostnameError: string | null;
  /** The name checked (URL host or tls.serverName). */
  readonly checkedName: string;
}

const DAY_MS = 86_400_000;

export function describeTls(facts: HandshakeFacts, now: number): TlsInfo {
  const cert = facts.certificate;
  const notAfter = cert?.valid_to ? new Date(cert.valid_to) : null;
  const valid = notAfter && !Number.isNaN(notAfter.getTime()) ? notAfter : null;
  return {
    protocol: facts.protocol,
    notAfter: valid ? valid.toISOString() : null,
    daysToExpiry: valid ? Math.round(((valid.getTime() - now) / DAY_MS) * 100) / 100 : null,
    issuer: cert ? distinguishedName(cert.issuer) : null,
    subject: cert ? distinguishedName(cert.subject) : null,
    trusted: facts.authorizationError === null,
    hostnameMatch: cert ? facts.hostnameError === null : null,
  };
}

/** Codes OpenSSL uses for validity dates; everything else is a trust failure. */
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

const TRUST_WORDS: Readonly<Record<string, string>> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'issuer not found: the chain does not lead to a trusted CA (missing intermediate?)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'issuer not trusted: unknown CA',
  UNABLE_TO_GET_ISSUER_CERT: 'issuer certificate not found',
  CERT_REVOKED: 'certificate revoked',
  CERT_SIGNATURE_FAILURE: 'certificate signature does not verify',
};

/**
 * Reasons that block the request: a client that verifies would refuse this
 * server, and Vantage does not send credentials to a server it cannot trust.
 */
export function blockingCertificateReasons(facts: HandshakeFacts, now: number): Reason[] {
  const cert = facts.certificate;
  const reasons: Reason[] = [];
  const notBefore = cert?.valid_from ? new Date(cert.valid_from).getTime() : NaN;
  const notAfter = cert?.valid_to ? new Date(cert.valid_to).getTime() : NaN;
  if (notAfter < now) {
    const days = Math.floor((now - notAfter) / DAY_MS);
    reasons.push(reason('cert_expired', `certificate expired on ${new Date(notAfter).toISOString()} (${days} day${days === 1 ? '' : 's'} ago)`));
  } else if (notBefore > now) {
    reasons.push(reason('cert_expired', `certificate is not valid until ${new Date(notBefore).toISOString()}`));
  } else if (facts.authorizationError && DATE_ERRORS.has(facts.authorizationError)) {
    reasons.push(reason('cert_expired', `certificate chain has an expired or not yet valid certificate (${facts.authorizationError})`));
  }
  if (facts.authorizationError && !DATE_ERRORS.has(facts.authorizationError)) {
    const words = TRUST_WORDS[facts.authorizationError] ?? facts.authorizationError;
    const issuer = cert ? distinguishedName(cert.issuer) : 'unknown issuer';
    reasons.push(reason('cert_untrusted', `certificate not trusted: ${words} (issuer ${issuer})`));
  }
  if (facts.hostnameError) {
    const covers = cert?.subjectaltname ? nodeText(cert.subjectaltname) : cert ? nodeText(`CN=${String(cert.subject?.CN ?? '?')}`) : 'nothing';
    reasons.push(reason('cert_hostname_mismatch', `certificate does not cover "${facts.checkedName}" (it covers ${covers})`));
  }
  return reasons;
}

export function expiryWarning(tls: TlsInfo, warnDays: number): Reason | null {
  if (tls.daysToExpiry === null || tls.daysToExpiry < 0 || tls.daysToExpiry >= warnDays) return null;
  return reason('cert_expiring', `certificate expires in ${tls.daysToExpiry.toFixed(1)} days on ${tls.notAfter} (warn at ${warnDays})`);
}

function distinguishedName(dn: PeerCertificate['subject'] | undefined): string | null {
  if (!dn) return null;
  const parts: string[] = [];
  for (const key of ['CN', 'O', 'OU', 'L', 'ST', 'C'] as const) {
    const value = (dn as unknown as Record<string, string | string[] | undefined>)[key];
    if (value !== undefined) parts.push(`${key}=${Array.isArray(value) ? value.join('+') : value}`);
  }
  return parts.length > 0 ? nodeText(parts.join(', ')) : null;
}
