// A TCP forwarder on a chosen loopback address and port, piping every
// connection to another server: one node made to answer on a second address
// of a name (127.0.0.2, ::1) at the same port, as DNS round-robin puts
// several backends behind one name. Counts the connections it accepts.
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';

export interface TcpForwarder {
  readonly host: string;
  readonly port: number;
  connections(): number;
  close(): Promise<void>;
}

export async function tcpForwarder(listen: { host: string; port: number }, target: { host: string; port: number }): Promise<TcpForwarder> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((client) => {
    connections++;
    const upstream = connect(target);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  });
  server.listen(listen.port, listen.host);
  await once(server, 'listening');
  return {
    host: listen.host,
    port: listen.port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

/** Whether this machine has ::1 (a container may run without IPv6): a listener there either starts or fails. */
export async function hasIpv6Loopback(): Promise<boolean> {
  const server = createServer();
  try {
    server.listen(0, '::1');
    await once(server, 'listening');
    return true;
  } catch {
    return false;
  } finally {
    server.close();
  }
}
