// What the probe function builds once per container, at its first
// invocation (functions/common/cold-start.ts): the config, where it runs and
// publishes, the secret resolver and the publisher. Defaults are applied
// here, once: everything after reads the setup.
import type { Logger } from '@aws-lambda-powertools/logger';
import { exposureWatchFor } from '../../src/alarms/exposure-rule.ts';
import type { ResolvedConfig } from '../../src/config/resolved-config.ts';
import type { CloudWatchPublisher } from '../../src/publish/cloudwatch-publisher.ts';
import { createPublisher } from '../../src/publish/create-publisher.ts';
import { DEFAULT_DEADLINE_RESERVE_MS, FUNCTION_ENV } from '../common/environment.ts';
import { runSecretResolver, type RunSecretResolver, type SecretEndpoints } from './resolve-run-secrets.ts';

export interface ProbeSetupOptions {
  /** The config, or how to read it (the embedded one, in Lambda). */
  readonly config: ResolvedConfig | (() => ResolvedConfig);
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

export interface ProbeSetup {
  readonly config: ResolvedConfig;
  /** The probe region (AWS_REGION), 'local' outside Lambda. */
  readonly region: string;
  /** Where metrics go; without central in the config, this account's own region. */
  readonly centralRegion: string | null;
  readonly reserveMs: number;
  readonly watchesExposure: ReturnType<typeof exposureWatchFor>;
  readonly writeLine: (line: string) => void;
  readonly resolveSecrets: RunSecretResolver;
  /** Made on first use and kept (its assumed-role credentials are cached); throws when there is nowhere to publish. */
  readonly publisher: () => CloudWatchPublisher;
}

export function probeSetup(options: ProbeSetupOptions, logger: Logger): ProbeSetup {
  const config = typeof options.config === 'function' ? options.config() : options.config;
  const env = options.env ?? process.env;
  const region = env['AWS_REGION'] || 'local';
  const centralRegion = config.central?.region || env['AWS_REGION'] || null;
  let publisher: CloudWatchPublisher | null = null;
  return {
    config,
    region,
    centralRegion,
    reserveMs: options.deadlineReserveMs ?? DEFAULT_DEADLINE_RESERVE_MS,
    watchesExposure: exposureWatchFor(config.networks),
    writeLine: options.writeLine ?? ((line) => void process.stdout.write(`${line}\n`)),
    resolveSecrets: runSecretResolver({ env, region, endpoints: options.endpoints, ttlSeconds: options.secretTtlSeconds, logger }),
    publisher: () => {
      if (!centralRegion) throw new Error('no central region: set central.region in the config');
      return (publisher ??= createPublisher({
        namespace: config.namespace,
        centralRegion,
        roleArn: env[FUNCTION_ENV.publisherRoleArn] || null,
        stsRegion: env['AWS_REGION'] || centralRegion,
        sessionName: `vantage-probe-${region}`,
        endpoints: { cloudwatch: options.endpoints?.cloudwatch, sts: options.endpoints?.sts },
      }));
    },
  };
}
