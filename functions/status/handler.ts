// The central status Lambda, every minute (EventBridge). Thin: the status
// view of the config (ids, titles, regions: no URLs or credentials) was made
// and embedded at build time, and is decoded at the first invocation, inside
// the handler, so even that failure logs one redacted line.
import { embeddedViewText, readEmbeddedView } from '../common/embedded-status-view.ts';
import { createStatusHandler } from './status-handler.ts';

export const handler = createStatusHandler({ view: () => readEmbeddedView(embeddedViewText()) });
