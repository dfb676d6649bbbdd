// `vantage check --publish`: the same datums, publisher and fallback as the
// Lambda (publishWithFallback), from any machine, so a server outside AWS can
// be a vantage point too. Credentials come from the standard AWS chain
// (environment, profile, SSO, instance role); namespace and region from the
// config's `central` block.
import { ConfigError } from '../config/config-error.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { exposureWatchFor } from '../alarms/exposure-rule.ts';
import { reportToDatums } from '../metrics/report-datums.ts';
import type { Report } from '../report/report.ts';
import { createPublisher } from './create-publisher.ts';
import { publishWithFallback, type FallbackPublication } from './publish-with-fallback.ts';

/** A CLI run has no Lambda timeout; this bounds it all the same. */
export const CLI_PUBLISH_TIMEOUT_MS = 30_000;

/**
 * What was published. The EMF lines of a failed publish are not printed: no
 * log pipeline reads a terminal, the report on stdout holds every value, and
 * exit 1 says the metrics did not arrive.
 */
export interface ReportPublication extends FallbackPublication {
  readonly namespace: string;
  readonly region: string;
}

/** Checked before probing, so a config that cannot publish fails fast (exit 2). */
export function requirePublishTarget(config: ResolvedConfig, file: string | null): NonNullable<ResolvedConfig['central']> {
  if (!config.central) {
    throw new ConfigError([{ path: 'central', message: 'is required for --publish (central.account and central.region: where the metrics go)' }], file);
  }
  return config.central;
}

export async function publishReport(report: Report, config: ResolvedConfig, file: string | null): Promise<ReportPublication> {
  const central = requirePublishTarget(config, file);
  const datums = reportToDatums(report, { detail: config.metrics.detail, watchesExposure: exposureWatchFor(config.networks) });
  const publication = await publishWithFallback(datums, {
    namespace: config.namespace,
    publisher: () => createPublisher({ namespace: config.namespace, centralRegion: central.region, roleArn: null }),
    deadline: Date.now() + CLI_PUBLISH_TIMEOUT_MS,
  });
  return { ...publication, namespace: config.namespace, region: central.region };
}

/** One line for stderr. */
export function describePublication(p: ReportPublication): string {
  const where = `CloudWatch namespace ${p.namespace} in ${p.region}`;
  if (p.outcome.unpublished.length === 0) return `published ${p.outcome.published} datums to ${where}`;
  return `publishing failed: ${p.outcome.unpublished.length} of ${p.datums} datums not published to ${where}: ${p.outcome.errors[0] ?? 'unknown error'}`;
}
