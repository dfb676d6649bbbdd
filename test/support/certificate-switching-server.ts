// An HTTPS server on 127.0.0.1 that presents one certificate on its first
// connection(s) and another on every later one, and closes the connection
// after each response (`Connection: close`), so a client must reconnect
// between calls. Each connection is recorded at the TLS socket: which
// certificate it got, and every byte of application data the client wrote
// after the handshake. A client that verifies every connection writes zero
// bytes on one whose certificate fails.
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { createSecureContext, TLSSocket } from 'node:tls';
import type { Pem } from './certificates.ts';

export interface SwitchedConnection {
  /** 1-based, in accept order. */
  readonly index: number;
  readonly certificate: 'first' | 'later';
  /** Decrypted bytes the client sent after the handshake (requests, headers, bodies). */
  applicationBytes: number;
  /** Those bytes as text, for failure messages. */
  received: string;
  /** Requests parsed from them. */
  readonly requests: SwitchedRequest[];
}

export interface SwitchedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface CertificateSwitchingServer {
  /** https://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly connections: SwitchedConnection[];
  close(): Promise<void>;
}

export interface SwitchingOptions {
  readonly first: Pem;
  readonly later: Pem;
  /** How many connections get `first` before every one gets `later`. Default 1. */
  readonly firstConnections?: number;
  /** Answers a request; the server adds `Connection: close`. */
  readonly handler: (req: IncomingMessage, res: ServerResponse, body: string) => void;
}

const HOST = '127.0.0.1';

export async function certificateSwitchingServer(options: SwitchingOptions): Promise<CertificateSwitchingServer> {
  const contexts = { first: createSecureContext(options.first), later: createSecureContext(options.later) };
  const connections: SwitchedConnection[] = [];
  const byStream = new WeakMap<Duplex, SwitchedConnection>();
  const http = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      byStream.get(req.socket as unknown as Duplex)?.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.setHeader('connection', 'close');
      options.handler(req, res, body);
    });
  });
  const sockets = new Set<Socket>();
  const tcp = createTcpServer((raw) => {
    sockets.add(raw);
    raw.once('close', () => sockets.delete(raw));
    raw.on('error', () => undefined);
    const index = connections.length + 1;
    const certificate = index <= (options.firstConnections ?? 1) ? 'first' : 'later';
    const record: SwitchedConnection = { index, certificate, applicationBytes: 0, received: '', requests: [] };
    connections.push(record);
    const tls = new TLSSocket(raw, { isServer: true, secureContext: contexts[certificate] });
    tls.on('error', () => undefined);
    // node:http would consume the TLS socket's handle directly (no 'data'
    // events); a Duplex in between lets every decrypted byte be counted.
    const stream = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        tls.write(chunk, callback);
      },
      final(callback) {
        tls.end();
        callback();
      },
      destroy(err, callback) {
        tls.destroy();
        callback(err);
      },
    });
    byStream.set(stream, record);
    tls.on('data', (chunk: Buffer) => {
      record.applicationBytes += chunk.length;
      record.received += chunk.toString('latin1');
      stream.push(chunk);
    });
    tls.on('end', () => stream.push(null));
    tls.on('close', () => stream.destroy());
    stream.on('error', () => undefined);
    http.emit('connection', stream);
  });
  tcp.listen(0, HOST);
  await once(tcp, 'listening');
  const { port } = tcp.address() as { port: number };
  return {
    url: `https://${HOST}:${port}`,
    port,
    connections,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      tcp.close(() => resolve());
    }),
  };
}
