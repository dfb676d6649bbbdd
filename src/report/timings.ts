// Phase timings of one probe, in milliseconds. A phase that never happened is
// null (no DNS for an IP literal, no TLS for plain http, no first byte after
// a refused connection). ttfbMs and totalMs count from the probe's start, as
// curl's time_starttransfer and time_total do.

export interface Timings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  totalMs: number | null;
}

export const emptyTimings = (): Timings => ({ dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null });

/** Milliseconds rounded to microseconds: finer digits are noise. */
export const ms = (from: number, to: number): number => Math.round((to - from) * 1000) / 1000;
