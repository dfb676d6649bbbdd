// A read whose answer the warm container reuses until it is `everyMs` old
// (GetMetricData is billed per metric requested, and a 90-day series does not
// change from one minute to the next). When a read fails, the last answer
// stands in, with a warning; without one, the fallback does.
export class RefreshingRead<T> {
  readonly #everyMs: number;
  #last: { readonly at: number; readonly value: T } | null = null;

  constructor(everyMs: number) {
    this.#everyMs = everyMs;
  }

  /** Whether the next `get` at `nowMs` reads (the last answer is missing or too old). */
  due(nowMs: number): boolean {
    return this.#last === null || nowMs - this.#last.at >= this.#everyMs || nowMs < this.#last.at;
  }

  async get(nowMs: number, read: () => Promise<T>, fallback: T, what: string, warnings: string[]): Promise<T> {
    if (!this.due(nowMs)) return this.#last!.value;
    try {
      const value = await read();
      this.#last = { at: nowMs, value };
      return value;
    } catch (err) {
      warnings.push(`${what}: ${(err as Error).message}`);
      return this.#last?.value ?? fallback;
    }
  }
}
