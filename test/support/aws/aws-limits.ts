// The limits the double enforces, written out here on purpose rather than
// imported from src/config/aws-limits.ts: the double must reject what AWS
// rejects on its own account, so a wrong number in the product's table fails
// a test instead of being agreed with. Sources: the same API references
// (PutMetricData, GetMetricData, DescribeAlarms, DescribeAlarmHistory, S3
// object keys).

export const PUT_METRIC_DATA = {
  maxDatums: 1000,
  /** 1 MB, read as 1,000,000 bytes (the smaller reading). */
  maxBodyBytes: 1_000_000,
  maxDimensions: 30,
  maxValuesPerDatum: 150,
  maxAbsValue: 2 ** 360,
  minAbsNonZeroValue: 2 ** -360,
  maxNameLength: 255,
  maxNamespaceLength: 255,
  maxDimensionNameLength: 255,
  maxDimensionValueLength: 1024,
} as const;

/** Printable ASCII with at least one non-blank character (names also may not start with ':'). */
export const DIMENSION_TEXT = /^[\x20-\x7e]*[\x21-\x7e][\x20-\x7e]*$/;

export const GET_METRIC_DATA = {
  maxQueries: 500,
  maxDatapoints: 100_800,
  idPattern: /^[a-z][a-zA-Z0-9_]*$/,
  maxIdLength: 255,
  /** MetricStat.Period: start 3 h–15 days ago needs a multiple of 60 s, 15–63 days 300 s, older 3600 s, else no data points. */
  periodForAgeDays: [[15, 60], [63, 300], [Number.POSITIVE_INFINITY, 3600]] as const,
} as const;

export const DESCRIBE_ALARMS = { maxRecords: 100 } as const;

export const DESCRIBE_ALARM_HISTORY = { maxRecords: 100 } as const;

export const S3_OBJECT = { maxKeyBytes: 1024 } as const;
