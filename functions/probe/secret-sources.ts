// ${ssm:…} and ${secretsmanager:…} for the Lambda, through Powertools
// Parameters: values are cached in the provider for SECRET_TTL_SECONDS, so a
// warm function re-reads them (rotation) at most that often. Loaded only when
// the config has such references (dynamic import: no SSM/Secrets Manager
// client is constructed otherwise).
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { SSMProvider } from '@aws-lambda-powertools/parameters/ssm';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { SecretFetcher, SecretSources } from '../../src/config/resolve-secrets.ts';

export const SECRET_TTL_SECONDS = 300;

/** Error names meaning "no such parameter/secret", reported as "not found" instead of a failure. */
const NOT_FOUND = new Set(['ParameterNotFound', 'ResourceNotFoundException']);

/** Socket limits: a cold start must not hang on a parameter read. */
const REQUEST_HANDLER = { connectionTimeout: 2_000, requestTimeout: 5_000 } as const;

export interface AwsSecretSourceOptions {
  readonly region?: string;
  /** Endpoint overrides (tests); otherwise the SDK's own resolution (AWS_ENDPOINT_URL_SSM, …). */
  readonly endpoints?: { readonly ssm?: string; readonly secretsmanager?: string };
  readonly maxAgeSeconds?: number;
}

export function awsSecretSources(options: AwsSecretSourceOptions = {}): Required<Pick<SecretSources, 'ssm' | 'secretsmanager'>> {
  const maxAge = options.maxAgeSeconds ?? SECRET_TTL_SECONDS;
  const client = { region: options.region, maxAttempts: 2, requestHandler: REQUEST_HANDLER };
  const ssm = new SSMProvider({ awsSdkV3Client: new SSMClient({ ...client, endpoint: options.endpoints?.ssm }) });
  const secrets = new SecretsProvider({ awsSdkV3Client: new SecretsManagerClient({ ...client, endpoint: options.endpoints?.secretsmanager }) });
  return {
    ssm: fetcher((name) => ssm.get(name, { decrypt: true, maxAge })),
    secretsmanager: fetcher(async (name) => {
      const value = await secrets.get(name, { maxAge });
      return typeof value === 'string' ? value : undefined;
    }),
  };
}

function fetcher(get: (name: string) => Promise<string | undefined>): SecretFetcher {
  return async (names) => {
    const values = new Map<string, string>();
    await Promise.all(names.map(async (name) => {
      try {
        const value = await get(name);
        if (value !== undefined) values.set(name, value);
      } catch (err) {
        const cause = (err as { cause?: { name?: string } }).cause;
        if (!NOT_FOUND.has(cause?.name ?? '')) throw err;
      }
    }));
    return values;
  };
}
