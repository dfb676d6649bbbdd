// One invocation of the probe function, as named steps: deadlines from the
// time Lambda gives, this shard's networks, their secrets, one round, the
// datums published (or written as EMF), and the log lines.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { runRound } from '../../src/engine/round.ts';
import { reportToDatums } from '../../src/metrics/report-datums.ts';
import { publishWithFallback } from '../../src/publish/publish-with-fallback.ts';
import type { Status } from '../../src/report/reasons.ts';
import type { Redaction } from '../common/function-logger.ts';
import type { ProbeSetup } from './probe-setup.ts';
import { logRunSummary, logUnpublished, logUnresolvedSecrets } from './run-log.ts';
import { runDeadlines } from './run-deadlines.ts';
import { inShard, shardOfEvent, type Shard } from './shard.ts';

export interface ProbeRunSummary {
  readonly status: Status;
  readonly shard: Shard;
  readonly endpoints: number;
  readonly published: number;
  /** Datums written as EMF because publishing failed. */
  readonly unpublished: number;
}

export interface ProbeRunContext {
  readonly setup: ProbeSetup;
  readonly logger: Logger;
  readonly redaction: Redaction;
}

export async function runProbe({ setup, logger, redaction }: ProbeRunContext, event: unknown, context: Context, signal: AbortSignal): Promise<ProbeRunSummary> {
  const startedAt = Date.now();
  const deadlines = runDeadlines(context.getRemainingTimeInMillis(), setup.reserveMs);
  const shard = shardOfEvent(event);
  const runSignal = AbortSignal.any([signal, AbortSignal.timeout(deadlines.probeMs)]);
  const { config } = setup;

  const mine = { ...config, networks: config.networks.filter((network) => inShard(network.id, shard)) };
  const secrets = await setup.resolveSecrets(mine, runSignal);
  redaction.current = secrets.redactor;
  logUnresolvedSecrets(logger, secrets.unresolved);

  const report = await runRound(secrets.config, secrets.redactor, { region: setup.region, runSignal });
  const datums = reportToDatums(report, { detail: config.metrics.detail, watchesExposure: setup.watchesExposure });
  const publication = await publishWithFallback(datums, { namespace: config.namespace, publisher: setup.publisher, deadline: startedAt + deadlines.publishMs });
  for (const line of publication.emfLines) setup.writeLine(line);
  logUnpublished(logger, publication);
  logRunSummary(logger, { shard, namespace: config.namespace, centralRegion: setup.centralRegion, publication, report });

  const endpoints = report.networks.reduce((n, network) => n + network.endpoints.length, 0);
  return { status: report.status, shard, endpoints, published: publication.outcome.published, unpublished: publication.outcome.unpublished.length };
}
