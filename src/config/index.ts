// One call from a config file to a probe-ready config and its redactor.
import { loadConfigFile } from './load.ts';
import { applyDefaults, type ResolvedConfig } from './resolved-config.ts';
import { resolveSecrets, type SecretSources } from './resolve-secrets.ts';
import type { Redactor } from './redactor.ts';

export interface PreparedConfig {
  readonly config: ResolvedConfig;
  readonly redactor: Redactor;
  readonly file: string;
}

export async function prepareConfig(file: string, sources: SecretSources = {}): Promise<PreparedConfig> {
  const loaded = loadConfigFile(file);
  const { config, redactor } = await resolveSecrets(applyDefaults(loaded), sources, file, loaded.lineOf);
  return { config, redactor, file };
}

export { ConfigError } from './config-error.ts';
export type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from './resolved-config.ts';
