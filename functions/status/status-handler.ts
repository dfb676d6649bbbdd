// The central status function's handler, built from its dependencies so tests
// run the same code against the local AWS double. middy around one job
// (status-feed-job.ts): the setup made once, inside the first invocation
// (status-setup.ts); the Lambda context on every log line; one redacted line
// for any failure, cold start included (functions/common/error-logger.ts);
// an early stop that keeps the previous feed in place.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { coldStart } from '../common/cold-start.ts';
import { errorLogger } from '../common/error-logger.ts';
import { functionLogger } from '../common/function-logger.ts';
import { runStatusFeed, type StatusRunSummary } from './status-feed-job.ts';
import { statusSetup, type StatusSetupOptions } from './status-setup.ts';

export type StatusHandlerOptions = StatusSetupOptions;
export type { StatusRunSummary } from './status-feed-job.ts';
export { StatusConfigError } from './status-setup.ts';

/** middy's abort signal fires this long before the Lambda timeout. */
const EARLY_MS = 2_000;

export function createStatusHandler(options: StatusHandlerOptions) {
  const { logger, redaction } = functionLogger('vantage-status');
  const setup = coldStart(() => statusSetup(options));

  const run = async (_event: unknown, _context: Context, { signal }: { signal: AbortSignal }): Promise<StatusRunSummary> => {
    const { summary, historyReads } = await runStatusFeed(setup(), signal);
    if (summary.warnings.length) logger.warn('status feed written without some data', { warnings: summary.warnings });
    logger.info('status feed written', { ...summary, historyCalls: historyReads });
    return summary;
  };

  return middy(run, {
    timeoutEarlyInMillis: EARLY_MS,
    timeoutEarlyResponse: () => {
      logger.error('status function ran out of time; the previous feed stays in place');
      return null;
    },
  })
    .use(injectLambdaContext(logger))
    .use(errorLogger({ logger, redact: (text) => redaction.current.redact(text), message: 'status invocation failed' }));
}
