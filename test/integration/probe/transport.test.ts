// The transport against real adversarial servers on 127.0.0.1: each failure
// becomes its reason code, phase timings are null exactly when the phase
// never completed, and no probe outlives its timeout.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEndpoint, type EndpointProbe } from '../../../src/engine/probe-endpoint.ts';
import {
  bigBody, closedPort, dripBody, evmAnswers, fixedResponse, hangsUpAfterRequest, jsonRpcFake, neverAnswers, rawAnswer, resetsOnFirstByte, serve,
  silentTcp, unacceptingListener, type TestServer,
} from '../../support/servers.ts';
import { endpointConfig, networkFromYaml } from '../../support/config-for.ts';

const servers: Array<{ close(): Promise<void> }> = [];
async function track<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function probeHttpJson(url: string, extra: Record<string, unknown> = {}): Promise<EndpointProbe> {
  const { network, endpoint } = await endpointConfig('http-json', url, { heightPointer: '/height', ...extra });
  return probeEndpoint(network, endpoint);
}

async function probeEvm(url: string, extra: Record<string, unknown> = {}, net: Record<string, unknown> = {}): Promise<EndpointProbe> {
  const { network, endpoint } = await endpointConfig('evm', url, extra, net);
  return probeEndpoint(network, endpoint);
}

const codes = (p: EndpointProbe) => p.reasons.map((r) => r.code);

describe('transport: a healthy plain-HTTP server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await track(fixedResponse(200, '{"height": 1234, "time": "2020-01-01T00:00:00Z"}'));
  });

  it('reads the height and reports connect, first-byte and total time, with no DNS or TLS phase for an IP over http', async () => {
    const probe = await probeHttpJson(`${server.url}/status`);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(1234);
    expect(probe.timings.dnsMs).toBeNull();
    expect(probe.timings.tlsMs).toBeNull();
    expect(probe.tls).toBeNull();
    const { connectMs, ttfbMs, totalMs } = probe.timings;
    expect(connectMs).toBeGreaterThanOrEqual(0);
    // ttfb and total count from the probe's start, like curl's time_starttransfer/time_total.
    expect(ttfbMs!).toBeGreaterThanOrEqual(connectMs!);
    expect(totalMs!).toBeGreaterThanOrEqual(ttfbMs!);
  });

  it('sends the configured path, method, body and headers, over a connection of its own per probe', async () => {
    const before = server.requests.length;
    const connected = server.connections();
    const extra = { method: 'POST', body: { q: 'head' }, headers: { 'X-Api-Key': 'k1' } };
    await probeHttpJson(`${server.url}/api/v1/head?full=1`, extra);
    // The server keeps connections alive: a probe that reused the last one would not show here.
    expect(server.connections() - connected).toBe(1);
    await probeHttpJson(`${server.url}/api/v1/head?full=1`, extra);
    expect(server.connections() - connected).toBe(2);
    const [first, second] = server.requests.slice(before);
    expect(first).toMatchObject({ method: 'POST', url: '/api/v1/head?full=1', body: '{"q":"head"}' });
    expect(first!.headers['x-api-key']).toBe('k1');
    expect(first!.headers['content-type']).toBe('application/json');
    expect(second!.headers['x-api-key']).toBe('k1');
  });

  it('reaches an IPv6 literal ([::1]) without a DNS phase', async () => {
    const v6 = await track(serve((_req, res) => void res.end('{"height": 6}'), { host: '::1' }));
    const probe = await probeHttpJson(v6.url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(6);
    expect(probe.timings.dnsMs).toBeNull();
  });

  it('resolves a host name, and then reports the DNS phase', async () => {
    // The same server on both loopback addresses, so the test does not
    // depend on which of them localhost resolves to first.
    const answer = (_req: unknown, res: ServerResponse) => void res.end('{"height": 4321}');
    const v4 = await track(serve(answer));
    await track(serve(answer, { host: '::1', port: v4.port }));
    const probe = await probeHttpJson(`http://localhost:${v4.port}/`);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(4321);
    expect(probe.timings.dnsMs).toBeGreaterThanOrEqual(0);
  });
});

