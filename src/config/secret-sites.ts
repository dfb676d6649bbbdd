// Where secret references can stand in a config: every string the probe
// sends (url, headers, basicAuth), with its config path and endpoint.
import type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from './resolved-config.ts';
import { scanReferences, type SecretReference } from './secret-reference.ts';

export interface SecretSite {
  readonly path: readonly PropertyKey[];
  readonly value: string;
  readonly network: ResolvedNetwork;
  readonly endpoint: ResolvedEndpoint;
}

/**
 * Every secretable string the probe sends, with its config path. Not
 * alerting.httpsSubscriptions: CloudFormation resolves those at deploy time
 * (dynamic references), so neither the probe nor the CLI needs, or may read,
 * their values.
 */
export function* secretableSites(config: ResolvedConfig): Generator<SecretSite> {
  for (const [n, network] of config.networks.entries()) {
    for (const [e, endpoint] of network.endpoints.entries()) {
      const at = ['networks', n, 'endpoints', e];
      const site = (path: PropertyKey[], value: string): SecretSite => ({ path: [...at, ...path], value, network, endpoint });
      yield site(['url'], endpoint.url);
      for (const [name, value] of Object.entries(endpoint.headers)) yield site(['headers', name], value);
      if (endpoint.basicAuth) {
        yield site(['basicAuth', 'username'], endpoint.basicAuth.username);
        yield site(['basicAuth', 'password'], endpoint.basicAuth.password);
      }
    }
  }
}

/** All references the probe resolves, e.g. for IAM policies (which parameters the probe may read). */
export function listSecretReferences(config: ResolvedConfig): SecretReference[] {
  const out = new Map<string, SecretReference>();
  for (const { value } of secretableSites(config)) {
    const scan = scanReferences(value);
    if (scan.ok) for (const ref of scan.references) out.set(ref.raw, ref);
  }
  return [...out.values()];
}

/** Whether resolving the config needs AWS (SSM or Secrets Manager), not only the environment. */
export const needsAwsSecrets = (config: ResolvedConfig): boolean => listSecretReferences(config).some((ref) => ref.kind !== 'env');
