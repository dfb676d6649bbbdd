// HttpSession's every-response first-byte time (the block arrival watch's
// clock): the first byte of each answer, not its end, on the kept-alive
// connection and on a reconnect after the server closed it.
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { sessionUntil } from '../../../src/engine/probe-endpoint.ts';
import { hangsUpAfterRequest, serve, type TestServer } from '../../support/servers.ts';
import { endpointConfig } from '../../support/config-for.ts';

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** Answers 200 at once with half a body, the rest `gapMs` later; `close` ends the connection after it. */
async function splitBody(gapMs: number, close: (n: number) => boolean = () => false): Promise<TestServer & { sockets: Set<number> }> {
  const sockets = new Set<number>();
  let n = 0;
  const server = await serve((req, res) => {
    sockets.add(req.socket.remotePort ?? 0);
    res.writeHead(200, { 'content-type': 'application/json', ...(close(n++) ? { connection: 'close' } : {}) });
    res.write('{"h":');
    setTimeout(() => res.end(`${n}}`), gapMs);
  });
  servers.push(server);
  return Object.assign(server, { sockets });
}

describe('HttpSession with timeEveryResponse', () => {
  it('times each answer at its first byte, not its end, request after request on one connection', async () => {
    const server = await splitBody(400);
    const { endpoint } = await endpointConfig('http-json', server.url, { heightPointer: '/h' });
    const end = await sessionUntil(new AbortController().signal, endpoint, {}, async ({ http }) => {
      const times: Array<{ firstByte: number | null; ended: number }> = [];
      for (let i = 0; i < 2; i++) {
        const answer = await http.request({ method: 'GET' });
        expect(answer.ok).toBe(true);
        times.push({ firstByte: http.lastFirstByteAt, ended: performance.now() });
      }
      return times;
    }, { timeEveryResponse: true });
    const [first, second] = end.value!;
    // The rest of each body came 400 ms after its first byte.
    expect(first!.ended - first!.firstByte!).toBeGreaterThanOrEqual(300);
    expect(second!.ended - second!.firstByte!).toBeGreaterThanOrEqual(300);
    // The second answer's own first byte, not the first's kept over.
    expect(second!.firstByte!).toBeGreaterThan(first!.ended);
    expect(server.sockets.size).toBe(1);
  });

  it('times the answer on the new connection after the server closed the kept-alive one', async () => {
    const server = await splitBody(300, (n) => n === 0);
    const { endpoint } = await endpointConfig('http-json', server.url, { heightPointer: '/h' });
    const end = await sessionUntil(new AbortController().signal, endpoint, {}, async ({ http }) => {
      await http.request({ method: 'GET' });
      const firstEnded = performance.now();
      const again = await http.request({ method: 'GET' });
      return { ok: again.ok, firstEnded, firstByte: http.lastFirstByteAt, ended: performance.now() };
    }, { timeEveryResponse: true });
    expect(end.value!.ok).toBe(true);
    expect(server.sockets.size).toBe(2);
    expect(end.value!.firstByte!).toBeGreaterThan(end.value!.firstEnded);
    expect(end.value!.ended - end.value!.firstByte!).toBeGreaterThanOrEqual(200);
  });

  it('has no first byte for an answer that never came', async () => {
    const server = await hangsUpAfterRequest();
    servers.push(server);
    const { endpoint } = await endpointConfig('http-json', server.url, { heightPointer: '/h' });
    const end = await sessionUntil(new AbortController().signal, endpoint, {}, async ({ http }) => {
      const answer = await http.request({ method: 'GET' });
      return { ok: answer.ok, firstByte: http.lastFirstByteAt };
    }, { timeEveryResponse: true });
    expect(end.value).toEqual({ ok: false, firstByte: null });
  });
});