describe('transport: failures before a response', () => {
  it('a .invalid host name is dns_failed, with no connect phase', async () => {
    const probe = await probeHttpJson('http://vantage-probe-test.invalid:8545/');
    expect(codes(probe)).toEqual(['dns_failed']);
    expect(probe.reasons[0]!.message).toContain('vantage-probe-test.invalid');
    expect(probe.timings).toMatchObject({ connectMs: null, tlsMs: null, ttfbMs: null });
    expect(probe.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(probe.timings.totalMs).not.toBeNull();
    expect(probe.chain).toBeNull();
  });

  it('a closed port is connect_refused', async () => {
    const port = await closedPort();
    const probe = await probeHttpJson(`http://127.0.0.1:${port}/`);
    expect(codes(probe)).toEqual(['connect_refused']);
    expect(probe.reasons[0]!.message).toContain(`127.0.0.1:${port}`);
    // The connect phase ended on its own (with a reset), so it has a time.
    expect(probe.timings).toMatchObject({ dnsMs: null, tlsMs: null, ttfbMs: null });
    expect(probe.timings.connectMs).toBeGreaterThanOrEqual(0);
  });

  it('a listener that never completes the TCP handshake is connect_timeout at the timeout', async () => {
    const listener = await track(unacceptingListener());
    const probe = await probeHttpJson(`http://127.0.0.1:${listener.port}/`, { timeoutMs: 700 });
    expect(codes(probe)).toEqual(['connect_timeout']);
    expect(probe.reasons[0]!.message).toContain('within 700 ms');
    expect(probe.timings.connectMs).toBeNull();
    expect(probe.timings.totalMs!).toBeGreaterThanOrEqual(690);
  });

  it('a server that accepts and never answers is timeout, ending at the timeout', async () => {
    const server = await track(neverAnswers());
    const probe = await probeHttpJson(server.url, { timeoutMs: 600 });
    expect(codes(probe)).toEqual(['timeout']);
    expect(probe.reasons[0]!.message).toBe('connected, but no HTTP response within 600 ms');
    expect(probe.timings.connectMs).not.toBeNull();
    expect(probe.timings.ttfbMs).toBeNull();
    expect(probe.timings.totalMs!).toBeGreaterThanOrEqual(590);
  });

  it('an https URL on a server that never speaks TLS is timeout, with no TLS facts', async () => {
    const server = await track(silentTcp());
    const probe = await probeHttpJson(`https://127.0.0.1:${server.port}/`, { timeoutMs: 600 });
    expect(codes(probe)).toEqual(['timeout']);
    expect(probe.reasons[0]!.message).toContain('TLS handshake got no answer within 600 ms');
    expect(probe.tls).toBeNull();
    expect(probe.timings.tlsMs).toBeNull();
  });

  it('a server that resets the handshake is tls_failed', async () => {
    const server = await track(resetsOnFirstByte());
    const probe = await probeHttpJson(`https://127.0.0.1:${server.port}/`);
    expect(codes(probe)).toEqual(['tls_failed']);
    expect(probe.reasons[0]!.message).toContain('connection reset by the server during the handshake');
    expect(probe.tls).toBeNull();
    expect(probe.timings.tlsMs).toBeGreaterThanOrEqual(0);
    expect(probe.timings.ttfbMs).toBeNull();
  });

  it('an https URL on a plain-HTTP server is tls_failed', async () => {
    const server = await track(fixedResponse(200, '{"height":1}'));
    const probe = await probeHttpJson(server.url.replace('http:', 'https:'));
    expect(codes(probe)).toEqual(['tls_failed']);
    expect(probe.reasons[0]!.message).toMatch(/^TLS handshake with 127\.0\.0\.1:\d+ failed: /);
  });
});

describe('transport: bad responses', () => {
  it('HTTP 503 is http_error with the status and the start of the body', async () => {
    const server = await track(fixedResponse(503, '<html><body>Service Temporarily Unavailable</body></html>', { 'content-type': 'text/html' }));
    const probe = await probeHttpJson(server.url);
    expect(codes(probe)).toEqual(['http_error']);
    expect(probe.reasons[0]!.message).toBe('GET e: HTTP 503 (<html><body>Service Temporarily Unavailable</body></html>)');
    expect(probe.timings.ttfbMs).not.toBeNull();
  });

  it('a 302 is http_error naming the Location; the redirect is not followed', async () => {
    const server = await track(serve((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"height": 5}');
        return;
      }
      res.writeHead(302, { location: '/moved' });
      res.end();
    }));
    const probe = await probeHttpJson(`${server.url}/old`);
    expect(codes(probe)).toEqual(['http_error']);
    expect(probe.reasons[0]!.message).toContain('HTTP 302 redirect to /moved');
    expect(server.requests.map((r) => r.url)).toEqual(['/old']);
  });

  it('a redirect to a very long Location is quoted clipped: a message stays one readable line', async () => {
    const location = `/login?next=${'x'.repeat(10_000)}`;
    const server = await track(fixedResponse(307, '', { location }));
    const probe = await probeHttpJson(server.url);
    expect(codes(probe)).toEqual(['http_error']);
    expect(probe.reasons[0]!.message).toMatch(/^GET e: HTTP 307 redirect to \/login\?next=x+…; redirects are not followed, point the config at the final URL$/);
    expect(probe.reasons[0]!.message.length).toBeLessThan(400);
  });

  it('an HTML body with status 200 is invalid_response', async () => {
    const server = await track(fixedResponse(200, '<!doctype html><title>Welcome to nginx!</title>', { 'content-type': 'text/html' }));
    const probe = await probeHttpJson(server.url);
    expect(codes(probe)).toEqual(['invalid_response']);
    expect(probe.reasons[0]!.message).toBe('GET e: body is not JSON (content-type text/html): <!doctype html><title>Welcome to nginx!</title>');
  });

  it.each([
    ['a non-numeric height', '{"height": "tall"}', '/height: height "tall" is not a non-negative whole number'],
    ['a negative height', '{"height": -5}', '/height: height -5 is not a non-negative whole number'],
    ['a fractional height', '{"height": 12.5}', '/height: height 12.5 is not a non-negative whole number'],
    ['a height beyond 2^53', '{"height": "9007199254740993"}', '/height: height 9007199254740993 is implausibly large'],
    ['no height at all', '{"other": 1}', 'heightPointer /height is not in the response'],
  ])('%s is invalid_response', async (_what, body, message) => {
    const server = await track(fixedResponse(200, body));
    const probe = await probeHttpJson(server.url);
    expect(probe.reasons).toEqual([{ code: 'invalid_response', message }]);
    expect(probe.chain?.height ?? null).toBeNull();
  });

  it('a server that hangs up without answering is http_error, with no first byte', async () => {
    const server = await track(hangsUpAfterRequest());
    const probe = await probeHttpJson(server.url);
    expect(probe.reasons).toEqual([{ code: 'http_error', message: 'the server closed the connection before a complete response' }]);
    expect(probe.timings.ttfbMs).toBeNull();
  });

  it('an answer that is not HTTP is http_error', async () => {
    const server = await track(rawAnswer('SSH-2.0-OpenSSH_9.6\r\n'));
    const probe = await probeHttpJson(server.url);
    expect(codes(probe)).toEqual(['http_error']);
    expect(probe.reasons[0]!.message).toBe('malformed HTTP response (the answer does not start with HTTP/)');
    expect(probe.timings.ttfbMs).not.toBeNull();
  });

  it('a 20 MB body with Content-Length is response_too_large without reading it', async () => {
    const server = await track(bigBody(20 * 1024 * 1024, true));
    const probe = await probeHttpJson(server.url, { maxResponseBytes: 65536 });
    expect(probe.reasons).toEqual([{ code: 'response_too_large', message: 'response declares 20971520 bytes, over maxResponseBytes 65536' }]);
  });

  it('a 20 MB chunked body is response_too_large once the cap is passed', async () => {
    const server = await track(bigBody(20 * 1024 * 1024, false));
    const probe = await probeHttpJson(server.url, { maxResponseBytes: 65536 });
    expect(codes(probe)).toEqual(['response_too_large']);
    expect(probe.reasons[0]!.message).toContain('maxResponseBytes 65536');
  });

  it('headers then a drip-fed body ends at the timeout as timeout, not a hang', async () => {
    const server = await track(dripBody(50));
    const probe = await probeHttpJson(server.url, { timeoutMs: 800 });
    expect(probe.reasons).toEqual([{ code: 'timeout', message: 'response headers arrived, but the body did not complete within 800 ms (slow or stalled)' }]);
    expect(probe.timings.ttfbMs).not.toBeNull();
    // The probe's own deadline ended it (the message says so), not the runner's guard.
    expect(probe.timings.totalMs!).toBeGreaterThanOrEqual(790);
  });

  it('a server slower than slowMs to the first byte is slow (degraded), and the answer still counts', async () => {
    const server = await track(serve(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 400));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"height": 77}');
    }));
    const probe = await probeHttpJson(server.url, { slowMs: 150 });
    expect(codes(probe)).toEqual(['slow']);
    expect(probe.reasons[0]!.message).toMatch(/^time to first byte \d+ ms is over slowMs 150$/);
    expect(probe.timings.ttfbMs!).toBeGreaterThanOrEqual(400);
    expect(probe.chain?.height).toBe(77);
  });
});

