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
//   "Although the parameter accepts numbers of type Double, CloudWatch rejects
//    values that are either too small or too large. Values must be in the
//    range of -2^360 to 2^360. In addition, special values (for example, NaN,
//    +Infinity, -Infinity) are not supported." (Older revisions gave the
//    magnitudes: "8.515920e-109 to 1.174271e+108 (Base 10) or 2e-360 to
//    2e360 (Base 2)": a non-zero value below 2^-360 is "too small".)
//   "If you include a Counts array, it must include the same amount of values
//    as the Values array."
//   MetricName, Namespace and Dimension Name: 1-255 characters; Dimension Value: 1-1024.
//   Dimension (data type): "Dimension names must contain only ASCII
//    characters, must include at least one non-whitespace character, and
//    cannot start with a colon (:). ASCII control characters are not
//    supported" (values: the same, without the colon rule).
//
// Embedded metric format (CloudWatch User Guide, "Specification: Embedded
// metric format"): a MetricDirective's Metrics array "MUST NOT contain more
// than 100 MetricDefinition objects"; a DimensionSet holds at most 30
// dimension keys (9 before 2022); "Numeric array metric targets MUST NOT
// have more than 100 members"; dimension targets are strings. An array is
// that many samples (EMF has no Counts), so a repeated value is repeated.

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

export const EMBEDDED_METRIC_FORMAT = {
  maxMetricsPerDocument: 100,
  maxDimensionsPerSet: 30,
  maxValuesPerMetric: 100,
} as const;

/** STS AssumeRole: DurationSeconds 900 s (minimum) to the role's maximum session (1 h unless raised). */
export const ASSUME_ROLE = {
  minDurationSeconds: 900,
} as const;
