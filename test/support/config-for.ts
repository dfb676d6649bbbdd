// Builds probe-ready networks through the real config path (parse, defaults,
// secret resolution), so transport tests use what a user's file would give.
import { prepareConfigText } from '../../src/config/index.ts';
import type { ResolvedEndpoint, ResolvedNetwork } from '../../src/config/resolved-config.ts';
import type { Redactor } from '../../src/config/redactor.ts';

export async function networkFromYaml(yaml: string, env: Record<string, string> = {}): Promise<{ network: ResolvedNetwork; redactor: Redactor }> {
  const { config, redactor } = await prepareConfigText(yaml, { env });
  return { network: config.networks[0]!, redactor };
}

/** One endpoint of a one-network config; `extra` is YAML for the endpoint's other keys. */
export async function endpointConfig(
  chain: 'evm' | 'http-json' | 'substrate' | 'solana',
  url: string,
  extra: Record<string, unknown> = {},
  network: Record<string, unknown> = {},
): Promise<{ network: ResolvedNetwork; endpoint: ResolvedEndpoint }> {
  const config = { version: 1, networks: [{ id: 'net', chain, ...network, endpoints: [{ id: 'e', url, ...extra }] }] };
  const { network: resolved } = await networkFromYaml(JSON.stringify(config));
  return { network: resolved, endpoint: resolved.endpoints[0]! };
}
