// The JSON logger of both Lambdas: Powertools Logger with the Lambda context,
// every string of every line passed through the current Redactor (secret
// values in all their encodings). The probe swaps in a new Redactor each time
// it has resolved its secrets; the status function has none to hide.
import { Logger } from '@aws-lambda-powertools/logger';
import { Redactor } from '../../src/config/redactor.ts';

export interface Redaction {
  current: Redactor;
}

export interface FunctionLogger {
  readonly logger: Logger;
  readonly redaction: Redaction;
}

export function functionLogger(serviceName: string): FunctionLogger {
  const redaction: Redaction = { current: new Redactor() };
  const logger = new Logger({
    serviceName,
    jsonReplacerFn: (_key, value) => (typeof value === 'string' ? redaction.current.redact(value) : value),
  });
  return { logger, redaction };
}
