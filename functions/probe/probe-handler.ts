// The probe Lambda's handler, built from its dependencies so tests run the
// same code against local endpoints. middy around one job (probe-run.ts):
// the setup made once, inside the first invocation (probe-setup.ts); the
// Lambda context on every log line; one redacted line for any failure, cold
// start included (functions/common/error-logger.ts); a backstop before the
// Lambda timeout.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { coldStart } from '../common/cold-start.ts';
import { errorLogger } from '../common/error-logger.ts';
import { functionLogger } from '../common/function-logger.ts';
import { probeSetup, type ProbeSetupOptions } from './probe-setup.ts';
import { runProbe, type ProbeRunSummary } from './probe-run.ts';

export type ProbeHandlerOptions = ProbeSetupOptions;
export type { ProbeRunSummary } from './probe-run.ts';

/** middy's last resort, should the publish deadline ever fail to hold. */
const BACKSTOP_MS = 100;

export function createProbeHandler(options: ProbeHandlerOptions) {
  const { logger, redaction } = functionLogger('vantage-probe');
  const setup = coldStart(() => probeSetup(options, logger));
  const run = (event: unknown, context: Context, { signal }: { signal: AbortSignal }): Promise<ProbeRunSummary> =>
    runProbe({ setup: setup(), logger, redaction }, event, context, signal);

  return middy(run, {
    timeoutEarlyInMillis: BACKSTOP_MS,
    timeoutEarlyResponse: () => {
      logger.error('invocation reached the Lambda timeout before the run finished; its metrics were not published');
      return null;
    },
  })
    .use(injectLambdaContext(logger))
    .use(errorLogger({ logger, redact: (text) => redaction.current.redact(text), message: 'probe invocation failed' }));
}
