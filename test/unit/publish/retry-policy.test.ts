import { describe, expect, it } from 'vitest';
import { BACKOFF, backoffMs, describeError, isRetryable } from '../../../src/publish/retry-policy.ts';

// Error shapes as the AWS SDK v3 raises them (captured from @aws-sdk/client-cloudwatch against the local double).
const sdkError = (name: string, status: number | undefined, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('x'), { name, $metadata: status === undefined ? {} : { httpStatusCode: status }, ...extra });

describe('isRetryable', () => {
  it('retries throttling, whatever status it comes with', () => {
    expect(isRetryable(sdkError('Throttling', 400, { Code: 'Throttling' }))).toBe(true);
    expect(isRetryable(sdkError('ThrottlingException', 400))).toBe(true);
    expect(isRetryable(sdkError('Whatever', 429))).toBe(true);
  });

  it('retries 5xx answers', () => {
    expect(isRetryable(sdkError('InternalServiceFault', 500, { Code: 'InternalServiceError' }))).toBe(true);
    expect(isRetryable(sdkError('ServiceUnavailable', 503))).toBe(true);
  });

  it('retries a connection dropped before any answer (the SDK calls it TimeoutError)', () => {
    expect(isRetryable(sdkError('TimeoutError', undefined, { code: 'ECONNRESET' }))).toBe(true);
  });

  it('does not retry other 4xx answers, a request that went quiet, or our own deadline', () => {
    expect(isRetryable(sdkError('InvalidParameterValueException', 400, { Code: 'InvalidParameterValue' }))).toBe(false);
    expect(isRetryable(sdkError('AccessDenied', 403))).toBe(false);
    expect(isRetryable(sdkError('TimeoutError', undefined))).toBe(false);
    expect(isRetryable(sdkError('AbortError', undefined))).toBe(false);
  });
});

describe('backoffMs', () => {
  it('draws uniformly below an exponentially growing cap (full jitter)', () => {
    expect(backoffMs(0, () => 0.999)).toBe(99);
    expect(backoffMs(3, () => 0.5)).toBe(400);
    expect(backoffMs(10, () => 0.999)).toBe(BACKOFF.capMs - 2);
    expect(backoffMs(2, () => 0)).toBe(0);
  });
});

describe('describeError', () => {
  it('gives code, status and first message line', () => {
    expect(describeError(sdkError('InternalServiceFault', 500, { Code: 'InternalServiceError', message: 'Internal service error\nmore' }))).toBe('InternalServiceError (HTTP 500): Internal service error');
    expect(describeError(sdkError('TimeoutError', undefined, { code: 'ECONNRESET', message: 'socket hang up' }))).toBe('TimeoutError ECONNRESET: socket hang up');
  });
});
