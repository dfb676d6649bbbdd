// Real X.509 certificates made by the tests (ECDSA P-256): a CA, leaves it
// signs with any validity window and names, and self-signed ones. PEM out,
// ready for node:tls servers and for vantage's tls.caFile.
import { webcrypto } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as never);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export interface Pem {
  readonly cert: string;
  readonly key: string;
}

export interface CertificateAuthority extends Pem {
  readonly keys: webcrypto.CryptoKeyPair;
  readonly name: string;
  /** Path of the CA certificate as a file, for tls.caFile. */
  readonly caFile: string;
}

export interface LeafOptions {
  /** DNS names and IP addresses the certificate covers. */
  readonly names?: readonly string[];
  /** Validity window in days relative to now (negative: the past). */
  readonly fromDays?: number;
  readonly toDays?: number;
  readonly commonName?: string;
  /** The whole subject as RDNs, e.g. [{ C: ['DE'] }, { CN: ['a', 'b'] }] (instead of CN=commonName). */
  readonly subject?: Array<Record<string, string[]>>;
}

async function exportKey(key: webcrypto.CryptoKey): Promise<string> {
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', key);
  return x509.PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

function san(names: readonly string[]): x509.SubjectAlternativeNameExtension {
  return new x509.SubjectAlternativeNameExtension(
    names.map((n) => (/^[\d.]+$/.test(n) || n.includes(':') ? { type: 'ip', value: n } : { type: 'dns', value: n })),
  );
}

let dir: string | null = null;
function scratch(): string {
  dir ??= mkdtempSync(join(tmpdir(), 'vantage-certs-'));
  return dir;
}

export async function createCa(name = 'Vantage Test CA'): Promise<CertificateAuthority> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${name}`,
    notBefore: new Date(Date.now() - DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const pem = cert.toString('pem');
  const caFile = join(scratch(), `${name.replace(/\W+/g, '-')}-${Date.now()}-${Math.random().toString(36).slice(2)}.pem`);
  writeFileSync(caFile, pem);
  return { cert: pem, key: await exportKey(keys.privateKey), keys, name, caFile };
}

export async function issueLeaf(ca: CertificateAuthority, options: LeafOptions = {}): Promise<Pem> {
  const names = options.names ?? ['localhost', '127.0.0.1'];
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    subject: options.subject ?? `CN=${options.commonName ?? names[0]}`,
    issuer: `CN=${ca.name}`,
    notBefore: new Date(Date.now() + (options.fromDays ?? -1) * DAY),
    notAfter: new Date(Date.now() + (options.toDays ?? 90) * DAY),
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      san(names),
    ],
  });
  return { cert: cert.toString('pem'), key: await exportKey(keys.privateKey) };
}

export async function selfSigned(options: LeafOptions = {}): Promise<Pem> {
  const names = options.names ?? ['localhost', '127.0.0.1'];
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: options.subject ?? `CN=${options.commonName ?? names[0]}`,
    notBefore: new Date(Date.now() + (options.fromDays ?? -1) * DAY),
    notAfter: new Date(Date.now() + (options.toDays ?? 90) * DAY),
    keys,
    signingAlgorithm: ALG,
    extensions: [san(names)],
  });
  return { cert: cert.toString('pem'), key: await exportKey(keys.privateKey) };
}

/** Writes text to a scratch file and returns its path. */
export function scratchFile(name: string, text: string): string {
  const path = join(scratch(), name);
  writeFileSync(path, text);
  return path;
}
