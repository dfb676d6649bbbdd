// Resolves the config's secret references for each invocation: ${env:…} once
// per cold start; ${ssm:…}/${secretsmanager:…} through Powertools providers
// whose cache (TTL) makes warm invocations free. When a refresh fails, the
// last good values are used (and a warning logged) rather than failing a run.
import type { Logger } from '@aws-lambda-powertools/logger';
import { listSecretReferences, resolveSecrets, type SecretResolution, type SecretSources } from '../../src/config/resolve-secrets.ts';
import type { ResolvedConfig } from '../../src/config/resolved-config.ts';
import { untilAborted } from '../../src/publish/until-aborted.ts';

export interface SecretEndpoints {
  readonly ssm?: string;
  readonly secretsmanager?: string;
}

export interface SecretResolverOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly region: string;
  readonly endpoints?: SecretEndpoints;
  /** Cache lifetime of ssm/secretsmanager values; default SECRET_TTL_SECONDS. */
  readonly ttlSeconds?: number;
  readonly logger: Logger;
}

export function secretResolver(config: ResolvedConfig, options: SecretResolverOptions): (signal: AbortSignal) => Promise<SecretResolution> {
  const needsAws = listSecretReferences(config).some((ref) => ref.kind !== 'env');
  let sources: Promise<SecretSources> | null = null;
  let lastGood: SecretResolution | null = null;

  const resolve = async (): Promise<SecretResolution> => {
    sources ??= needsAws
      ? import('./secret-sources.ts').then((m) => ({
          env: options.env,
          ...m.awsSecretSources({ region: options.region === 'local' ? undefined : options.region, endpoints: options.endpoints, maxAgeSeconds: options.ttlSeconds }),
        }))
      : Promise.resolve({ env: options.env });
    return resolveSecrets(config, await sources);
  };

  return async (signal) => {
    if (lastGood && !needsAws) return lastGood;
    try {
      lastGood = await untilAborted(resolve(), signal, () => new Error('secret references were not resolved before the run deadline'));
      return lastGood;
    } catch (err) {
      if (!lastGood) throw err;
      options.logger.warn('could not refresh secret references; using the values read before', { error: (err as Error).message });
      return lastGood;
    }
  };
}
