// The JSON fast path's one judgement of its own: whether a JSON text repeats
// a key in some object (JSON.parse would keep the last one silently).
import { describe, expect, it } from 'vitest';
import { hasDuplicateKey, parseJsonConfig } from '../../../src/config/json-text.ts';

describe('hasDuplicateKey', () => {
  it.each([
    ['keys repeated at the top', '{"a": 1, "a": 2}', true],
    ['keys repeated deep inside an array of objects', '{"n": [{"x": 1}, {"x": 2, "y": {"k": 1, "k": 1}}]}', true],
    ['the same key in sibling objects', '{"n": [{"x": 1}, {"x": 2}], "m": {"x": 3}}', false],
    ['a value equal to a key', '{"a": "a", "b": ["a", "b"]}', false],
    ['keys that differ only by an escaped quote', '{"a\\"b": 1, "a\\"c": 2}', false],
    ['the same key, once escaped', '{"url": 1, "\\u0075rl": 2}', true],
    ['a key whose text contains braces and commas', '{"{a,b}": 1, "c": {"{a,b}": 2}}', false],
    ['empty objects and arrays', '{"a": {}, "b": [], "c": [[], {}]}', false],
    ['a repeat after a value that ends in an escaped backslash', '{"a": "x\\\\", "a": 1}', true],
    ['no repeat after a value that ends in an escaped backslash', '{"a": "x\\\\", "b": "\\"}"}', false],
  ])('%s', (_what, text, expected) => {
    expect(hasDuplicateKey(text)).toBe(expected);
  });
});

describe('parseJsonConfig', () => {
  it('parses a JSON object', () => {
    expect(parseJsonConfig('  {"version": 1, "networks": []}')).toEqual({ version: 1, networks: [] });
  });

  it.each([
    ['YAML', 'version: 1\nnetworks: []\n'],
    ['JSON that does not parse', '{"version": 1,}'],
    ['JSON with a repeated key', '{"version": 1, "version": 2}'],
    ['a JSON array', '[1, 2]'],
  ])('leaves %s to the YAML parser (undefined)', (_what, text) => {
    expect(parseJsonConfig(text)).toBeUndefined();
  });
});
