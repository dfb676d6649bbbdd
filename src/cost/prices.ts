// Every price the cost model uses, in one table: US East (N. Virginia) list
// prices, on-demand, before any free tier. Each row names the page it comes
// from and the day it was read. Read on 2026-11-25 from the pages below (the
// official pricing pages render their tables in the browser; figures were
// cross-checked against the third-party summaries noted where they were used).
// Update the whole table at once and change PRICES_READ_ON with it.

export const PRICES_READ_ON = '2026-11-25';
export const PRICE_REGION = 'us-east-1';

export interface Price {
  readonly usd: number;
  /** What one unit is, for the table ("metric-month"). */
  readonly unit: string;
  readonly source: string;
}

export interface TieredPrice {
  /** [units in this tier (Infinity for the last), USD per unit]. */
  readonly tiers: readonly (readonly [number, number])[];
  readonly unit: string;
  readonly source: string;
}

const CLOUDWATCH = 'https://aws.amazon.com/cloudwatch/pricing/';
const LAMBDA = 'https://aws.amazon.com/lambda/pricing/';

export const PRICES = {
  /**
   * Custom metrics, tiers per account and region. "Metrics are prorated by
   * the hour" and charged only for hours in which they receive data, so a
   * series published only during a maintenance window costs its hours;
   * StorageResolution 1 costs the same per metric (only PutMetricData calls grow).
   */
  customMetric: {
    tiers: [[10_000, 0.30], [240_000, 0.10], [750_000, 0.05], [Infinity, 0.02]],
    unit: 'metric-month',
    source: CLOUDWATCH,
  },
  /**
   * Standard-resolution alarms are billed per metric they evaluate (a math
   * expression: each metric in it; an anomaly detection alarm: 3, the metric
   * and the band's upper and lower bounds).
   */
  alarmMetric: { usd: 0.10, unit: 'alarm metric-month', source: CLOUDWATCH },
  /** High-resolution alarms (period 10, 20 or 30 s), per metric evaluated. */
  highResolutionAlarmMetric: { usd: 0.30, unit: 'high-res alarm metric-month', source: CLOUDWATCH },
  /**
   * Alarms on a Metrics Insights query: "$0.10 per metric analyzed" a month,
   * counted hourly ("a query whose filter matches ten metrics incurs ten
   * metrics analyzed"), usage type MetricInsightAlarmUsage; no free tier (the
   * free alarm metrics are for alarms "that list metrics directly and don't
   * use a Metrics Insights query"). Also https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_billing.html
   */
  insightsAlarmMetric: { usd: 0.10, unit: 'metric analysed-month', source: CLOUDWATCH },
  compositeAlarm: { usd: 0.50, unit: 'alarm-month', source: CLOUDWATCH },
  dashboard: { usd: 3.00, unit: 'dashboard-month', source: CLOUDWATCH },
  /** PutMetricData, DescribeAlarms, DescribeAlarmHistory, DescribeAlarmContributors and other API requests. */
  apiRequest: { usd: 0.01 / 1000, unit: 'request', source: CLOUDWATCH },
  /** GetMetricData is charged per metric requested, never free. */
  getMetricDataMetric: { usd: 0.01 / 1000, unit: 'metric requested', source: CLOUDWATCH },
  logsIngestion: { usd: 0.50, unit: 'GB ingested', source: CLOUDWATCH },
  logsStorage: { usd: 0.03, unit: 'GB-month stored', source: CLOUDWATCH },
  /** Synthetics canary run; the canary's own Lambda, S3 and logs are billed on top. */
  canaryRun: { usd: 0.0012, unit: 'canary run', source: `${CLOUDWATCH} (also https://blog.mattsbit.co.uk/2023/11/11/aws-synthetics-canaries-when-to-bite-the-bullet/)` },
  lambdaRequest: { usd: 0.20 / 1_000_000, unit: 'request', source: LAMBDA },
  /** First tier (up to 7.5 billion GB-s a month) is all a prober reaches. */
  lambdaArmGbSecond: { usd: 0.0000133334, unit: 'GB-second (arm64)', source: `${LAMBDA} (also https://cloudchipr.com/blog/aws-lambda-pricing)` },
  /** Canaries run on x86_64 Lambda. */
  lambdaX86GbSecond: { usd: 0.0000166667, unit: 'GB-second (x86_64)', source: LAMBDA },
  /** Scheduled rules deliver AWS-generated events: "All events except custom events are included". */
  scheduledEvent: { usd: 0, unit: 'scheduled event', source: `${CLOUDWATCH} (Free tier: Events) and https://aws.amazon.com/eventbridge/pricing/` },
  kmsKey: { usd: 1.00, unit: 'key-month', source: 'https://aws.amazon.com/kms/pricing/' },
  s3Put: { usd: 0.005 / 1000, unit: 'PUT request', source: 'https://aws.amazon.com/s3/pricing/' },
} as const satisfies Record<string, Price | TieredPrice>;

/** Cost of `units` under tiered pricing, filling the cheapest-first tiers in order. */
export function tieredCost(price: TieredPrice, units: number): number {
  let left = units;
  let usd = 0;
  for (const [size, rate] of price.tiers) {
    const here = Math.min(left, size);
    usd += here * rate;
    left -= here;
    if (left <= 0) break;
  }
  return usd;
}
