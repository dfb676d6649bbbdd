// Environment variables the status Lambda reads: the contract with the CDK
// app (infra/constructs/status-function.ts sets them; it should import these
// names from here, as infra does with functions/probe/environment.ts).

export const STATUS_ENV = {
  /** Bucket the feed is written to (required). */
  bucket: 'VANTAGE_STATUS_BUCKET',
  /** Alarm name prefix of this deployment; default alarmNamePrefix(namespace). */
  alarmPrefix: 'VANTAGE_ALARM_PREFIX',
  /** CloudWatch namespace; default central.namespace from the config. */
  namespace: 'VANTAGE_NAMESPACE',
  /** Page title; default status.title from the config. */
  title: 'VANTAGE_STATUS_TITLE',
  /** Comma-separated probe regions; default probe.regions from the config. */
  probeRegions: 'VANTAGE_PROBE_REGIONS',
  /** Public URL of the page (e.g. https://d111111abcdef8.cloudfront.net), for absolute links in the feeds; optional. */
  pageUrl: 'VANTAGE_STATUS_URL',
} as const;
