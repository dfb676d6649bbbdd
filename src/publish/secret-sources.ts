// ${ssm:…} and ${secretsmanager:…}, read the same way by the probe Lambda and
// the CLI: Powertools Parameters providers over SDK clients, credentials and
// region from the standard AWS chain. Loaded only when a config has such
// references (dynamic import): no SSM/Secrets Manager client exists otherwise.
//
// Every name gets its own outcome (value, not found, or why not), so one
// missing parameter affects only the endpoints that need it. Values are
// cached in the provider for SECRET_TTL_SECONDS (a warm function re-reads
// them, for rotation, at most that often); failures are never cached, so the
// next run asks again.
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { SecretFetcher, UnreadSecret } from '../config/resolve-secrets.ts';

export const SECRET_TTL_SECONDS = 300;

/** Error names meaning "no such parameter/secret": the name is left out of the answer (not found). */
const NOT_FOUND = new Set(['ParameterNotFound', 'ResourceNotFoundException']);

/** Socket limits: a cold start must not hang on a parameter read. */
const REQUEST_HANDLER = { connectionTimeout: 2_000, requestTimeout: 5_000 } as const;

export const NO_CREDENTIALS = 'no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)';
export const NO_REGION = 'no AWS region set (set AWS_REGION, or AWS_PROFILE naming a profile with a region)';

export interface AwsSecretSourceOptions {
  /** Region of the parameters and secrets; default: the SDK's own (AWS_REGION, the profile). */
  readonly region?: string;
  /** Endpoint overrides (tests); otherwise the SDK's own resolution (AWS_ENDPOINT_URL_SSM, …). */
  readonly endpoints?: { readonly ssm?: string; readonly secretsmanager?: string };
  readonly maxAgeSeconds?: number;
}

export interface AwsSecretSources {
  readonly ssm: SecretFetcher;
  readonly secretsmanager: SecretFetcher;
}

export function awsSecretSources(options: AwsSecretSourceOptions = {}): AwsSecretSources {
  const maxAge = options.maxAgeSeconds ?? SECRET_TTL_SECONDS;
  const client = { region: options.region, maxAttempts: 2, requestHandler: REQUEST_HANDLER };
  const ssmClient = new SSMClient({ ...client, endpoint: options.endpoints?.ssm });
  const ssm = new SSMProvider({ awsSdkV3Client: ssmClient });
  const secrets = new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient({ ...client, endpoint: options.endpoints?.secretsmanager }) });
  const access = accessCheck(ssmClient);
  return {
    ssm: fetcher(access, (name) => ssm.get(name, { decrypt: true, maxAge })),
    secretsmanager: fetcher(access, async (name) => {
      const value = await secrets.get(name, { maxAge });
      if (value instanceof Uint8Array) return { problem: 'holds a binary secret (SecretBinary); Vantage reads SecretString values only' };
      return typeof value === 'string' ? value : undefined;
    }),
  };
}

/**
 * What stops every read before it starts: no region, no credentials (both
 * named at once, so a person fixes them in one go). Remembered once it
 * passed, asked again while it fails.
 */
function accessCheck(client: SSMClient): () => Promise<string | null> {
  let passed = false;
  return async () => {
    if (passed) return null;
    const missing: string[] = [];
    await client.config.region().catch(() => missing.push(NO_REGION));
    await client.config.credentials().catch((err: unknown) => missing.push(describeReadError(err)));
    passed = missing.length === 0;
    return passed ? null : missing.join('; ');
  };
}

function fetcher(access: () => Promise<string | null>, get: (name: string) => Promise<string | UnreadSecret | undefined>): SecretFetcher {
  return async (names) => {
    const values = new Map<string, string | UnreadSecret>();
    const blocked = await access();
    if (blocked) {
      for (const name of names) values.set(name, { problem: blocked });
      return values;
    }
    await Promise.all(names.map(async (name) => {
      try {
        const value = await get(name);
        if (value !== undefined) values.set(name, value);
      } catch (err) {
        const cause = (err as { cause?: unknown }).cause ?? err;
        if (!NOT_FOUND.has((cause as { name?: string }).name ?? '')) values.set(name, { problem: describeReadError(cause) });
      }
    }));
    return values;
  };
}

/** One line a person can act on, for an SDK error (Powertools wraps them; pass the cause). */
export function describeReadError(err: unknown): string {
  const name = (err as { name?: string })?.name ?? 'Error';
  const message = String((err as { message?: string })?.message ?? err).split('\n')[0]!;
  if (name === 'CredentialsProviderError') return NO_CREDENTIALS;
  if (message === 'Region is missing') return NO_REGION;
  if (name === 'AccessDeniedException' || name === 'AccessDenied') return `access denied (${name}: ${message})`;
  if (/Throttl|TooManyRequests/.test(name)) return `throttled past the retries (${name}: ${message})`;
  return `could not be read (${name}: ${message})`;
}
