// Every resolved secret value, and the text forms it can take on the way out
// (URL-encoded in a path, base64 inside a Basic auth header, JSON-escaped in a
// report, lower-cased as a host name), is replaced before anything is
// printed, logged or published.
//
// Messages quote what servers send back, clipped to a readable length, and a
// clip can cut a secret the server echoed: what is left is no longer the
// whole value. So a secret's beginning is redacted too: any 8 or more of its
// leading characters anywhere, and any 2 or more right before the clip mark.

import { CLIP_MARK, clip, nodeText } from '../report/node-text.ts';

// clip() and its mark live with the node-text rules; config messages use them too.
export { CLIP_MARK, clip };

export const REDACTED = '***';

/** Leading characters of a secret that are redacted wherever they appear. */
const PREFIX_ANYWHERE = 8;
/** Leading characters of a secret that are redacted right before a clip mark. */
const PREFIX_BEFORE_CLIP = 2;

export class Redactor {
  readonly #needles = new Set<string>();
  #sorted: string[] | null = null;

  /** Registers a sensitive value; empty values are ignored. */
  add(value: string | null | undefined): void {
    if (!value) return;
    // nodeText(): a server that echoes a secret has it cleaned (controls stripped, whitespace collapsed) before redaction.
    const forms = [value, encodeURIComponent(value), encodeURI(value), JSON.stringify(value).slice(1, -1), value.toLowerCase(), nodeText(value)];
    for (const form of forms) if (form) this.#needles.add(form);
    this.#sorted = null;
  }

  /** Registers the Basic auth header form of a username/password pair. */
  addBasicAuth(username: string, password: string): void {
    this.add(password);
    this.add(Buffer.from(`${username}:${password}`).toString('base64'));
  }

  get size(): number {
    return this.#needles.size;
  }

  redact(text: string): string {
    if (this.#needles.size === 0 || !text) return text;
    // Longest first, so a secret that contains another is replaced whole.
    this.#sorted ??= [...this.#needles].sort((a, b) => b.length - a.length);
    let out = text;
    for (const needle of this.#sorted) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    }
    for (const needle of this.#sorted) {
      if (needle.length > PREFIX_ANYWHERE) out = redactPrefixes(out, needle);
    }
    return out.includes(CLIP_MARK) ? redactBeforeClips(out, this.#sorted) : out;
  }
}

/** Replaces every run of the needle's leading characters (at least PREFIX_ANYWHERE). */
function redactPrefixes(text: string, needle: string): string {
  const start = needle.slice(0, PREFIX_ANYWHERE);
  let at = text.indexOf(start);
  if (at === -1) return text;
  let out = '';
  let from = 0;
  while (at !== -1) {
    let length = PREFIX_ANYWHERE;
    while (length < needle.length && text[at + length] === needle[length]) length++;
    out += `${text.slice(from, at)}${REDACTED}`;
    from = at + length;
    at = text.indexOf(start, from);
  }
  return out + text.slice(from);
}

/** Replaces the longest leading part of any needle that ends right at a clip mark. */
function redactBeforeClips(text: string, needles: readonly string[]): string {
  let out = text;
  let mark = out.indexOf(CLIP_MARK);
  while (mark !== -1) {
    let cut = 0;
    for (const needle of needles) {
      for (let length = Math.min(needle.length - 1, mark); length >= PREFIX_BEFORE_CLIP && length > cut; length--) {
        if (out.startsWith(needle.slice(0, length), mark - length)) {
          cut = length;
          break;
        }
      }
    }
    if (cut > 0) out = `${out.slice(0, mark - cut)}${REDACTED}${out.slice(mark)}`;
    const next = mark - cut + REDACTED.length + CLIP_MARK.length;
    mark = out.indexOf(CLIP_MARK, cut > 0 ? next : mark + CLIP_MARK.length);
  }
  return out;
}
