// The HTTP/1.1 response reader on bytes alone: every framing RFC 9112 gives
// a response, split at every byte boundary (a server's segments can fall
// anywhere), and every way a hostile or broken server can get it wrong.
import { describe, expect, it } from 'vitest';
import { MAX_HEAD_BYTES, ResponseReader, type ReadStep } from '../../../src/probe/http1-response.ts';

const MAX = 1024;

/** Feeds `pieces` in order, then the end of the connection if `eof`; returns the first step that is not 'more'. */
function read(pieces: readonly (string | Buffer)[], options: { max?: number; eof?: boolean } = {}): ReadStep {
  const reader = new ResponseReader(options.max ?? MAX);
  for (const piece of pieces) {
    const step = reader.push(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece);
    if (step.kind !== 'more') return step;
  }
  return options.eof ? reader.end() : { kind: 'more' };
}

/** The same bytes split at every position (two pieces), and byte by byte. */
function everySplit(text: string): string[][] {
  const splits = Array.from({ length: text.length - 1 }, (_, i) => [text.slice(0, i + 1), text.slice(i + 1)]);
  return [[text], ...splits, [...text]];
}

const done = (step: ReadStep) => {
  if (step.kind !== 'done') throw new Error(`expected a complete response, got ${JSON.stringify(step)}`);
  return { ...step.response, body: step.response.body.toString('latin1') };
};

describe('complete responses, split anywhere', () => {
  it('Content-Length: status, lower-cased headers with whitespace trimmed, the body; reusable', () => {
    const text = 'HTTP/1.1 200 OK\r\nContent-Type:  application/json \r\nContent-Length: 13\r\n\r\n{"height": 7}';
    for (const pieces of everySplit(text)) {
      expect(done(read(pieces))).toEqual({
        status: 200, headers: { 'content-type': 'application/json', 'content-length': '13' }, body: '{"height": 7}', reusable: true,
      });
    }
  });

  it('chunked, with a chunk extension and trailers: the chunks joined; reusable', () => {
    const text = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\n{"hei\r\n8\r\nght": 9}\r\n0\r\nX-Checksum: abc\r\n\r\n';
    for (const pieces of everySplit(text)) {
      const response = done(read(pieces));
      expect(response.body).toBe('{"height": 9}');
      expect(response.reusable).toBe(true);
    }
  });

  it('a body delimited by the end of the connection ends at EOF and is not reusable', () => {
    for (const pieces of everySplit('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{"height": 3}')) {
      expect(read(pieces).kind).toBe('more');
      expect(done(read(pieces, { eof: true }))).toMatchObject({ status: 200, body: '{"height": 3}', reusable: false });
    }
  });

  it('1xx responses (100 Continue, 103 Early Hints) are passed over for the real one', () => {
    const text = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}';
    for (const pieces of everySplit(text)) {
      expect(done(read(pieces))).toEqual({ status: 200, headers: { 'content-length': '2' }, body: '{}', reusable: true });
    }
  });

  it('bare LF line ends are accepted (RFC 9112 2.2)', () => {
    expect(done(read(['HTTP/1.1 200 OK\nContent-Length: 2\n\n{}']))).toMatchObject({ status: 200, body: '{}' });
    expect(done(read(['HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\n{}\n0\n\n']))).toMatchObject({ body: '{}', reusable: true });
  });

  it('a repeated header is an array in arrival order', () => {
    const response = done(read(['HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nSET-COOKIE: c=3\r\nContent-Length: 0\r\n\r\n']));
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2', 'c=3']);
  });

  it('204 and 304 have no body, whatever they declare', () => {
    expect(done(read(['HTTP/1.1 204 No Content\r\n\r\n']))).toMatchObject({ status: 204, body: '', reusable: true });
    expect(done(read(['HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\n']))).toMatchObject({ status: 304, body: '' });
  });

  it('a status line without a reason phrase is fine; a redirect is a response like any other', () => {
    expect(done(read(['HTTP/1.1 302\r\nLocation: /moved\r\nContent-Length: 0\r\n\r\n']))).toMatchObject({ status: 302, headers: { location: '/moved' } });
  });
});

