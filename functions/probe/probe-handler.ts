// The probe Lambda's handler, built from its dependencies so tests can run
// the same code with local endpoints. One invocation: resolve secrets (cached
// with a TTL), probe this shard's networks until the run deadline, publish
// the datums to the central account until the publish deadline, fall back to
// EMF lines for whatever did not make it, and log one summary line.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { Redactor } from '../../src/config/redactor.ts';
import type { ResolvedConfig } from '../../src/config/resolved-config.ts';
import { runRound } from '../../src/engine/round.ts';
import type { MetricDatum } from '../../src/metrics/datum.ts';
import { exposureWatchFor } from '../../src/alarms/exposure-rule.ts';
import { reportToDatums } from '../../src/metrics/report-datums.ts';
import type { PublishOutcome } from '../../src/publish/cloudwatch-publisher.ts';
import { createPublisher, type PublisherSettings } from '../../src/publish/create-publisher.ts';
import { toEmfLines } from '../../src/publish/emf.ts';
import { publishRun } from '../../src/publish/publish-run.ts';
import type { Status } from '../../src/report/reasons.ts';
import { DEFAULT_DEADLINE_RESERVE_MS, FUNCTION_ENV } from '../common/environment.ts';
import { runDeadlines } from './run-deadlines.ts';
import { secretResolver, type SecretEndpoints } from './secret-resolver.ts';
import { inShard, shardOfEvent, type Shard } from './shard.ts';

export interface ProbeHandlerOptions {
  readonly config: ResolvedConfig;
  readonly env?: NodeJS.ProcessEnv;
  /** Writes one line to the function's log (stdout): EMF documents. */
  readonly writeLine?: (line: string) => void;
  /** Endpoint overrides (tests); in Lambda the SDK resolves them (AWS_ENDPOINT_URL_<SERVICE> included). */
  readonly endpoints?: SecretEndpoints & { readonly cloudwatch?: string; readonly sts?: string };
  /** Time kept back from the Lambda timeout for publishing; default DEFAULT_DEADLINE_RESERVE_MS (tests shorten it). */
  readonly deadlineReserveMs?: number;
  /** How long ssm/secretsmanager values are cached; default SECRET_TTL_SECONDS. */
  readonly secretTtlSeconds?: number;
}

export interface ProbeRunSummary {
  readonly status: Status;
  readonly shard: Shard;
  readonly endpoints: number;
  readonly published: number;
  /** Datums written as EMF because publishing failed. */
  readonly unpublished: number;
}

/** middy's last resort, should the publish deadline ever fail to hold. */
const BACKSTOP_MS = 100;

export function createProbeHandler(options: ProbeHandlerOptions) {
  const { config } = options;
  const env = options.env ?? process.env;
  const writeLine = options.writeLine ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const region = env['AWS_REGION'] || 'local';
  const namespace = config.namespace;
  // Without central in the config, this account's own region is the central one.
  const centralRegion = config.central?.region || env['AWS_REGION'] || null;
  const reserveMs = options.deadlineReserveMs ?? DEFAULT_DEADLINE_RESERVE_MS;
  const watchesExposure = exposureWatchFor(config.networks);

  // Every string a log line carries passes the current redactor (secret values, in all their encodings).
  let redactor = new Redactor();
  const logger = new Logger({
    serviceName: 'vantage-probe',
    jsonReplacerFn: (_key, value) => (typeof value === 'string' ? redactor.redact(value) : value),
  });
  const resolveSecrets = secretResolver(config, { env, region, endpoints: options.endpoints, ttlSeconds: options.secretTtlSeconds, logger });
  const publisherSettings: PublisherSettings | null = centralRegion
    ? {
        namespace,
        centralRegion,
        roleArn: env[FUNCTION_ENV.publisherRoleArn] || null,
        stsRegion: env['AWS_REGION'] || centralRegion,
        sessionName: `vantage-probe-${region}`,
        endpoints: { cloudwatch: options.endpoints?.cloudwatch, sts: options.endpoints?.sts },
      }
    : null;
  let publisher: ReturnType<typeof createPublisher> | null = null;

  const publish = async (datums: readonly MetricDatum[], deadline: number): Promise<PublishOutcome> => {
    if (!publisherSettings) {
      return { published: 0, requests: 0, unpublished: datums, errors: ['no central region: set central.region in the config'] };
    }
    try {
      publisher ??= createPublisher(publisherSettings);
      return await publishRun(publisher, datums, { deadline });
    } catch (err) {
      // publishRun does not throw by design; this guards the fallback against the unforeseen.
      return { published: 0, requests: 0, unpublished: datums, errors: [`publisher failed: ${(err as Error).message}`] };
    }
  };

  const run = async (event: unknown, context: Context, { signal }: { signal: AbortSignal }): Promise<ProbeRunSummary> => {
    const startedAt = Date.now();
    const deadlines = runDeadlines(context.getRemainingTimeInMillis(), reserveMs);
    const shard = shardOfEvent(event);
    const runSignal = AbortSignal.any([signal, AbortSignal.timeout(deadlines.probeMs)]);

    const prepared = await resolveSecrets(runSignal);
    redactor = prepared.redactor;
    const report = await runRound(prepared.config, prepared.redactor, {
      region,
      runSignal,
      selectNetwork: (network) => inShard(network.id, shard),
    });
    const datums = reportToDatums(report, { detail: config.metrics.detail, watchesExposure });
    const outcome = await publish(datums, startedAt + deadlines.publishMs);

    if (outcome.unpublished.length > 0) {
      const lines = toEmfLines(namespace, outcome.unpublished);
      for (const line of lines) writeLine(line);
      logger.error('metrics not published to the central account; written as EMF to this log instead', {
        unpublished: outcome.unpublished.length,
        emfLines: lines.length,
        errors: outcome.errors,
      });
    }
    const endpoints = report.networks.reduce((n, network) => n + network.endpoints.length, 0);
    logger.info('probe run', {
      shard,
      publish: { namespace, centralRegion, datums: datums.length, published: outcome.published, requests: outcome.requests, unpublished: outcome.unpublished.length },
      // Already redacted field by field; the logger's replacer redacts every string once more.
      // (Redacting the serialized JSON instead could break it: a short secret may match a key.)
      report,
    });
    return { status: report.status, shard, endpoints, published: outcome.published, unpublished: outcome.unpublished.length };
  };

  return middy(run, {
    timeoutEarlyInMillis: BACKSTOP_MS,
    timeoutEarlyResponse: () => {
      logger.error('invocation reached the Lambda timeout before the run finished; its metrics were not published');
      return null;
    },
  }).use(injectLambdaContext(logger));
}
