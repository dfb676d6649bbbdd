// middy's last word on a failed invocation, like @middy/error-logger with
// redaction: exactly one JSON line (the error's name, message and the place it
// was thrown, each through the current Redactor, no stack trace), then the
// error is swapped for one that carries only that redacted text, so the
// Lambda runtime's own "Invoke Error" record cannot quote a secret or a stack
// either. The invocation still fails (Lambda's Errors metric counts it).
import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import { clip } from '../../src/config/redactor.ts';

/** Room for a ConfigError listing several problems, not for a dump. */
const MAX_MESSAGE = 2_000;

export interface ErrorLoggerOptions {
  readonly logger: Logger;
  /** The current redaction (secret values registered so far). */
  readonly redact: (text: string) => string;
  /** The log line's message, e.g. "probe invocation failed". */
  readonly message: string;
}

/** What the runtime sees instead of the original error: the same name and the redacted message, nothing else. */
export class RedactedInvocationError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
    this.stack = `${name}: ${message}`;
  }
}

export function errorLogger(options: ErrorLoggerOptions): MiddlewareObj {
  return {
    onError(request) {
      const error = request.error;
      const name = error instanceof Error ? error.name : 'Error';
      const message = clip(options.redact(error instanceof Error ? error.message : String(error)), MAX_MESSAGE);
      const location = error instanceof Error ? thrownAt(error.stack) : null;
      options.logger.error(options.message, { error: { name, message, location: location && options.redact(location) } });
      request.error = new RedactedInvocationError(name, message);
    },
  };
}

/** `file:line:column` of the innermost stack frame (frames hold code positions, never values). */
function thrownAt(stack: string | undefined): string | null {
  const frame = stack?.split('\n').find((line) => /^\s+at /.test(line));
  const match = frame && /\(?([^\s()]+:\d+:\d+)\)?$/.exec(frame.trim());
  return match ? match[1]! : null;
}
