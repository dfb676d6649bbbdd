// What the central status function asks GetMetricData for, and how often.
// GetMetricData is billed per metric requested (every query, every call), so
// each series is read only as often as it can visibly change: the hourly
// charts and today's uptime every few minutes, the 90-day charts hourly.
// The cost model and docs/status.md read these numbers.

/** Minutes between reads of each kind of series (a warm container keeps the last answer). */
export const METRIC_REFRESH_MINUTES = {
  /** Daily Up, 90 days: today's bar and ratio move slowly; the status itself comes from alarms every minute. */
  uptime: 10,
  /** TimeToFirstByte p50 and HeightLag Maximum per hour, 24 hours. */
  hourlyCharts: 10,
  /** The same per day, 90 days. */
  dailyCharts: 60,
} as const;

/** Metrics per endpoint and probe region in each read. */
const METRICS_PER_READ = { uptime: 1, hourlyCharts: 2, dailyCharts: 2 } as const;

export interface MetricsPerRun {
  readonly uptime: number;
  readonly hourlyCharts: number;
  readonly dailyCharts: number;
  /** The three above, averaged over one-minute runs. */
  readonly average: number;
}

/**
 * Metrics requested per one-minute run for `endpoints` public endpoints and
 * `regions` probe regions, averaged over the refresh intervals. Not counted:
 * the per-region breakdown of firing alarms (the alarms' own metrics, only
 * while they fire) and the finer Up reads of days a maintenance window
 * touched (once per day per container; today's again with each uptime read).
 */
export function metricsPerRun(endpoints: number, regions: number): MetricsPerRun {
  const series = endpoints * regions;
  const per = (kind: keyof typeof METRIC_REFRESH_MINUTES) => (series * METRICS_PER_READ[kind]) / METRIC_REFRESH_MINUTES[kind];
  const uptime = per('uptime');
  const hourlyCharts = per('hourlyCharts');
  const dailyCharts = per('dailyCharts');
  return { uptime, hourlyCharts, dailyCharts, average: uptime + hourlyCharts + dailyCharts };
}
