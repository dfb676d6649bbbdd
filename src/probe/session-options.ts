// What every session of one probe is given, HTTP or WebSocket: where to
// talk, what to send with every request, how much to read, and the probe's
// one deadline and timings envelope.
import type { Timings } from '../report/timings.ts';

export interface SessionOptions {
  readonly url: URL;
  /** Sent with every request (API keys, Basic auth); a WebSocket sends them with its upgrade. */
  readonly headers: Readonly<Record<string, string>>;
  /** Largest response (HTTP body, WebSocket message) read: a bigger one is response_too_large. */
  readonly maxResponseBytes: number;
  readonly signal: AbortSignal;
  /** Where phase timings are written. */
  readonly timings: Timings;
  /** performance.now() at the probe's start: ttfbMs counts from it. */
  readonly startedAt: number;
  /** Words for "until the signal fired", e.g. "within 5000 ms". */
  readonly deadlineWords: () => string;
}
