// The targets of issue 8, in one place. The bench prints PASS or FALLS SHORT
// against these; docs/benchmarks.md explains each.

export const TARGETS = {
  /** Vantage CPU per fresh HTTPS probe ÷ the raw Node floor (Node 24). */
  cpuVsRaw: 1.2,
  /** Vantage CPU per probe ÷ blackbox_exporter's. */
  cpuVsBlackbox: 0.8,
  /** Mean TTFB error against the injected server delay, ms. */
  ttfbMeanErrorMs: 1,
  /** 1,000 endpoints: wall time ÷ ⌈1000/64⌉ × 100 ms. */
  scaleWallVsIdeal: 1.5,
  /** Peak RSS of the probing process for 1,000 endpoints, MiB (Lambda's "MB"). */
  scalePeakRssMb: 150,
  /** Probe Lambda bundle, minified, KiB. */
  bundleKb: 600,
  /** Importing the probe bundle, ms over a bare `node -e ''`. */
  importOverBareMs: 100,
} as const;
