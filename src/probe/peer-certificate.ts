// The server's certificate, read from the X509Certificate of a finished
// handshake: only the fields the probe reports and judges, in the shape of
// Node's legacy certificate object (so Node's own tls.checkServerIdentity
// judges the name, with its rules).
//
// Why not tls.getPeerCertificate(): Node's client, once the chain verifies,
// builds that legacy object in full before calling checkServerIdentity —
// every field, SHA-1/256/512 fingerprints, the public key, the issuer
// chain — whatever the function then reads: about a million instructions,
// an eighth of a fresh HTTPS probe (docs/benchmarks.md). skipLegacyCertificate()
// turns that call into a no-op on one socket for the length of its handshake;
// X509Certificate computes a field only when it is read.
import { checkServerIdentity, TLSSocket, type PeerCertificate } from 'node:tls';
import type { X509Certificate } from 'node:crypto';

/** The certificate fields the probe reads, named as in Node's legacy object. */
export type CertificateFields = Pick<PeerCertificate, 'subject' | 'issuer' | 'valid_from' | 'valid_to'> & { readonly subjectaltname?: string };

export interface PeerIdentity {
  /** null: the server presented no certificate. */
  readonly certificate: CertificateFields | null;
  /** Why the certificate does not cover the name (Node's checkServerIdentity), or null. */
  readonly hostnameError: string | null;
}

const NO_LEGACY_CERTIFICATE = () => ({});
const LEGACY_CERTIFICATE = TLSSocket.prototype.getPeerCertificate;

/** Until the returned function is called, the socket's getPeerCertificate() builds nothing. */
export function skipLegacyCertificate(socket: TLSSocket): () => void {
  const own = socket as { getPeerCertificate: unknown };
  own.getPeerCertificate = NO_LEGACY_CERTIFICATE;
  // Put back by assignment, not `delete`: deleting a property would turn the
  // socket's object into a slow dictionary for the rest of its life.
  return () => {
    own.getPeerCertificate = LEGACY_CERTIFICATE;
  };
}

/** The peer certificate's fields and whether it covers `name`, after the handshake. */
export function peerIdentity(socket: TLSSocket, name: string): PeerIdentity {
  const x509 = socket.getPeerX509Certificate();
  if (!x509) return { certificate: null, hostnameError: 'no certificate' };
  const certificate = certificateFields(x509);
  return { certificate, hostnameError: checkServerIdentity(name, certificate as PeerCertificate)?.message ?? null };
}

export function certificateFields(x509: X509Certificate): CertificateFields {
  return {
    subject: distinguishedName(x509.subject),
    issuer: distinguishedName(x509.issuer),
    valid_from: x509.validFrom,
    valid_to: x509.validTo,
    subjectaltname: x509.subjectAltName,
  };
}

/**
 * X509Certificate's one-attribute-per-line form (RFC 2253 escapes: `\,`,
 * `\"`, `\0A` for a control byte; ` + ` between the parts of a multi-valued
 * RDN) as the legacy object: attribute → value, an array when repeated.
 */
export function distinguishedName(text: string): PeerCertificate['subject'] {
  const name: Record<string, string | string[]> = {};
  for (const line of text.split('\n')) {
    for (const part of line.split(/(?<!\\) \+ /)) {
      const equals = part.indexOf('=');
      if (equals <= 0) continue;
      const key = part.slice(0, equals);
      const value = unescapeRfc2253(part.slice(equals + 1));
      const seen = name[key];
      name[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
  }
  return name as unknown as PeerCertificate['subject'];
}

function unescapeRfc2253(value: string): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([0-9A-Fa-f]{2}|.)/g, (_, escaped: string) => (escaped.length === 2 ? String.fromCharCode(parseInt(escaped, 16)) : escaped));
}
