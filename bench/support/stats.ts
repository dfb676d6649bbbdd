// Summary statistics for bench samples. Nearest-rank quantiles: with a few
// hundred samples interpolation adds digits, not information.

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** Rounds for JSON output: three decimals are below every noise floor here. */
export const round3 = (v: number): number => Math.round(v * 1000) / 1000;
