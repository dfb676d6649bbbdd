// Phase timings of one probe, in milliseconds. A phase that never happened is
// null (no DNS for an IP literal, no TLS for plain http, no first byte after
// a refused connection). ttfbMs and totalMs count from the probe's start, as
// curl's time_starttransfer and time_total do. upgradeMs and
// firstNotificationMs are WebSocket phases (null for http(s) endpoints).

export interface Timings {
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  ttfbMs: number | null;
  totalMs: number | null;
  /** WebSocket: upgrade request sent → 101 Switching Protocols received. */
  upgradeMs: number | null;
  /** WebSocket: subscribe request sent → its first notification received. */
  firstNotificationMs: number | null;
}

export const emptyTimings = (): Timings => ({
  dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null, upgradeMs: null, firstNotificationMs: null,
});

/** Milliseconds rounded to microseconds: finer digits are noise. */
export const ms = (from: number, to: number): number => Math.round((to - from) * 1000) / 1000;