describe('transport: HTTP/1.1 framing and connections', () => {
  /** A raw TCP server: reads one request, then runs `answer` on the socket. */
  async function rawServer(answer: (socket: import('node:net').Socket) => void) {
    const server = createTcpServer((socket) => {
      socket.setNoDelay(true);
      socket.once('data', () => answer(socket));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const closing = { close: () => new Promise<void>((r) => server.close(() => r())) };
    servers.push(closing);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('a response sent a few bytes at a time, in separate segments, is read whole', async () => {
    const response = 'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 14\r\n\r\n{"height": 42}';
    const url = await rawServer((socket) => {
      let at = 0;
      const next = () => {
        if (at >= response.length) return void socket.end();
        socket.write(response.slice(at, at += 3));
        setTimeout(next, 2);
      };
      next();
    });
    const probe = await probeHttpJson(url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(42);
  });

  it('a body that ends with the connection (no Content-Length, not chunked) is read to the end', async () => {
    const url = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"height": 43}'));
    const probe = await probeHttpJson(url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(43);
  });

  it('103 Early Hints before the answer are passed over', async () => {
    const server = await track(serve((_req, res) => {
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"height": 44}');
    }));
    const probe = await probeHttpJson(server.url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(44);
  });

  it('a chunked body in several chunks, with trailers, is read whole', async () => {
    const server = await track(serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', trailer: 'x-checksum' });
      res.write('{"hei');
      setTimeout(() => {
        res.write('ght": 45}');
        res.addTrailers({ 'x-checksum': 'abc' });
        res.end();
      }, 5);
    }));
    const probe = await probeHttpJson(server.url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(45);
  });

  it('every call of an EVM probe (reads and exposure checks) goes over one connection when the server keeps it open', async () => {
    const fake = await track(jsonRpcFake(evmAnswers({ height: 10 })));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([]);
    expect(fake.methods()).toEqual(expect.arrayContaining(['eth_chainId', 'eth_getBlockByNumber', 'admin_nodeInfo', 'personal_listAccounts']));
    expect(fake.connections()).toBe(1);
  });

  it('a server that silently closes each connection after answering gets the next call on a new one', async () => {
    const answers = evmAnswers({ height: 11 });
    const server = await track(serve((req, res, body) => {
      const call = JSON.parse(body) as { id: number; method: string };
      const answer = answers[call.method] ?? { error: { code: -32601, message: 'not found' } };
      res.writeHead(200, { 'content-type': 'application/json' });
      // No "Connection: close": the client only learns it when the socket ends.
      res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, ...answer }), () => req.socket.end());
    }));
    const probe = await probeEvm(server.url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain).toMatchObject({ height: 11, syncing: false, peers: 8 });
    // One connection per call (each call has its own JSON-RPC id). A call
    // written in the moment the server was closing is sent again, same id,
    // on the next connection.
    const calls = new Set(server.requests.map((r) => (JSON.parse(r.body) as { id: number }).id));
    expect(calls.size).toBeGreaterThan(4);
    expect(server.connections()).toBe(calls.size);
  });

  it('a header value with a line break is never sent: no request reaches the server, and the value is not quoted', async () => {
    const server = await track(fixedResponse(200, '{"height": 1}'));
    const probe = await probeHttpJson(server.url, { headers: { 'X-Api-Key': 'k1\r\nX-Injected: yes' } });
    expect(probe.reasons).toEqual([{ code: 'http_error', message: 'request not sent: the value of header X-Api-Key contains a line break' }]);
    expect(server.requests).toEqual([]);
  });
});

