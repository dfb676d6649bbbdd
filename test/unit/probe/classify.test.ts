// Request failures are classified by error code, never by message text.
import { describe, expect, it } from 'vitest';
import { classifyRequestError, type RequestContext } from '../../../src/probe/classify.ts';
import { reason } from '../../../src/report/reasons.ts';

const ctx = (extra: Partial<RequestContext> = {}): RequestContext => ({ aborted: false, gotHeaders: false, deadlineWords: 'within 5000 ms', maxResponseBytes: 1024, ...extra });
const err = (code: string, message = 'whatever the library says') => Object.assign(new Error(message), { code });

describe('classifyRequestError', () => {
  it('a size overrun is response_too_large', () => {
    expect(classifyRequestError(err('UND_ERR_RES_EXCEEDED_MAX_SIZE'), ctx())).toEqual(reason('response_too_large', 'response body exceeds maxResponseBytes 1024'));
  });

  it('the deadline is timeout, worded by whether headers had arrived', () => {
    expect(classifyRequestError(err('UND_ERR_ABORTED'), ctx({ aborted: true }))).toEqual(reason('timeout', 'connected, but no HTTP response within 5000 ms'));
    expect(classifyRequestError(err('UND_ERR_ABORTED'), ctx({ aborted: true, gotHeaders: true })).message).toBe(
      'response headers arrived, but the body did not complete within 5000 ms (slow or stalled)',
    );
  });

  it('a malformed response or a hang-up is http_error, with the code', () => {
    expect(classifyRequestError(err('HPE_INVALID_CONSTANT'), ctx())).toEqual(reason('http_error', 'malformed HTTP response (HPE_INVALID_CONSTANT)'));
    expect(classifyRequestError(err('UND_ERR_SOCKET'), ctx()).message).toBe('the server closed the connection before a complete response (UND_ERR_SOCKET)');
  });

  it('finds the code on a wrapped cause', () => {
    const wrapped = Object.assign(new Error('fetch failed'), { cause: err('ECONNRESET') });
    expect(classifyRequestError(wrapped, ctx()).code).toBe('http_error');
    expect(classifyRequestError(wrapped, ctx()).message).toContain('ECONNRESET');
  });

  it('keeps a reason the transport attached (a reconnect that failed)', () => {
    const carried = Object.assign(new Error('x'), { vantageReason: reason('connect_refused', 'connection refused by h:1') });
    expect(classifyRequestError(carried, ctx())).toEqual(reason('connect_refused', 'connection refused by h:1'));
  });
});
