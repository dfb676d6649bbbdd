// The central status Lambda, every minute (EventBridge). Thin: the config was
// validated and embedded at build time (like the probe function's) and is
// decoded at the first invocation, inside the handler, so even that failure
// logs one redacted line.
import { embeddedConfigText, readEmbeddedConfig } from '../common/embedded-config.ts';
import { createStatusHandler } from './status-handler.ts';

export const handler = createStatusHandler({ config: () => readEmbeddedConfig(embeddedConfigText()) });
