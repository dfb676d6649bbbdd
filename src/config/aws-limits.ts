// Every AWS limit Vantage stays inside, in one table, each with where it is
// documented: the config schema, the publisher, the status function and the
// CDK app read it from here. The local AWS double (test/support/aws/) keeps
// its own copy on purpose, so a wrong number here fails a test there.

// CloudWatch PutMetricData (API reference: "PutMetricData", data types
// "MetricDatum" and "Dimension"):
//   "Each PutMetricData request is limited to 1 MB in size for HTTP POST
//    requests. You can send a payload compressed by gzip. Each request is also
//    limited to no more than 1000 different metrics."
//   "You can use up to 30 dimensions per metric."
//   "Using the Values and Counts method enables you to publish up to 150
//    values per metric with one PutMetricData request."
//   "Values must be in the range of -2^360 to 2^360. In addition, special
//    values (for example, NaN, +Infinity, -Infinity) are not supported." (Older
//    revisions gave the magnitudes "2e-360 to 2e360 (Base 2)": a non-zero
//    value below 2^-360 is "too small".)
//   MetricName, Namespace and Dimension Name: 1-255 characters; Dimension Value: 1-1024.
//   "Dimension names must contain only ASCII characters, must include at least
//    one non-whitespace character, and cannot start with a colon (:). ASCII
//    control characters are not supported" (values: the same, without the colon rule).
export const PUT_METRIC_DATA = {
  /** Datums (after Values/Counts compaction) per request. */
  maxDatums: 1000,
  /** Request body; counted uncompressed so it holds however AWS measures it. 1 MB = 1,000,000 bytes, the smaller reading. */
  maxBodyBytes: 1_000_000,
  maxDimensions: 30,
  /** Distinct values in one datum's Values array. */
  maxValuesPerDatum: 150,
  /** |value| must not exceed 2^360. */
  maxAbsValue: 2 ** 360,
  /** A non-zero |value| below 2^-360 is rejected as too small. */
  minAbsNonZeroValue: 2 ** -360,
  maxNameLength: 255,
  maxNamespaceLength: 255,
  maxDimensionNameLength: 255,
  maxDimensionValueLength: 1024,
} as const;

/**
 * Dimension names and values: printable ASCII only (no control characters),
 * at least one non-whitespace character. Names also must not start with ':'.
 */
export const DIMENSION_TEXT = /^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/;

/**
 * Embedded metric format (CloudWatch User Guide, "Specification: Embedded
 * metric format"): a MetricDirective's Metrics array "MUST NOT contain more
 * than 100 MetricDefinition objects"; a DimensionSet holds at most 30
 * dimension keys; "Numeric array metric targets MUST NOT have more than 100
 * members". An array is that many samples (EMF has no Counts).
 */
export const EMBEDDED_METRIC_FORMAT = {
  maxMetricsPerDocument: 100,
  maxDimensionsPerSet: 30,
  maxValuesPerMetric: 100,
} as const;

export const DESCRIBE_ALARMS = {
  /** MaxRecords: 1-100 (DescribeAlarms API reference). */
  maxRecords: 100,
} as const;

export const DESCRIBE_ALARM_HISTORY = {
  /** MaxRecords: 1-100 (DescribeAlarmHistory API reference). */
  maxRecords: 100,
  /**
   * How far back the status function asks. CloudWatch keeps alarm history
   * for a limited time (documented as two weeks for years, 30 days today);
   * asking for more is harmless, the answer simply starts later.
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
  /**
   * How fine a period the data of a given age still has (MetricStat.Period:
   * "Start time between 3 hours and 15 days ago - Use a multiple of 60
   * seconds ... between 15 and 63 days ago - ... 300 seconds ... greater than
   * 63 days ago - ... 3600 seconds"; otherwise no data points are returned).
   */
  retention: [
    { maxAgeDays: 15, periodSeconds: 60 },
    { maxAgeDays: 63, periodSeconds: 300 },
    { maxAgeDays: Number.POSITIVE_INFINITY, periodSeconds: 3600 },
  ],
} as const;

/** The finest period GetMetricData returns data for, for a start time `ageMs` ago. */
export function finestPeriodSeconds(ageMs: number): number {
  return GET_METRIC_DATA.retention.find((r) => ageMs <= r.maxAgeDays * 86_400_000)!.periodSeconds;
}

/** "Alarms based on metric math expressions can reference a maximum of 10 metrics" (CloudWatch User Guide, alarm limits). */
export const MATH_ALARM_MAX_METRICS = 10;

/** "The rule expression of a composite alarm can include as many as 100 underlying alarms" (PutCompositeAlarm). */
export const COMPOSITE_ALARM_MAX_CHILDREN = 100;

/** AlarmRule: maximum length 10240 (PutCompositeAlarm). */
export const COMPOSITE_ALARM_RULE_MAX_LENGTH = 10_240;

/** AlarmDescription: maximum length 1024; AlarmName: 255 (PutMetricAlarm). */
export const ALARM_DESCRIPTION_MAX_LENGTH = 1024;
export const ALARM_NAME_MAX_LENGTH = 255;

/** Alarm periods: a multiple of 60 s; alarms here evaluate at most hourly probes. */
export const ALARM_MAX_PERIOD_SECONDS = 3600;

/**
 * Dashboards (CloudWatch service quotas): "Up to 2500 metrics per dashboard,
 * across all widgets. These quotas include all metrics retrieved for use in
 * metric math functions." A DashboardBody holds 0-500 widgets; an alarm
 * status widget 1-100 alarms (Dashboard Body Structure and Syntax).
 */
export const DASHBOARD_MAX_METRICS = 2500;
export const DASHBOARD_MAX_WIDGETS = 500;
export const ALARM_STATUS_WIDGET_MAX_ALARMS = 100;

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy, retentionInDays). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** "You can have up to five targets per rule" (EventBridge quotas). */
export const EVENTBRIDGE_RULE_MAX_TARGETS = 5;

/** Lambda function timeout: at most 900 s. */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

/** IAM role names: at most 64 characters (IAM quotas, "Role name"). */
export const IAM_ROLE_NAME_MAX_LENGTH = 64;

export const ASSUME_ROLE = {
  /** DurationSeconds: 900 s (minimum) to the role's maximum session (1 h unless raised) (STS AssumeRole). */
  minDurationSeconds: 900,
  /** RoleSessionName: 2-64 characters (STS AssumeRole). */
  maxSessionNameLength: 64,
} as const;

/**
 * CloudFormation quotas: 500 resources per stack; a template body uploaded
 * through S3 (as `cdk deploy` does) of at most 1 MB.
 */
export const STACK_MAX_RESOURCES = 500;
export const TEMPLATE_MAX_BYTES = 1_000_000;

/** GetParameter Name: 1-2048 characters (SSM API reference; the count includes the parameter's ARN). */
export const SSM_PARAMETER_NAME_MAX_LENGTH = 2048;

/** GetSecretValue SecretId, a name or an ARN: 1-2048 characters (Secrets Manager API reference). */
export const SECRET_ID_MAX_LENGTH = 2048;
