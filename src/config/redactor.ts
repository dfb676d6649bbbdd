// Every resolved secret value, and the text forms it can take on the way out
// (URL-encoded in a path, base64 inside a Basic auth header, JSON-escaped in a
// report), is replaced before anything is printed, logged or published.

export const REDACTED = '***';

export class Redactor {
  readonly #needles = new Set<string>();

  /** Registers a sensitive value; empty values are ignored. */
  add(value: string | null | undefined): void {
    if (!value) return;
    for (const form of [value, encodeURIComponent(value), encodeURI(value), JSON.stringify(value).slice(1, -1)]) {
      if (form) this.#needles.add(form);
    }
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
    let out = text;
    // Longest first, so a secret that contains another is replaced whole.
    for (const needle of [...this.#needles].sort((a, b) => b.length - a.length)) {
      if (out.includes(needle)) out = out.split(needle).join(REDACTED);
    }
    return out;
  }
}
