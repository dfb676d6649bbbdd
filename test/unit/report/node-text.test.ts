// Node text (DESIGN.md, "Text from a node"): what a node sends reaches a
// message as one clean line of at most 200 characters. Every expected value
// below is written out by hand.
import { describe, expect, it } from 'vitest';
import { clip, CLIP_MARK, NODE_TEXT_MAX, nodeText, nodeTextOfBytes, quote, stripControls } from '../../../src/report/node-text.ts';

const ESC = '\u001b';
const BEL = '\u0007';

describe('nodeText', () => {
  it.each([
    ['plain text', 'header not found', 'header not found'],
    ['the escapes of the reproduction', `${ESC}[2K${ESC}[1Aok${BEL}\r`, 'ok'],
    ['colour around a word', `${ESC}[31;1mred${ESC}[0m text`, 'red text'],
    ['an OSC title set ended by BEL', `before${ESC}]0;pwned${BEL}after`, 'beforeafter'],
    ['an OSC hyperlink ended by ESC \\', `${ESC}]8;;http://x.test/${ESC}\\link${ESC}]8;;${ESC}\\`, 'link'],
    ['an unfinished CSI at the end', `tail${ESC}[12`, 'tail12'],
    ['a lone ESC', `a${ESC}b`, 'ab'],
    ['NUL, BEL, backspace, DEL', 'a\u0000b\u0007c\u0008d\u007fe', 'abcde'],
    ['line breaks and tabs', 'one\ntwo\r\nthree\tfour', 'one two three four'],
    ['a carriage return that would overwrite the line', 'real\rfake', 'real fake'],
    ['C1 controls (CSI U+009B, NEL U+0085)', 'a\u009b2Jb\u0085c', 'a2Jb c'],
    ['bidi overrides and isolates (Trojan Source)', 'x\u202eevil\u202cy\u2066z\u2069', 'xevilyz'],
    ['bidi marks', 'a\u200eb\u200fc\u061cd', 'abcd'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
    ['runs of whitespace, leading and trailing', '  lots   of \n\n  space  ', 'lots of space'],
    ['only controls', `${ESC}[2K${BEL}\r\n`, ''],
    ['a lone surrogate', 'a\ud800b', 'a\ufffdb'],
    ['non-ASCII text kept', 'Überweisung fehlgeschlagen — 失败', 'Überweisung fehlgeschlagen — 失败'],
  ])('%s', (_what, input, expected) => {
    expect(nodeText(input)).toBe(expected);
  });

  it('clips to 200 characters with the clip mark', () => {
    expect(NODE_TEXT_MAX).toBe(200);
    expect(nodeText('a'.repeat(201))).toBe(`${'a'.repeat(200)}…`);
    expect(nodeText('a'.repeat(200))).toBe('a'.repeat(200));
  });

  it('clips after cleaning: escapes do not count against the 200', () => {
    expect(nodeText(`${ESC}[2K`.repeat(100) + 'b'.repeat(200))).toBe('b'.repeat(200));
  });

  it('never cuts a surrogate pair in two', () => {
    expect(nodeText(`${'a'.repeat(199)}😀tail`)).toBe(`${'a'.repeat(199)}…`);
  });

  it('looks only at the start of a megabyte and marks that there was more', () => {
    const mib = 'x '.repeat(512 * 1024);
    expect(nodeText(mib)).toBe(`${'x '.repeat(100)}…`);
    // Mostly spaces: what the first few KB hold is kept, and the cut is still marked.
    expect(nodeText(`start${' '.repeat(1024 * 1024)}end`)).toBe('start…');
  });

  it('uses the mark the Redactor looks for', () => {
    expect(CLIP_MARK).toBe('…');
  });
});

describe('nodeTextOfBytes', () => {
  it('decodes UTF-8 and cleans it', () => {
    expect(nodeTextOfBytes(Buffer.from('{"error":"boom"}\r\n\u001b[2K'))).toBe('{"error":"boom"}');
  });

  it('decodes only the first few KB of a large body, marking the cut, without a broken character at it', () => {
    const body = Buffer.concat([Buffer.from('x'.repeat(4095)), Buffer.from('é'), Buffer.alloc(1024 * 1024, 0x20)]);
    expect(nodeTextOfBytes(body)).toBe(`${'x'.repeat(200)}…`);
    // 'é' is two bytes; the cut at 4096 falls between them: dropped, not U+FFFD.
    const short = Buffer.concat([Buffer.alloc(4095, 0x20), Buffer.from('é'), Buffer.from('rest')]);
    expect(nodeTextOfBytes(short)).toBe('…');
  });
});

describe('quote', () => {
  it.each([
    ['a string', 'abc', '"abc"'],
    ['a number', 12, '12'],
    ['null', null, 'null'],
    ['an object', { a: 1 }, '{"a":1}'],
    ['absent', undefined, 'missing'],
    ['a string with escapes', `${ESC}[2Kmain${BEL}\n`, '"main"'],
    ['a string with a quote', 'say "hi"', '"say \\"hi\\""'],
  ])('%s', (_what, value, expected) => {
    expect(quote(value)).toBe(expected);
  });

  it('keeps a message one short line when a node sends something huge', () => {
    expect(quote('x'.repeat(10_000))).toBe(`"${'x'.repeat(200)}…"`);
    expect(quote(['y'.repeat(10_000)])).toBe(`["${'y'.repeat(198)}…`);
  });
});

describe('stripControls', () => {
  it('removes escapes and controls, turns line breaks into spaces, and neither clips nor collapses', () => {
    expect(stripControls(`a${ESC}[2K  b\r\nc\u202e${'d'.repeat(300)}`)).toBe(`a  b  c${'d'.repeat(300)}`);
  });
});

describe('clip', () => {
  it('keeps short text, marks text it cuts, and never cuts a surrogate pair', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('0123456789abc', 10)).toBe('0123456789…');
    expect(clip('012345678😀', 10)).toBe('012345678…');
  });
});
