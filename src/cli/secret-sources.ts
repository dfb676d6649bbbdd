// Where the CLI reads secret references: ${env:…} from its environment;
// ${ssm:…} and ${secretsmanager:…} with the probe Lambda's own reader
// (src/publish/secret-sources.ts), credentials and region from the standard
// AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID…, SSO, instance role). The SDK is
// loaded only when a config has such references: a fetcher is called only
// for names of its kind.
import type { SecretSources } from '../config/resolve-secrets.ts';
import type { AwsSecretSources } from '../publish/secret-sources.ts';

export function cliSecretSources(env: Readonly<Record<string, string | undefined>>): SecretSources {
  let aws: Promise<AwsSecretSources> | null = null;
  const load = () => (aws ??= import('../publish/secret-sources.ts').then((m) => m.awsSecretSources()));
  return {
    env,
    ssm: async (names) => (await load()).ssm(names),
    secretsmanager: async (names) => (await load()).secretsmanager(names),
  };
}
