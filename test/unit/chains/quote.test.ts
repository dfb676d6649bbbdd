import { describe, expect, it } from 'vitest';
import { quote } from '../../../src/chains/quote.ts';

describe('quote', () => {
  it('quotes what a node sent in its JSON form', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote(12)).toBe('12');
    expect(quote(null)).toBe('null');
    expect(quote({ a: 1 })).toBe('{"a":1}');
  });

  it('says missing for an absent value', () => {
    expect(quote(undefined)).toBe('missing');
  });

  it('keeps a message one short line when a node sends something huge', () => {
    const quoted = quote('x'.repeat(10_000));
    expect(quoted).toBe(`"${'x'.repeat(59)}…`);
  });
});
