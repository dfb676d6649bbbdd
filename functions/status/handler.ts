// The central status Lambda, every minute (EventBridge). Thin: the config
// was validated and embedded at build time (like the probe function's);
// everything else is in status-handler.ts.
import { embeddedConfigText, readEmbeddedConfig } from '../common/embedded-config.ts';
import { createStatusHandler } from './status-handler.ts';

export const handler = createStatusHandler({ config: readEmbeddedConfig(embeddedConfigText()) });
