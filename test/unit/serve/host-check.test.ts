// Which Host headers the local server answers: its own names and IP
// literals, never a name someone else's DNS can point at it.
import { describe, expect, it } from 'vitest';
import { hostCheck, hostName } from '../../../src/serve/host-check.ts';

const check = hostCheck({ listening: ['0.0.0.0', '127.0.0.1'], allowed: ['status.example.com'], machine: 'probe-box' });

describe('hostCheck', () => {
  it.each([
    'localhost', 'localhost:9464', 'LOCALHOST', 'localhost.',
    '127.0.0.1', '127.0.0.1:9464', '[::1]', '[::1]:9464', '192.0.2.10:9464', '[2001:db8::1]',
    'probe-box', 'Probe-Box:9464',
    'status.example.com', 'status.example.com:443', 'Status.Example.Com.',
  ])('answers Host: %s', (host) => {
    expect(check(host)).toBe(true);
  });

  it.each([
    'evil.example', 'evil.example:9464', 'status.example.com.evil.example', 'localhost.evil.example', 'probe-box.evil.example',
    'example.com', '', ':9464', '[::1', '[not-an-ip]', '127.0.0.1:port', 'localhost:9464:1',
  ])('refuses Host: %s', (host) => {
    expect(check(host)).toBe(false);
  });

  it('answers a request without a Host header (HTTP/1.0 tools)', () => {
    expect(check(undefined)).toBe(true);
  });

  it('answers a name the server was told to listen on', () => {
    expect(hostCheck({ listening: ['node.lan'], allowed: [], machine: 'x' })('node.lan:9464')).toBe(true);
  });
});

describe('hostName', () => {
  it('takes the name out of a Host header', () => {
    expect(hostName('Example.COM:8080')).toBe('example.com');
    expect(hostName('[::1]:9464')).toBe('::1');
    expect(hostName('example.com.')).toBe('example.com');
    expect(hostName('[::1]x')).toBeNull();
  });
});
