// The height a network's endpoints are judged against. With three or more
// answering it is the 2nd-highest, so one endpoint alone (a fork, a lying
// proxy) cannot raise it; with one or two it is the highest.

export function referenceHeight(heights: readonly number[]): number | null {
  if (heights.length === 0) return null;
  const sorted = [...heights].sort((a, b) => b - a);
  return sorted.length >= 3 ? sorted[1]! : sorted[0]!;
}
