// Resolves the secret references of one invocation's networks, per reference
// (src/config/resolve-secrets.ts): ${env:…} from the function's environment;
// ${ssm:…}/${secretsmanager:…} through the reader the CLI uses too
// (src/publish/secret-sources.ts), whose provider cache makes warm
// invocations free. A reference that cannot be read is never cached as a
// failure: the next invocation asks again. When a refresh fails after the
// TTL, the last good value is used (and a WARN line says so) rather than
// silencing its endpoints.
import type { Logger } from '@aws-lambda-powertools/logger';
import { needsAwsSecrets, resolveReferences, type SecretFetcher, type SecretResolution, type UnreadSecret } from '../../src/config/resolve-secrets.ts';
import type { ResolvedConfig } from '../../src/config/resolved-config.ts';
import type { AwsSecretSources } from '../../src/publish/secret-sources.ts';
import { untilAborted } from '../../src/publish/until-aborted.ts';

export interface SecretEndpoints {
  readonly ssm?: string;
  readonly secretsmanager?: string;
}

export interface RunSecretOptions {
  readonly env: NodeJS.ProcessEnv;
  /** The function's region (its parameters and secrets live there); 'local' outside Lambda. */
  readonly region: string;
  readonly endpoints?: SecretEndpoints;
  /** Cache lifetime of ssm/secretsmanager values; default SECRET_TTL_SECONDS. */
  readonly ttlSeconds?: number;
  readonly logger: Logger;
}

/** Resolves the references of `config` (this invocation's networks), until `signal` aborts. */
export type RunSecretResolver = (config: ResolvedConfig, signal: AbortSignal) => Promise<SecretResolution>;

export function runSecretResolver(options: RunSecretOptions): RunSecretResolver {
  let aws: Promise<AwsSecretSources> | null = null;
  // Loaded only when the config has such references: no SSM/Secrets Manager client otherwise.
  const loadAws = () => (aws ??= import('../../src/publish/secret-sources.ts').then((m) => m.awsSecretSources({
    region: options.region === 'local' ? undefined : options.region,
    endpoints: options.endpoints,
    maxAgeSeconds: options.ttlSeconds,
  })));
  const lastGood = new Map<string, string>();

  return async (config, signal) => {
    if (!needsAwsSecrets(config)) return resolveReferences(config, { env: options.env });
    const sources = await loadAws();
    const keep = (kind: keyof AwsSecretSources) => keepingLastGood(kind, sources[kind], { lastGood, signal, logger: options.logger });
    return resolveReferences(config, { env: options.env, ssm: keep('ssm'), secretsmanager: keep('secretsmanager') });
  };
}

interface KeepOptions {
  /** `${kind:name}` → the value read last time it could be read. */
  readonly lastGood: Map<string, string>;
  readonly signal: AbortSignal;
  readonly logger: Logger;
}

/** A fetcher bounded by the run's deadline that falls back, per name, to the last value read. */
function keepingLastGood(kind: keyof AwsSecretSources, fetch: SecretFetcher, { lastGood, signal, logger }: KeepOptions): SecretFetcher {
  return async (names) => {
    let fetched: ReadonlyMap<string, string | UnreadSecret>;
    try {
      fetched = await untilAborted(fetch(names), signal, () => new Error("not read before the run's deadline"));
    } catch (err) {
      const problem = err instanceof Error ? err.message : String(err);
      fetched = new Map(names.map((name) => [name, { problem }]));
    }
    const out = new Map<string, string | UnreadSecret>();
    for (const name of names) {
      const reference = `\${${kind}:${name}}`;
      const got = fetched.get(name);
      const previous = lastGood.get(reference);
      if (typeof got === 'string') {
        lastGood.set(reference, got);
        out.set(name, got);
      } else if (previous !== undefined) {
        logger.warn('could not refresh secret references; using the values read before', { reference, problem: got?.problem ?? 'not found' });
        out.set(name, previous);
      } else if (got) {
        out.set(name, got);
      }
    }
    return out;
  };
}
