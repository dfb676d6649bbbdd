// The scheduled probe Lambda (EventBridge input { "shard": i, "of": N }, or
// none for the whole run). Thin: the config was validated and embedded at
// build time (functions/common/bundle-config.ts) and is decoded at the first
// invocation, inside the handler, so even that failure logs one redacted line.
import { embeddedConfigText, readEmbeddedConfig } from '../common/embedded-config.ts';
import { createProbeHandler } from './probe-handler.ts';

export const handler = createProbeHandler({ config: () => readEmbeddedConfig(embeddedConfigText()) });
