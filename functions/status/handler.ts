// The central status Lambda, every minute (EventBridge). Thin: the status
// view of the config (ids, titles, regions: no URLs or credentials) was made
// and embedded at build time; everything else is in status-handler.ts.
import { embeddedViewText, readEmbeddedView } from '../common/embedded-status-view.ts';
import { createStatusHandler } from './status-handler.ts';

export const handler = createStatusHandler({ view: readEmbeddedView(embeddedViewText()) });
