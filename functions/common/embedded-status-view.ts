// The status view (src/status/status-view.ts) as it travels inside the
// status function's bundle: made from the validated config at build time
// (statusBundleDefine in bundle-config.ts), read at cold start. The config
// itself is not embedded: the status function never holds a URL or a
// credential.
import type { StatusView } from '../../src/status/status-view.ts';

/** Global the bundle's `define` fills with the payload's JSON text. */
export const EMBEDDED_VIEW_GLOBAL = '__VANTAGE_STATUS_VIEW__';

export const EMBEDDED_VIEW_FORMAT = 1;

export interface EmbeddedStatusView {
  readonly format: typeof EMBEDDED_VIEW_FORMAT;
  readonly view: StatusView;
}

declare global {
  // eslint-disable-next-line no-var
  var __VANTAGE_STATUS_VIEW__: string | undefined;
}

/** The payload's JSON text: replaced by esbuild's define in a bundle, set by tests when running from source. */
export function embeddedViewText(): string | undefined {
  return globalThis.__VANTAGE_STATUS_VIEW__;
}

export class MissingEmbeddedViewError extends Error {
  constructor(why: string) {
    super(`status function has no usable bundled status view (${why}); build it with the CDK app`);
    this.name = 'MissingEmbeddedViewError';
  }
}

export function readEmbeddedView(text: string | undefined): StatusView {
  if (!text) throw new MissingEmbeddedViewError('none embedded');
  let payload: EmbeddedStatusView;
  try {
    payload = JSON.parse(text) as EmbeddedStatusView;
  } catch {
    throw new MissingEmbeddedViewError('not JSON');
  }
  if (payload?.format !== EMBEDDED_VIEW_FORMAT) throw new MissingEmbeddedViewError(`format ${String(payload?.format)}, expected ${EMBEDDED_VIEW_FORMAT}`);
  return payload.view;
}
