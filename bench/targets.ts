// The bench's targets (issue 13), in one place. The bench prints PASS or
// FALLS SHORT against these; docs/benchmarks.md explains each. Other figures
// (the in-process CPU ratio, the ratio to blackbox_exporter, TTFB error
// against the injected delay, the bundle's bytes) are reported, not judged.

export const TARGETS = {
  /**
   * CPU per fresh HTTPS probe through `node bin/vantage.js check` (a check
   * of N+W endpoints minus a check of W) ÷ the raw Node floor measured the
   * same way (a process doing N+W raw probes minus one doing W), Node 24.
   */
  cliCpuVsRaw: 1.2,
  /** Mean of Vantage's TTFB − the raw client's, adjacent probes paired, ms. */
  ttfbVsRawMeanMs: 0.5,
  /** 1,000 endpoints: wall time ÷ ⌈1000/64⌉ × 100 ms. */
  scaleWallVsIdeal: 1.5,
  /** Peak RSS of the probing process for 1,000 endpoints, MiB (Lambda's "MB"). */
  scalePeakRssMb: 150,
  /** Importing the probe bundle as deployed, ms over a bare `node -e ''`. */
  importOverBareMs: 100,
} as const;
