// The certificate fields the probe reads from X509Certificate (instead of
// Node's legacy getPeerCertificate object, which costs an eighth of a probe
// to build) are the legacy object's, field for field, on real handshakes;
// and the name check is Node's, with the same verdicts.
import { once } from 'node:events';
import { checkServerIdentity, connect, createServer, type Server, type TLSSocket } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFields, peerIdentity, skipLegacyCertificate } from '../../../src/probe/peer-certificate.ts';
import { selfSigned } from '../../support/certificates.ts';

let server: Server;
let port: number;

beforeAll(async () => {
  // Every awkward part of a name: repeated attributes, RFC 2253 specials, a multi-valued RDN, non-ASCII.
  const pem = await selfSigned({
    names: ['rpc.example.org', '*.nodes.example.org', '127.0.0.1'],
    subject: [{ C: ['DE'] }, { O: ['Org, Inc. <a>; b=c'] }, { OU: ['one'] }, { OU: ['two'] }, { CN: ['Zürich + #1'], L: ['Bern'] }, { CN: ['rpc.example.org'] }],
  });
  server = createServer({ cert: pem.cert, key: pem.key }, (socket) => socket.end());
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function handshake(): Promise<TLSSocket> {
  const socket = connect({ host: '127.0.0.1', port, servername: 'rpc.example.org', rejectUnauthorized: false });
  await once(socket, 'secureConnect');
  return socket;
}

describe('certificate fields from X509Certificate', () => {
  it('equal the legacy object\'s subject, issuer, validity and subjectaltname', async () => {
    const socket = await handshake();
    try {
      const legacy = socket.getPeerCertificate(false);
      const fields = certificateFields(socket.getPeerX509Certificate()!);
      expect(fields).toEqual({
        subject: { ...legacy.subject },
        issuer: { ...legacy.issuer },
        valid_from: legacy.valid_from,
        valid_to: legacy.valid_to,
        subjectaltname: legacy.subjectaltname,
      });
      expect(fields.subject).toMatchObject({ O: 'Org, Inc. <a>; b=c', OU: ['one', 'two'], CN: ['Zürich + #1', 'rpc.example.org'], L: 'Bern' });
    } finally {
      socket.destroy();
    }
  });

  it.each([
    'rpc.example.org', 'RPC.Example.Org.', 'a.nodes.example.org', 'a.b.nodes.example.org', 'nodes.example.org', 'other.example.org', '127.0.0.1', '127.0.0.2', '::1',
  ])('the name check agrees with Node\'s on the legacy object for %s', async (name) => {
    const socket = await handshake();
    try {
      const expected = checkServerIdentity(name, socket.getPeerCertificate(false))?.message ?? null;
      expect(peerIdentity(socket, name).hostnameError).toBe(expected);
    } finally {
      socket.destroy();
    }
  });
});

describe('skipLegacyCertificate', () => {
  it('stops the legacy object being built on that socket until restored, then Node\'s method is back', async () => {
    const socket = await handshake();
    try {
      const restore = skipLegacyCertificate(socket);
      expect(socket.getPeerCertificate(true)).toEqual({});
      restore();
      expect(socket.getPeerCertificate(false).subjectaltname).toBe('DNS:rpc.example.org, DNS:*.nodes.example.org, IP Address:127.0.0.1');
    } finally {
      socket.destroy();
    }
  });
});
