// The Redactor: whole values in every form, and what a clip leaves of one.
import { describe, expect, it } from 'vitest';
import { clip, Redactor } from '../../../src/config/redactor.ts';

const SECRET = 'sk_live_4f9a8b7c6d5e';

function redactorWith(...values: string[]): Redactor {
  const r = new Redactor();
  for (const v of values) r.add(v);
  return r;
}

describe('Redactor', () => {
  it('leaves text alone when nothing is registered', () => {
    expect(new Redactor().redact('nothing secret here')).toBe('nothing secret here');
  });

  it('replaces every occurrence, longest secret first', () => {
    const r = redactorWith('abc', 'abcdef');
    expect(r.redact('x abcdef y abc z')).toBe('x *** y *** z');
  });

  it('replaces the lower-cased form (a secret in a host name comes back lower-cased)', () => {
    expect(redactorWith('KeyInHost42').redact('keyinhost42.rpc.example.com does not resolve')).toBe('***.rpc.example.com does not resolve');
  });

  it('replaces a clipped beginning of a secret that a server echoed', () => {
    const message = `HTTP 500 (${clip(`Cannot POST /v3/${SECRET}`, 23)})`;
    expect(message).toBe('HTTP 500 (Cannot POST /v3/sk_live…)');
    expect(redactorWith(SECRET).redact(message)).toBe('HTTP 500 (Cannot POST /v3/***…)');
  });

  it('replaces 8 or more leading characters of a secret anywhere, however the text was cut', () => {
    expect(redactorWith(SECRET).redact(`key=${SECRET.slice(0, 12)}`)).toBe('key=***');
    // Fewer than 8 leading characters, not at a clip mark: ordinary text.
    expect(redactorWith(SECRET).redact('sk_live is a prefix')).toBe('sk_live is a prefix');
  });

  it('does not touch clipped text that is not part of a secret', () => {
    expect(redactorWith(SECRET).redact(clip('x'.repeat(100), 10))).toBe(`${'x'.repeat(10)}…`);
  });
});

describe('clip', () => {
  it('keeps short text, and marks text it cuts', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('0123456789abc', 10)).toBe('0123456789…');
  });
});
