// A WebSocket proxy on 127.0.0.1 in front of a real node's WebSocket (hardhat
// serves one on its HTTP port): every frame is passed on unchanged, and
// every JSON-RPC request the client sends is recorded. With
// `holdNotificationsMs`, the node's notifications (messages with a method
// and no id) reach the client that much later, in order, while answers pass
// at once: every new head arrives late, the head a call reads does not.
import { once } from 'node:events';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import type { RpcFrame } from './websocket-rpc-server.ts';

export interface WebSocketRecordingProxy {
  readonly url: string;
  readonly frames: RpcFrame[];
  close(): Promise<void>;
}

export interface WebSocketRecordingProxyOptions {
  /** Notifications are passed on this much later (default 0: at once). */
  readonly holdNotificationsMs?: number;
}

export async function startWebSocketRecordingProxy(upstream: string, options: WebSocketRecordingProxyOptions = {}): Promise<WebSocketRecordingProxy> {
  const hold = options.holdNotificationsMs ?? 0;
  const held = new Set<NodeJS.Timeout>();
  const frames: RpcFrame[] = [];
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  await once(wss, 'listening');
  const upstreams = new Set<WebSocket>();
  wss.on('connection', (client) => {
    const up = new WebSocket(upstream, { perMessageDeflate: false });
    upstreams.add(up);
    const waiting: Array<[RawData, boolean]> = [];
    client.on('error', () => undefined);
    up.on('error', () => client.terminate());
    client.on('message', (data: RawData, isBinary: boolean) => {
      frames.push(parse(data));
      if (up.readyState === WebSocket.OPEN) up.send(data, { binary: isBinary });
      else waiting.push([data, isBinary]);
    });
    up.on('open', () => {
      for (const [data, binary] of waiting.splice(0)) up.send(data, { binary });
    });
    const pass = (data: RawData, isBinary: boolean) => {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    };
    up.on('message', (data: RawData, isBinary: boolean) => {
      if (hold === 0 || !isNotification(data)) return pass(data, isBinary);
      // Timers of equal delay fire in the order they were set: the notifications stay in order.
      const timer = setTimeout(() => {
        held.delete(timer);
        pass(data, isBinary);
      }, hold);
      held.add(timer);
    });
    client.on('close', () => up.close());
    up.on('close', () => {
      upstreams.delete(up);
      client.close();
    });
  });
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}`,
    frames,
    close: () => new Promise<void>((resolve) => {
      for (const timer of held) clearTimeout(timer);
      for (const up of upstreams) up.terminate();
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    }),
  };
}

function parse(data: RawData): RpcFrame {
  try {
    const value = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : String(data)) as { method?: unknown; params?: unknown; id?: unknown };
    return { method: typeof value.method === 'string' ? value.method : '', params: value.params, id: value.id };
  } catch {
    return { method: '', params: undefined, id: undefined };
  }
}

function isNotification(data: RawData): boolean {
  const { method, id } = parse(data);
  return method !== '' && (id === undefined || id === null);
}