describe('whether the connection may carry the next request', () => {
  it.each([
    ['Connection: close', 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}', false],
    ['HTTP/1.0 without keep-alive', 'HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}', false],
    ['HTTP/1.0 with Connection: keep-alive', 'HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\n{}', true],
    ['bytes after the response (nobody asked for them)', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}HTTP/1.1 200 OK\r\n', false],
    ['Transfer-Encoding and Content-Length both (Transfer-Encoding wins)', 'HTTP/1.1 200 OK\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n', false],
  ])('%s: %s', (_what, text, reusable) => {
    expect(done(read([text])).reusable).toBe(reusable);
  });
});

describe('what a hostile or broken server sends', () => {
  const failure = (step: ReadStep) => (step.kind === 'failed' ? step.failure : step);

  it('something that is not HTTP fails at its first bytes, without waiting for a line end', () => {
    expect(failure(read(['SSH-2.0-OpenSSH_9.6']))).toEqual({ kind: 'malformed', detail: 'the answer does not start with HTTP/' });
    expect(failure(read(['H', 'TTX']))).toEqual({ kind: 'malformed', detail: 'the answer does not start with HTTP/' });
  });

  it.each([
    ['HTTP/2 status line', 'HTTP/2 200\r\n\r\n', 'not an HTTP/1.x status line'],
    ['a status of two digits', 'HTTP/1.1 20 OK\r\n\r\n', 'not an HTTP/1.x status line'],
    ['a folded header line', 'HTTP/1.1 200 OK\r\nX-A: 1\r\n  continued\r\n\r\n', 'a folded header line'],
    ['a header line without a colon', 'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', 'a header line that is not "name: value"'],
    ['a space in a header name', 'HTTP/1.1 200 OK\r\nBad Name: 1\r\n\r\n', 'a header line that is not "name: value"'],
    ['conflicting Content-Length values', 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}', 'an invalid Content-Length'],
    ['a negative Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', 'an invalid Content-Length'],
    ['a chunk size that is not hex', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', 'an invalid chunk size'],
    ['chunk data longer than its size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}}\r\n0\r\n\r\n', 'chunk data longer than its size'],
    ['an upgrade nobody asked for', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n', '101 Switching Protocols, but no upgrade was asked for'],
  ])('%s is malformed', (_what, text, detail) => {
    expect(failure(read([text]))).toEqual({ kind: 'malformed', detail });
  });

  it('headers that never end are refused once they pass the limit', () => {
    const reader = new ResponseReader(MAX);
    expect(reader.push(Buffer.from('HTTP/1.1 200 OK\r\n')).kind).toBe('more');
    let step: ReadStep = { kind: 'more' };
    for (let sent = 0; step.kind === 'more' && sent <= MAX_HEAD_BYTES * 2; sent += 1000) step = reader.push(Buffer.from(`X-Pad: ${'a'.repeat(990)}\r\n`));
    expect(failure(step)).toEqual({ kind: 'malformed', detail: 'status line and headers over 16 KiB' });
  });

  it('a declared body over the limit fails before any of it arrives', () => {
    expect(failure(read(['HTTP/1.1 200 OK\r\nContent-Length: 1025\r\n\r\n']))).toEqual({ kind: 'declared_too_large', declared: 1025 });
  });

  it('a chunked body fails as soon as a chunk would pass the limit', () => {
    expect(failure(read(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n', 'x'.repeat(512), '\r\n201\r\n']))).toEqual({ kind: 'too_large' });
  });

  it('a body delimited by the end of the connection fails once it passes the limit', () => {
    expect(failure(read(['HTTP/1.1 200 OK\r\n\r\n', 'x'.repeat(1000), 'x'.repeat(25)]))).toEqual({ kind: 'too_large' });
  });

  it('a connection that ends early, in the head or the body, is closed', () => {
    expect(failure(read([], { eof: true }))).toEqual({ kind: 'closed' });
    expect(failure(read(['HTTP/1.1 200 OK\r\nContent-Le'], { eof: true }))).toEqual({ kind: 'closed' });
    expect(failure(read(['HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{"a"'], { eof: true }))).toEqual({ kind: 'closed' });
    expect(failure(read(['HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"'], { eof: true }))).toEqual({ kind: 'closed' });
  });

  it('says when the final head has arrived (a timeout then means a stalled body)', () => {
    const reader = new ResponseReader(MAX);
    reader.push(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'));
    expect(reader.gotHead).toBe(false);
    reader.push(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{'));
    expect(reader.gotHead).toBe(true);
  });
});
