// Build-time side of the bundles: validates the config and turns it into the
// esbuild `define` that embeds it (the probe: the config; the status
// function: only its status view), plus the esbuild options that
// functions/probe/build.ts and the CDK NodejsFunction (infra/) both use, so
// the bundle tested here is the bundle deployed.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { BuildOptions } from 'esbuild';
import { ConfigError, formatPath, type ConfigProblem } from '../../src/config/config-error.ts';
import { loadConfigFile } from '../../src/config/load.ts';
import { applyDefaults } from '../../src/config/resolved-config.ts';
import type { ConfigInput } from '../../src/config/schema.ts';
import { statusView } from '../../src/status/status-view.ts';
import { EMBEDDED_CONFIG_FORMAT, EMBEDDED_CONFIG_GLOBAL, type EmbeddedConfig } from './embedded-config.ts';
import { EMBEDDED_VIEW_FORMAT, EMBEDDED_VIEW_GLOBAL, type EmbeddedStatusView } from './embedded-status-view.ts';

/** Handler entry, relative to the repository root. */
export const PROBE_ENTRY = 'functions/probe/handler.ts';

/**
 * esbuild options shared by build.ts and NodejsFunction (map: format → OutputFormat.ESM,
 * target, minify, sourcemap → sourceMap + sourceMapMode EXTERNAL, banner.js → banner,
 * external → externalModules (and bundleAwsSDK: true), mainFields, alias → esbuildArgs
 * '--alias:<name>'). See docs/lambda.md for why the AWS SDK is bundled.
 */
export const PROBE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  minify: true,
  // External map file: the JS stays small to parse; set NODE_OPTIONS=--enable-source-maps to use it.
  sourcemap: 'external',
  // Prefer ESM builds of dependencies (tree-shaking); CommonJS-only ones get a real `require`.
  mainFields: ['module', 'main'],
  banner: { js: "import { createRequire as __vantageCreateRequire } from 'node:module'; const require = __vantageCreateRequire(import.meta.url);" },
  // The AWS SDK is bundled, not taken from the runtime: pinned, tree-shaken, and faster to load (docs/lambda.md).
  external: [] as string[],
  // Module stand-ins (NodejsFunction: esbuildArgs { '--alias:<name>': path }); none needed since
  // the probe speaks HTTP/1.1 itself (src/probe/http-session.ts) instead of through undici.
  alias: {} as Record<string, string>,
  define: {} as Record<string, string>,
  legalComments: 'none',
} as const satisfies BuildOptions;

/**
 * Validates `configFile` (throws ConfigError naming the file and config path)
 * and returns the esbuild `define` that embeds it. The value is a JSON string
 * literal: JSON.parse at cold start is faster than an object literal.
 * Note: NodejsFunction passes defines on a command line, where one argument
 * is capped at 128 KiB (Linux MAX_ARG_STRLEN); the payload is the config as
 * written, not defaults-expanded, to stay far below it.
 */
export function probeBundleDefine(configFile: string): Record<string, string> {
  return { [`globalThis.${EMBEDDED_CONFIG_GLOBAL}`]: JSON.stringify(JSON.stringify(embedConfig(configFile))) };
}

/** The payload itself: the config as written, CA files inlined. */
function embedConfig(configFile: string): EmbeddedConfig {
  const loaded = loadConfigFile(configFile);
  const resolved = applyDefaults(loaded);
  const input = structuredClone(loaded.input) as ConfigInput;
  const caCertificates: Record<string, string> = {};
  const problems: ConfigProblem[] = [];
  resolved.networks.forEach((network, n) => {
    network.endpoints.forEach((endpoint, e) => {
      if (!endpoint.tls.caFile) return;
      const path = formatPath(['networks', n, 'endpoints', e, 'tls', 'caFile']);
      const pem = readFileSync(endpoint.tls.caFile, 'utf8');
      if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
        problems.push({ path, message: `"${basename(endpoint.tls.caFile)}" holds no PEM certificate (-----BEGIN CERTIFICATE-----)` });
        return;
      }
      const name = `${createHash('sha256').update(pem).digest('hex')}.pem`;
      caCertificates[name] = pem;
      const target = input.networks[n]!.endpoints[e]! as { tls?: { caFile?: string } };
      target.tls!.caFile = name;
    });
  });
  if (problems.length > 0) throw new ConfigError(problems, configFile);
  return { format: EMBEDDED_CONFIG_FORMAT, source: basename(configFile), input, caCertificates };
}

/**
 * Validates `configFile` (throws ConfigError) and returns the `define` that
 * embeds its status view (ids, titles, regions) in the status function: what
 * the page renders, and nothing that could hold a URL or a credential.
 */
export function statusBundleDefine(configFile: string): Record<string, string> {
  const payload: EmbeddedStatusView = { format: EMBEDDED_VIEW_FORMAT, view: statusView(applyDefaults(loadConfigFile(configFile))) };
  return { [`globalThis.${EMBEDDED_VIEW_GLOBAL}`]: JSON.stringify(JSON.stringify(payload)) };
}
