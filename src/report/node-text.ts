// Text a node sends (error messages, version strings, header values, body
// snippets, certificate names) is hostile: it may be a megabyte long, or carry
// escape sequences that rewrite a terminal (ANSI CSI/OSC, BEL, CR) or bidi
// controls that reorder what a reader sees. Every such string passes through
// nodeText() before it becomes part of a message (DESIGN.md, "Text from a
// node"): control characters stripped, whitespace collapsed, clipped to 200
// characters with the mark the Redactor knows. Imports nothing: every layer
// may use it.

/** Ends text that was cut short; the Redactor redacts secret prefixes right before it. */
export const CLIP_MARK = '…';

/** Characters of node text a message may quote. */
export const NODE_TEXT_MAX = 200;

/** Characters (or bytes) of node text ever looked at: enough for any message, a few KB of a 1 MiB string. */
export const NODE_TEXT_SCAN = 4096;

// ESC followed by a CSI sequence (ESC [ params final), an OSC string ended
// by BEL or ESC \ (ESC ] … BEL), or any other two-character escape. An
// unfinished sequence loses its ESC and introducer; its rest is plain text.
const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-_])/g;
// Line breaks and other whitespace controls (TAB, LF, VT, FF, CR, NEL, LS, PS): a message is one line.
const LINE_BREAKS = /[\t\n\v\f\r\x85\u2028\u2029]/g;
// C0 and C1 controls, DEL, and the bidi marks, embeddings, overrides and isolates
// (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069) that reorder displayed text.
const CONTROLS = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Removes escape sequences, control characters and bidi controls; line
 * breaks become spaces. Neither clips nor bounds: the last line of defence
 * for text that is already ours (a reason message on its way to a terminal).
 */
export function stripControls(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(LINE_BREAKS, ' ').replace(CONTROLS, '');
}

/** Cuts text to at most `max` characters (never inside a surrogate pair), marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}${CLIP_MARK}`;
}

/** A string a node sent, made safe for a message: one clean line of at most NODE_TEXT_MAX characters. */
export function nodeText(raw: string): string {
  const cut = raw.length > NODE_TEXT_SCAN;
  return cleanLine(cut ? raw.slice(0, NODE_TEXT_SCAN) : raw, cut);
}

/** nodeText() of bytes a node sent (a body), decoding only the first NODE_TEXT_SCAN of them. */
export function nodeTextOfBytes(bytes: Uint8Array): string {
  const cut = bytes.length > NODE_TEXT_SCAN;
  // stream: an incomplete UTF-8 sequence at the cut is dropped, not turned into U+FFFD.
  const head = new TextDecoder().decode(cut ? bytes.subarray(0, NODE_TEXT_SCAN) : bytes, { stream: cut });
  return cleanLine(head, cut);
}

/**
 * A value a node sent, quoted for a message in its JSON form ("missing" when
 * absent): a string is cleaned, then quoted; anything else is serialized,
 * then cleaned.
 */
export function quote(value: unknown): string {
  if (value === undefined) return 'missing';
  if (typeof value === 'string') return JSON.stringify(nodeText(value));
  return nodeText(JSON.stringify(value) ?? String(value));
}

function cleanLine(head: string, cut: boolean): string {
  const line = stripControls(head).replace(WHITESPACE_RUN, ' ').trim().toWellFormed();
  if (line.length > NODE_TEXT_MAX) return clip(line, NODE_TEXT_MAX);
  return cut ? `${line}${CLIP_MARK}` : line;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