describe('transport: private endpoints', () => {
  it('a private endpoint that accepts a connection is exposed_private_endpoint, and is sent nothing', async () => {
    // A raw listener: every byte the probe sent arrives before the close it ends with.
    const received: Buffer[] = [];
    let listener!: ReturnType<typeof createTcpServer>;
    const closed = new Promise<void>((resolve) => {
      listener = createTcpServer((socket) => {
        socket.on('data', (d: Buffer) => received.push(d));
        socket.once('close', () => resolve());
      });
    });
    listener.listen(0, '127.0.0.1');
    await once(listener, 'listening');
    try {
      const probe = await probeEvm(`http://127.0.0.1:${(listener.address() as AddressInfo).port}`, { visibility: 'private' });
      expect(codes(probe)).toEqual(['exposed_private_endpoint']);
      expect(probe.chain).toBeNull();
      await closed;
      expect(Buffer.concat(received).toString()).toBe('');
    } finally {
      listener.close();
    }
  });

  it('a private endpoint that refuses the connection is healthy: no reasons', async () => {
    const port = await closedPort();
    const probe = await probeEvm(`http://127.0.0.1:${port}`, { visibility: 'private' });
    expect(probe.reasons).toEqual([]);
  });

  it('a private endpoint that does not answer TCP is healthy too, after its timeout', async () => {
    const listener = await track(unacceptingListener());
    const probe = await probeEvm(`http://127.0.0.1:${listener.port}`, { visibility: 'private', timeoutMs: 500 });
    expect(probe.reasons).toEqual([]);
  });
});

