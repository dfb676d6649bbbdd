// Build-time side of the status bundle: validates the config and turns the
// status view of it (never the config itself) into the esbuild `define`
// that embeds it. Used by the CDK app (infra/constructs/status-function.ts).
import { loadConfigFile } from '../../src/config/load.ts';
import { applyDefaults } from '../../src/config/resolved-config.ts';
import { statusView } from '../../src/status/status-view.ts';
import { EMBEDDED_VIEW_FORMAT, EMBEDDED_VIEW_GLOBAL, type EmbeddedStatusView } from './embedded-view.ts';

/** Validates `configFile` (throws ConfigError) and returns the `define` embedding its status view as a JSON string literal. */
export function statusBundleDefine(configFile: string): Record<string, string> {
  const payload: EmbeddedStatusView = { format: EMBEDDED_VIEW_FORMAT, view: statusView(applyDefaults(loadConfigFile(configFile))) };
  return { [`globalThis.${EMBEDDED_VIEW_GLOBAL}`]: JSON.stringify(JSON.stringify(payload)) };
}
