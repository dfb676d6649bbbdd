// The environment contract between the CDK app (infra/, which sets these) and
// the two Lambdas (which read them). Only what the embedded config cannot
// know travels here: names and URLs of resources CloudFormation creates.
// Everything the config says (namespace, central region, title, regions) is
// read from the config itself, so the two can never disagree.

export const FUNCTION_ENV = {
  /** Probe: central publisher role to assume; unset = the central account is this account, no AssumeRole. */
  publisherRoleArn: 'VANTAGE_PUBLISHER_ROLE_ARN',
  /** Status: bucket the feed is written to (required). */
  statusBucket: 'VANTAGE_STATUS_BUCKET',
  /** Status: public URL of the page (e.g. https://d111111abcdef8.cloudfront.net), for absolute links in the feeds; optional. */
  statusPageUrl: 'VANTAGE_STATUS_URL',
} as const;

/**
 * Time the probe function keeps for publishing after the probes are cut:
 * AssumeRole plus a few gzip'd PutMetricData calls with one retry each fit
 * well inside it, and the EMF fallback needs only milliseconds. infra/ sizes
 * the function's timeout with it.
 */
export const DEFAULT_DEADLINE_RESERVE_MS = 8_000;

/**
 * NODE_OPTIONS the probe Lambda runs with. A capped V8 young generation: with
 * many probes in flight the default lets it grow to its maximum, mostly empty
 * heap (docs/lambda.md and docs/benchmarks.md give the figures).
 */
export const PROBE_NODE_OPTIONS = '--max-semi-space-size=8';

/**
 * The probe function's event (infra/constructs/probe-schedule.ts builds it):
 * which shard of how many, and the minute EventBridge scheduled the tick for
 * (its `time`), from which the rounds' slots count.
 */
export const PROBE_EVENT = {
  shard: 'shard',
  of: 'of',
  scheduledAt: 'scheduledAt',
} as const;
