// Limits of the CloudWatch and S3 read/write calls the status function makes,
// in one place, each with where it is documented. The local AWS double
// (test/support/aws/) enforces the same numbers.

export const DESCRIBE_ALARMS = {
  /** MaxRecords: 1-100 (DescribeAlarms API reference). */
  maxRecords: 100,
} as const;

export const DESCRIBE_ALARM_HISTORY = {
  /** MaxRecords: 1-100 (DescribeAlarmHistory API reference). */
  maxRecords: 100,
  /**
   * How far back the function asks. CloudWatch keeps alarm history for a
   * limited time (documented as two weeks for years, 30 days today); asking
   * for more is harmless, the answer simply starts later.
   */
  windowDays: 30,
  /** "3 TPS per Region ... These quotas cannot be changed" (CloudWatch service quotas). */
  maxRequestsPerSecond: 3,
} as const;

export const GET_METRIC_DATA = {
  /** "A single GetMetricData call can include as many as 500 MetricDataQuery structures." */
  maxQueries: 500,
  /** "...with a total of as many as 100,800 data points" (default and maximum MaxDatapoints). */
  maxDatapoints: 100_800,
  /** MetricDataQuery.Id: "must start with a lowercase letter"; letters, digits and underscore. */
  idPattern: /^[a-z][a-zA-Z0-9_]*$/,
  /** MetricDataQuery.Id: up to 255 characters. */
  maxIdLength: 255,
} as const;

export const S3_OBJECT = {
  /** "The object key name is a sequence of Unicode characters with UTF-8 encoding of up to 1,024 bytes long." */
  maxKeyBytes: 1024,
} as const;
