// The config as it travels inside the Lambda bundle. Validated at build time
// (bundle-config.ts), so the function only applies defaults at cold start:
// no YAML parser and no zod in the bundle, and a bad config fails the build,
// not the 3 a.m. run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadedConfig } from '../../src/config/load.ts';
import { applyDefaults, type ResolvedConfig } from '../../src/config/resolved-config.ts';
import type { ConfigInput } from '../../src/config/schema.ts';

/** Global the bundle's `define` fills with the payload's JSON text. */
export const EMBEDDED_CONFIG_GLOBAL = '__VANTAGE_PROBE_CONFIG__';

export const EMBEDDED_CONFIG_FORMAT = 1;

export interface EmbeddedConfig {
  readonly format: typeof EMBEDDED_CONFIG_FORMAT;
  /** Base name of the config file, for messages. */
  readonly source: string;
  /** The validated config as written (secret references unresolved). tls.caFile values name entries of caCertificates. */
  readonly input: ConfigInput;
  /** PEM text of every tls.caFile, keyed by `<sha256>.pem`: files do not travel with a bundle. */
  readonly caCertificates: Readonly<Record<string, string>>;
}

declare global {
  // eslint-disable-next-line no-var
  var __VANTAGE_PROBE_CONFIG__: string | undefined;
}

/** The payload's JSON text: replaced by esbuild's define in a bundle, set by tests when running from source. */
export function embeddedConfigText(): string | undefined {
  return globalThis.__VANTAGE_PROBE_CONFIG__;
}

export class MissingEmbeddedConfigError extends Error {
  constructor(why: string) {
    super(`probe function has no usable bundled config (${why}); build it with functions/probe/build.ts or the CDK app`);
    this.name = 'MissingEmbeddedConfigError';
  }
}

/**
 * Decodes the payload and applies defaults. CA certificates are written to
 * `caDir` (the Lambda's /tmp) once, because the transport trusts CA *files*.
 */
export function readEmbeddedConfig(text: string | undefined, caDir = join(tmpdir(), 'vantage-ca')): ResolvedConfig {
  if (!text) throw new MissingEmbeddedConfigError('none embedded');
  let payload: EmbeddedConfig;
  try {
    payload = JSON.parse(text) as EmbeddedConfig;
  } catch {
    throw new MissingEmbeddedConfigError('not JSON');
  }
  if (payload?.format !== EMBEDDED_CONFIG_FORMAT) throw new MissingEmbeddedConfigError(`format ${String(payload?.format)}, expected ${EMBEDDED_CONFIG_FORMAT}`);
  const pems = Object.entries(payload.caCertificates ?? {});
  if (pems.length > 0) {
    mkdirSync(caDir, { recursive: true });
    for (const [name, pem] of pems) writeFileSync(join(caDir, name), pem);
  }
  const loaded: LoadedConfig = { input: payload.input, file: payload.source, baseDir: caDir };
  return applyDefaults(loaded);
}
