// The one certificate setup every HTTPS part uses: a CA and an ECDSA P-256
// leaf for 127.0.0.1, localhost and the bench's loopback name
// (support/loopback-name.ts) — ECDSA is what most production TLS endpoints
// serve today — as files, so servers in other processes and
// blackbox_exporter can read them.
import { dirname } from 'node:path';
import { scratchFile, createCa, issueLeaf } from '../../test/support/certificates.ts';
import { loopbackName } from './loopback-name.ts';
import { removeOnExit } from './temp-dir.ts';

export interface BenchCertificates {
  /** The CA certificate (tls.caFile for Vantage, ca_file for blackbox_exporter). */
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

export async function benchCertificates(): Promise<BenchCertificates> {
  const ca = await createCa('Vantage Bench CA');
  const names = [...new Set(['127.0.0.1', 'localhost', loopbackName().name])];
  const leaf = await issueLeaf(ca, { names });
  removeOnExit(dirname(ca.caFile));
  return { caFile: ca.caFile, certFile: scratchFile('bench-leaf.pem', leaf.cert), keyFile: scratchFile('bench-leaf.key', leaf.key) };
}
