// Seconds in the unit a person reads them in, for reason messages.

/** "42.0 s", "25.3 min", "3.1 h". */
export function formatDuration(seconds: number): string {
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}
