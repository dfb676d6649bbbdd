// AWS limits the publisher must stay inside, in one place. Also enforced by
// the local AWS double (test/support/aws/), which validates like AWS does.
//
// PutMetricData (CloudWatch API Reference, "PutMetricData", and "MetricDatum",
// "Dimension" data types):
//   "Each PutMetricData request is limited to 1 MB in size for HTTP POST
//    requests. You can send a payload compressed by gzip. Each request is also
//    limited to no more than 1000 different metrics."
//   "You can use up to 30 dimensions per metric."
//   "Using the Values and Counts method enables you to publish up to 150
//    values per metric with one PutMetricData request."
//   "Values must be in the range of -2^360 to 2^360. In addition, special
//    values (for example, NaN, +Infinity, -Infinity) are not supported."
//   MetricName, Namespace and Dimension Name: 1-255 characters; Dimension Value: 1-1024.
//
// Embedded metric format (CloudWatch User Guide, "Specification: Embedded
// metric format"): at most 100 metrics per document (per CloudWatchMetrics
// directive), 30 dimensions per dimension set, 100 values per metric array.

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
  maxNameLength: 255,
  maxNamespaceLength: 255,
  maxDimensionNameLength: 255,
  maxDimensionValueLength: 1024,
} as const;

export const EMBEDDED_METRIC_FORMAT = {
  maxMetricsPerDocument: 100,
  maxDimensionsPerSet: 30,
  maxValuesPerMetric: 100,
} as const;

/** STS AssumeRole: DurationSeconds 900 s (minimum) to the role's maximum session (1 h unless raised). */
export const ASSUME_ROLE = {
  minDurationSeconds: 900,
} as const;
