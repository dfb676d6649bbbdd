// Which failed calls are worth repeating, and how long to wait first.
// Retried: throttling and server-side failures (5xx, or the connection
// dropped before any answer, which is the same failure seen from the client).
// Never retried: other 4xx (validation, auth: the same request fails the same
// way) and our own deadline. Hand-written because the SDK's classifiers live
// in a transitive package (@smithy/core) that is not ours to import.

/** Error codes AWS uses for throttling (CloudWatch answers `Throttling`). */
const THROTTLING_CODES = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'RequestLimitExceeded', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete', 'LimitExceededException',
]);

/** Node socket errors that mean "no answer arrived" (the SDK names them TimeoutError). */
const DROPPED_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ETIMEDOUT', 'UND_ERR_SOCKET']);

interface SdkErrorShape {
  readonly name?: string;
  readonly code?: string;
  readonly Code?: string;
  readonly message?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: { readonly throttling?: boolean };
  readonly cause?: unknown;
}

function isThrottling(error: unknown): boolean {
  const e = (error ?? {}) as SdkErrorShape;
  return e.$metadata?.httpStatusCode === 429 || THROTTLING_CODES.has(e.name ?? '') || THROTTLING_CODES.has(e.Code ?? '') || e.$retryable?.throttling === true;
}

export function isRetryable(error: unknown): boolean {
  const e = (error ?? {}) as SdkErrorShape;
  // Our own deadline; a request that merely went quiet (TimeoutError without a
  // dropped-connection code) would most likely hang again and eat the deadline.
  if (e.name === 'AbortError') return false;
  if (isThrottling(error)) return true;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  return DROPPED_CONNECTION_CODES.has(e.code ?? '') || DROPPED_CONNECTION_CODES.has((e.cause as SdkErrorShape | undefined)?.code ?? '');
}

export const BACKOFF = {
  baseMs: 100,
  capMs: 2_000,
  /** Attempts per request, first one included; the deadline usually ends retries sooner. */
  maxAttempts: 5,
} as const;

/** "Full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"): uniform in [0, min(cap, base·2^retry)). */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** retry));
}

/** One line for logs: `Throttling (HTTP 400): Rate exceeded`. */
export function describeError(error: unknown): string {
  const e = (error ?? {}) as SdkErrorShape;
  const name = e.Code ?? e.name ?? 'Error';
  const status = e.$metadata?.httpStatusCode;
  const message = (e.message ?? String(error)).split('\n')[0];
  const code = e.code && e.code !== name ? ` ${e.code}` : '';
  return `${name}${code}${status ? ` (HTTP ${status})` : ''}: ${message}`;
}
