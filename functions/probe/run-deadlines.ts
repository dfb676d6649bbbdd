// When an invocation stops probing and when it stops publishing, from the
// time Lambda gives it. Probes are cut at (remaining − reserve) and report
// `timeout`; publishing may use everything up to a final margin, which is
// kept for the EMF fallback and the summary log line.

/** Kept after publishing for writing EMF lines and the summary line. */
const FINAL_MARGIN_MS = 1_000;

export interface RunDeadlines {
  /** ms from now at which unfinished probes are cut. */
  readonly probeMs: number;
  /** ms from now by which publishing is over. */
  readonly publishMs: number;
}

/**
 * The reserve never takes more than half the remaining time, so a short
 * function timeout still leaves the probes half of it.
 */
export function runDeadlines(remainingMs: number, reserveMs: number): RunDeadlines {
  const publishMs = Math.max(0, remainingMs - FINAL_MARGIN_MS);
  const reserve = Math.min(reserveMs, Math.floor(remainingMs / 2));
  return { probeMs: Math.max(0, remainingMs - reserve), publishMs };
}
