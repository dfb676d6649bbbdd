// One call from config text or a config file to a probe-ready config and its
// redactor: parse, defaults, secrets, always in that order.
import { loadConfigFile, parseConfigText, type LoadedConfig } from './load.ts';
import { applyDefaults, type ResolvedConfig } from './resolved-config.ts';
import { resolveSecrets, type SecretResolution, type SecretSources } from './resolve-secrets.ts';
import type { Redactor } from './redactor.ts';

export interface PreparedConfig {
  readonly config: ResolvedConfig;
  readonly redactor: Redactor;
  readonly file: string;
}

export async function prepareConfig(file: string, sources: SecretSources = {}): Promise<PreparedConfig> {
  const { config, redactor } = await prepare(loadConfigFile(file), sources, file);
  return { config, redactor, file };
}

/** The same from text (no file): relative paths such as tls.caFile resolve against `baseDir`. */
export function prepareConfigText(text: string, sources: SecretSources = {}, baseDir = process.cwd()): Promise<SecretResolution> {
  return prepare(parseConfigText(text, { file: null, baseDir }), sources, null);
}

function prepare(loaded: LoadedConfig, sources: SecretSources, file: string | null): Promise<SecretResolution> {
  return resolveSecrets(applyDefaults(loaded), sources, file, loaded.lineOf);
}

export { ConfigError } from './config-error.ts';
export type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from './resolved-config.ts';
