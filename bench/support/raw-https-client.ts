// The floor: the least a Node program can do to probe an HTTPS endpoint on a
// fresh connection. tls.connect with one SecureContext built once (the same
// trust setup Vantage uses), Node's default chain and hostname checks, a
// hand-written HTTP/1.1 GET, read to the end. No HTTP library, no result
// object. The one raw client every bench part compares against.
import { performance } from 'node:perf_hooks';
import { connect, createSecureContext, type SecureContext } from 'node:tls';
import { readFileSync } from 'node:fs';

export interface RawTarget {
  /** An IP address: the floor does no name resolution. */
  readonly host: string;
  /** The name for SNI, the certificate check and Host, when host is an address looked up for it. */
  readonly servername?: string;
  readonly port: number;
  readonly path: string;
  readonly secureContext: SecureContext;
}

export interface RawResponse {
  readonly status: number;
  /** performance.now() marks: before the TCP connect, handshake done, first byte, end of body. */
  readonly startedAt: number;
  readonly secureAt: number;
  readonly firstByteAt: number;
  readonly endedAt: number;
  /** Raw response head and body. */
  readonly text: string;
}

export const rawSecureContext = (caFile: string): SecureContext => createSecureContext({ ca: readFileSync(caFile) });

export function rawHttpsGet(target: RawTarget): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    let secureAt = 0;
    let firstByteAt = 0;
    const chunks: Buffer[] = [];
    const name = target.servername ?? target.host;
    const socket = connect({ host: target.host, port: target.port, servername: target.servername, secureContext: target.secureContext, ALPNProtocols: ['http/1.1'] }, () => {
      secureAt = performance.now();
      socket.write(`GET ${target.path} HTTP/1.1\r\nhost: ${name}:${target.port}\r\naccept: application/json\r\nconnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      if (firstByteAt === 0) firstByteAt = performance.now();
      chunks.push(chunk);
    });
    socket.once('end', () => {
      const endedAt = performance.now();
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, startedAt, secureAt, firstByteAt, endedAt, text });
    });
    socket.once('error', reject);
  });
}
