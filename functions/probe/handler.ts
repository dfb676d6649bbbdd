// The scheduled probe Lambda (EventBridge input { "shard": i, "of": N }, or
// none for the whole run). Thin: the config was validated and embedded at
// build time (bundle-config.ts); everything else is in probe-handler.ts.
import { embeddedConfigText, readEmbeddedConfig } from '../common/embedded-config.ts';
import { createProbeHandler } from './probe-handler.ts';

export const handler = createProbeHandler({ config: readEmbeddedConfig(embeddedConfigText()) });
