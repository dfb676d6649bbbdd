// A real DNS server on 127.0.0.1, UDP and TCP on one port, for resolution
// tests: each name answers with A/AAAA records, NXDOMAIN, SERVFAIL or
// REFUSED, or is black-holed (the query is read and never answered, as a
// dead authoritative server does), for all types or one. Names not in the zone are NXDOMAIN.
// Every query is recorded with its transport.
import { createSocket, type RemoteInfo } from 'node:dgram';
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import * as dnsPacket from 'dns-packet';

export type DnsAnswer =
  | {
    /** Records of each type; 'blackhole' drops queries of that type only. */
    readonly a?: readonly string[] | 'blackhole';
    readonly aaaa?: readonly string[] | 'blackhole';
    /** Over UDP, set TC and send no records (the client must retry over TCP). */
    readonly truncateUdp?: boolean;
  }
  | 'NXDOMAIN'
  | 'SERVFAIL'
  | 'REFUSED'
  | 'blackhole';

export interface DnsQuery {
  readonly name: string;
  readonly type: string;
  readonly transport: 'udp' | 'tcp';
}

export interface DnsServer {
  /** For probe.resolvers / Resolver.setServers, e.g. 127.0.0.1:41234. */
  readonly address: string;
  readonly port: number;
  readonly queries: DnsQuery[];
  /** Answers by name (lower case); change it at will. */
  readonly zone: Map<string, DnsAnswer>;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

export async function dnsServer(zone: Record<string, DnsAnswer>, options: { port?: number } = {}): Promise<DnsServer> {
  const table = new Map(Object.entries(zone).map(([name, answer]) => [name.toLowerCase(), answer]));
  const queries: DnsQuery[] = [];
  const answer = (message: Buffer, transport: 'udp' | 'tcp'): Buffer | null => {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return null;
    }
    const question = query.questions?.[0];
    if (!question) return null;
    queries.push({ name: question.name, type: question.type, transport });
    return respond(query, question, table.get(question.name.toLowerCase()) ?? 'NXDOMAIN', transport);
  };

  // Bind UDP first, then TCP on the same port; retry if TCP's is taken.
  for (let attempt = 0; ; attempt++) {
    const udp = createSocket('udp4');
    udp.bind(options.port ?? 0, HOST);
    await once(udp, 'listening');
    const { port } = udp.address();
    const tcp = createServer((socket) => serveTcp(socket, answer));
    const sockets = new Set<Socket>();
    tcp.on('connection', (s: Socket) => {
      sockets.add(s);
      s.once('close', () => sockets.delete(s));
    });
    const bound = await listenTcp(tcp, port);
    if (!bound) {
      udp.close();
      if (attempt < 20 && options.port === undefined) continue;
      throw new Error('dns-server: no port free for both UDP and TCP');
    }
    udp.on('message', (message: Buffer, peer: RemoteInfo) => {
      const reply = answer(message, 'udp');
      if (reply) udp.send(reply, peer.port, peer.address);
    });
    return {
      address: `${HOST}:${port}`,
      port,
      queries,
      zone: table,
      close: async () => {
        for (const s of sockets) s.destroy();
        await Promise.all([
          new Promise<void>((r) => udp.close(() => r())),
          new Promise<void>((r) => tcp.close(() => r())),
        ]);
      },
    };
  }
}

function listenTcp(server: Server, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => resolve(true));
  });
}

/** DNS over TCP: each message is prefixed by its 2-byte length (RFC 1035 4.2.2). */
function serveTcp(socket: Socket, answer: (message: Buffer, transport: 'tcp') => Buffer | null): void {
  let pending = Buffer.alloc(0);
  socket.on('error', () => undefined);
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2) {
      const length = pending.readUInt16BE(0);
      if (pending.length < 2 + length) break;
      const message = pending.subarray(2, 2 + length);
      pending = pending.subarray(2 + length);
      const reply = answer(message, 'tcp');
      if (!reply) continue;
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(reply.length);
      socket.write(Buffer.concat([prefix, reply]));
    }
  });
}

function respond(query: dnsPacket.DecodedPacket, question: dnsPacket.Question, entry: DnsAnswer, transport: 'udp' | 'tcp'): Buffer | null {
  if (entry === 'blackhole') return null;
  const base = {
    type: 'response' as const,
    id: query.id ?? 0,
    questions: [question],
  };
  const flags = dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE;
  if (typeof entry === 'string') return dnsPacket.encode({ ...base, flags: flags | RCODE[entry], answers: [] });
  if (entry.truncateUdp && transport === 'udp') {
    return dnsPacket.encode({ ...base, flags: flags | dnsPacket.TRUNCATED_RESPONSE, answers: [] });
  }
  const records = question.type === 'A' ? entry.a ?? [] : question.type === 'AAAA' ? entry.aaaa ?? [] : [];
  if (records === 'blackhole') return null;
  return dnsPacket.encode({
    ...base,
    flags: flags | RCODE.NOERROR,
    answers: records.map((data) => ({ type: question.type as 'A' | 'AAAA', class: 'IN' as const, name: question.name, ttl: 60, data })),
  });
}
