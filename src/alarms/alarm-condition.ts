// What an alarm compares, as plain data: infra/ turns each shape into its
// CloudFormation resource, the cost model prices it, the status function
// knows from it which metric to read back. No CDK here.
import type { Dimension } from '../report/metric-layout.ts';
import type { MetricName } from '../report/metric-names.ts';

export type Statistic = 'Sum' | 'Maximum' | 'Minimum' | 'Average';

export interface MetricRef {
  readonly name: MetricName;
  readonly dimensions: readonly Dimension[];
  readonly statistic: Statistic;
}

export type Comparison =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export type AlarmCondition =
  /** One metric against a threshold. */
  | { readonly type: 'metric'; readonly metric: MetricRef; readonly threshold: number; readonly comparison: Comparison }
  /** Metric math over a few metrics (at most 10), one expression returned. */
  | {
    readonly type: 'math';
    readonly expression: string;
    readonly label: string;
    readonly metrics: Readonly<Record<string, MetricRef>>;
    readonly threshold: number;
    readonly comparison: Comparison;
  }
  /**
   * A Metrics Insights query: with GROUP BY and ORDER BY one contributor per
   * group (a fleet alarm). `matches` is what it analyses (and is billed for),
   * `series` what it returns, both counted by construction.
   */
  | {
    readonly type: 'insights';
    readonly query: string;
    readonly label: string;
    readonly threshold: number;
    readonly comparison: Comparison;
    readonly matches: number;
    readonly series: number;
  }
  /** An anomaly detection band (AWS::CloudWatch::AnomalyDetector) around a metric; alarms above its upper edge. */
  | { readonly type: 'anomaly'; readonly metric: MetricRef; readonly bandStandardDeviations: number }
  /**
   * A composite alarm: ALARM of any child, its actions held while the
   * suppressor alarm is in ALARM, for `waitSeconds` after the composite enters
   * ALARM (the suppressor's time to get there) and `waitSeconds` after the
   * suppressor leaves it (ActionsSuppressorWaitPeriod and ExtensionPeriod).
   */
  | { readonly type: 'composite'; readonly children: readonly string[]; readonly suppressor: string | null; readonly waitSeconds: number };