describe('transport: JSON-RPC answers (EVM adapter over the real transport)', () => {
  it('a JSON-RPC error object on the height call is rpc_error', async () => {
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 100 }), eth_getBlockByNumber: { error: { code: -32000, message: 'header not found' } } }));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([{ code: 'rpc_error', message: 'eth_getBlockByNumber returned error -32000: header not found' }]);
  });

  // HTTP status first (DESIGN.md, "Precise rules"): the status decides the code, the body only the words.
  it('a 500 whose body is {"error": "internal error"} is http_error quoting it, not rpc_error', async () => {
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 100 }), eth_chainId: { status: 500, body: '{"error": "internal error"}' } }));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([{ code: 'http_error', message: 'eth_chainId: HTTP 500: internal error' }]);
    expect(probe.chain).toBeNull();
  });

  it('a 429 carrying a JSON-RPC error object is http_error quoting its code and message', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32005, message: 'rate limit exceeded' } });
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 100 }), eth_chainId: { status: 429, body } }));
    expect((await probeEvm(fake.url)).reasons).toEqual([{ code: 'http_error', message: 'eth_chainId: HTTP 429, error -32005: rate limit exceeded' }]);
  });

  it.each([
    ['a bare string', '"internal error"', 'internal error'],
    ['an object without a code', '{"message": "internal error"}', 'internal error'],
    ['an object with a string code', '{"code": "-32000", "message": "internal error"}', 'internal error'],
  ])('a 200 whose error is %s (no numeric code) is invalid_response, not rpc_error', async (_what, error, quoted) => {
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 100 }), eth_chainId: { status: 200, body: `{"jsonrpc": "2.0", "id": 1, "error": ${error}}` } }));
    expect((await probeEvm(fake.url)).reasons).toEqual([{ code: 'invalid_response', message: `eth_chainId: error without a numeric code (not a JSON-RPC error object): ${quoted}` }]);
  });

  it('a 500 from a plain JSON API with an error member is http_error quoting it (http-json)', async () => {
    const server = await track(fixedResponse(500, '{"error": "internal error"}'));
    expect((await probeHttpJson(server.url)).reasons).toEqual([{ code: 'http_error', message: 'GET e: HTTP 500: internal error' }]);
  });

  it.each([
    ['a decimal string', '100', 'eth_getBlockByNumber: block number "100" is not a hex quantity'],
    ['a negative hex', '-0x5', 'eth_getBlockByNumber: block number "-0x5" is not a hex quantity'],
    ['a float', 12.5, 'eth_getBlockByNumber: block number 12.5 is not a hex quantity'],
    ['a non-numeric hex', '0xzz', 'eth_getBlockByNumber: block number "0xzz" is not a hex quantity'],
  ])('a block number that is %s is invalid_response', async (_what, number, message) => {
    const answers = evmAnswers({ height: 1 });
    const fake = await track(jsonRpcFake({ ...answers, eth_getBlockByNumber: { result: { number, timestamp: '0x5f5e1000' } } }));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([{ code: 'invalid_response', message }]);
    expect(probe.chain?.height).toBeNull();
  });

  it('a result that is not JSON-RPC at all is invalid_response', async () => {
    const fake = await track(fixedResponse(200, '{"status":"ok"}'));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([{ code: 'invalid_response', message: 'eth_chainId: JSON-RPC response has neither result nor error' }]);
    expect(probe.chain).toBeNull();
  });

  it('a node that says it is syncing is syncing, with its progress', async () => {
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 90 }), eth_syncing: { result: { startingBlock: '0x0', currentBlock: '0x5a', highestBlock: '0x64' } } }));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([{ code: 'syncing', message: 'node reports it is syncing: block 90 of 100' }]);
    expect(probe.chain?.syncing).toBe(true);
  });

  it('eth_syncing true (no progress given) is syncing too; anything else there is invalid_response', async () => {
    const bare = await track(jsonRpcFake({ ...evmAnswers({ height: 90 }), eth_syncing: { result: true } }));
    expect((await probeEvm(bare.url)).reasons).toEqual([{ code: 'syncing', message: 'node reports it is syncing' }]);
    const odd = await track(jsonRpcFake({ ...evmAnswers({ height: 90 }), eth_syncing: { result: 'maybe' } }));
    expect((await probeEvm(odd.url)).reasons).toEqual([{ code: 'invalid_response', message: 'eth_syncing returned "maybe", expected false or a sync status' }]);
  });

  it('odd results are quoted clipped, however large the node makes them', async () => {
    const huge = 'y'.repeat(100_000);
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 90 }), eth_getBlockByNumber: { result: huge }, eth_syncing: { result: [huge] } }));
    const probe = await probeEvm(fake.url);
    expect(codes(probe)).toEqual(['invalid_response', 'invalid_response']);
    // 200 characters of node text (DESIGN.md, "Text from a node"), then the clip mark.
    expect(probe.reasons[0]!.message).toBe(`eth_getBlockByNumber: latest block is "${'y'.repeat(200)}…", not a block object`);
    expect(probe.reasons[1]!.message).toBe(`eth_syncing returned ["${'y'.repeat(198)}…, expected false or a sync status`);
  });

  it('a refused net_peerCount is not an error: peers is null', async () => {
    const fake = await track(jsonRpcFake(evmAnswers({ height: 10, peers: null })));
    const probe = await probeEvm(fake.url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain).toMatchObject({ height: 10, peers: null, syncing: false });
  });

  it('a node that closes the connection after every answer is read over fresh connections', async () => {
    const answers = evmAnswers({ height: 10 });
    const server = await track(serve((_req, res, body) => {
      const call = JSON.parse(body) as { id: number; method: string };
      const answer = answers[call.method] ?? { error: { code: -32601, message: 'not found' } };
      res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, ...answer }));
    }));
    const probe = await probeEvm(server.url);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain).toMatchObject({ height: 10, syncing: false, peers: 8 });
  });

  it('reads peers from net_peerCount when offered', async () => {
    const fake = await track(jsonRpcFake(evmAnswers({ height: 10, peers: 25 })));
    const probe = await probeEvm(fake.url);
    expect(probe.chain?.peers).toBe(25);
  });

  it('a chain id other than expect.chainId is wrong_chain', async () => {
    const fake = await track(jsonRpcFake(evmAnswers({ height: 10, chainId: 5 })));
    const probe = await probeEvm(fake.url, {}, { expect: { chainId: 1 } });
    expect(probe.reasons).toEqual([{ code: 'wrong_chain', message: 'chainId is 5, expected 1' }]);
  });

  it('an admin namespace that answers is exposed_admin_api', async () => {
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 10 }), admin_nodeInfo: { result: { name: 'Geth/v1.14' } } }));
    const probe = await probeEvm(fake.url);
    expect(codes(probe)).toEqual(['exposed_admin_api']);
    expect(probe.reasons[0]!.message).toContain('admin_nodeInfo');
  });

  it('reference endpoints are not probed for exposure', async () => {
    const fake = await track(jsonRpcFake({ ...evmAnswers({ height: 10 }), admin_nodeInfo: { result: { name: 'Geth' } } }));
    const { network } = await networkFromYaml(JSON.stringify({
      version: 1,
      networks: [{ id: 'net', chain: 'evm', endpoints: [{ id: 'watched', url: 'http://127.0.0.1:1' }, { id: 'ref', url: fake.url, reference: true }] }],
    }));
    const probe = await probeEndpoint(network, network.endpoints[1]!);
    expect(probe.reasons).toEqual([]);
    expect(probe.chain?.height).toBe(10);
    expect(fake.methods()).not.toContain('admin_nodeInfo');
  });

  it('sends only the documented read-only methods', async () => {
    const fake = await track(jsonRpcFake(evmAnswers({ height: 10 })));
    await probeEvm(fake.url);
    expect(new Set(fake.methods())).toEqual(new Set([
      'eth_chainId', 'eth_getBlockByNumber', 'eth_syncing', 'net_peerCount', 'admin_nodeInfo', 'admin_peers', 'personal_listAccounts',
    ]));
  });
});
