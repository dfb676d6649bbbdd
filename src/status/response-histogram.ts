// A bounded summary of many response times, for the local history's hourly
// and daily medians: counts per logarithmic bin, each bin 5% wider than the
// one below, so a median comes out within 2.5% of the true one however many
// rounds an hour holds (one a second is 3,600), in a few dozen numbers.

/** Counts by bin number (JSON object keys). */
export type ResponseHistogram = Record<string, number>;

/** Bin 0 holds everything below the floor. */
const FLOOR_MS = 0.1;
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);

export function binOf(ms: number): number {
  if (!(ms >= FLOOR_MS)) return 0;
  return Math.floor(Math.log(ms / FLOOR_MS) / LOG_GROWTH) + 1;
}

/** The value a bin stands for: its geometric middle (bin 0: the floor). */
export function binValue(bin: number): number {
  return bin <= 0 ? FLOOR_MS : FLOOR_MS * GROWTH ** (bin - 0.5);
}

export function addSample(histogram: ResponseHistogram, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) return;
  const key = String(binOf(ms));
  histogram[key] = (histogram[key] ?? 0) + 1;
}

/** The bin holding the middle sample (the lower middle for an even count); null when empty. */
export function medianOf(histogram: ResponseHistogram): number | null {
  const bins = Object.entries(histogram).map(([bin, count]) => [Number(bin), count] as const).sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((n, [, count]) => n + count, 0);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const [bin, count] of bins) {
    seen += count;
    if (seen >= middle) return binValue(bin);
  }
  return null;
}
