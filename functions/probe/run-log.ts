// The log lines of one probe run, each one JSON line (Powertools, redacted by
// the function logger): one ERROR per secret reference that could not be
// resolved, one ERROR when metrics went to EMF instead of the central
// account, and the INFO summary with the whole report.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { UnresolvedReference } from '../../src/config/resolve-secrets.ts';
import type { FallbackPublication } from '../../src/publish/publish-with-fallback.ts';
import type { Report } from '../../src/report/report.ts';
import type { Shard } from './shard.ts';

export function logUnresolvedSecrets(logger: Logger, unresolved: readonly UnresolvedReference[]): void {
  for (const u of unresolved) {
    logger.error('secret reference not resolved; the endpoints that need it were not probed (secret_unresolved)', {
      reference: u.reference,
      problem: u.message,
      endpoints: u.endpoints,
    });
  }
}

export function logUnpublished(logger: Logger, publication: FallbackPublication): void {
  if (publication.outcome.unpublished.length === 0) return;
  logger.error('metrics not published to the central account; written as EMF to this log instead', {
    unpublished: publication.outcome.unpublished.length,
    emfLines: publication.emfLines.length,
    errors: publication.outcome.errors,
  });
}

export interface RunSummary {
  readonly shard: Shard;
  readonly namespace: string;
  readonly centralRegion: string | null;
  readonly publication: FallbackPublication;
  readonly report: Report;
}

export function logRunSummary(logger: Logger, { shard, namespace, centralRegion, publication, report }: RunSummary): void {
  const { outcome } = publication;
  logger.info('probe run', {
    shard,
    publish: { namespace, centralRegion, datums: publication.datums, published: outcome.published, requests: outcome.requests, unpublished: outcome.unpublished.length },
    // Already redacted field by field; the logger's replacer redacts every string once more.
    // (Redacting the serialized JSON instead could break it: a short secret may match a key.)
    report,
  });
}
