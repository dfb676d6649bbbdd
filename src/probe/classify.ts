// Maps a failed HTTP exchange to a reason code, by error code (undici's
// UND_ERR_*, llhttp's HPE_*, errno), never by message text.
import { errors } from 'undici';
import { nodeText } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';

export interface RequestContext {
  /** The probe's signal fired: the deadline, not the server, ended it. */
  readonly aborted: boolean;
  readonly gotHeaders: boolean;
  readonly deadlineWords: string;
  readonly maxResponseBytes: number;
}

export function classifyRequestError(err: unknown, ctx: RequestContext): Reason {
  const carried = (err as { vantageReason?: Reason } | null)?.vantageReason;
  if (carried) return carried;
  const code = errorCode(err);
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return reason('response_too_large', `response body exceeds maxResponseBytes ${ctx.maxResponseBytes}`);
  }
  if (ctx.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return ctx.gotHeaders
      ? reason('timeout', `response headers arrived, but the body did not complete ${ctx.deadlineWords} (slow or stalled)`)
      : reason('timeout', `connected, but no HTTP response ${ctx.deadlineWords}`);
  }
  if (code.startsWith('HPE_')) return reason('http_error', `malformed HTTP response (${code})`);
  // undici leaves `code` unset when llhttp's error number has no name; the
  // class is the stable part, and llhttp's reason says what was wrong.
  if (err instanceof errors.HTTPParserError) {
    const why = /\(([^)]*)\)$/.exec(err.message)?.[1];
    return reason('http_error', `malformed HTTP response${why ? ` (${nodeText(why)})` : ''}`);
  }
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') {
    return reason('http_error', `the server closed the connection before a complete response (${code})`);
  }
  if (code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') return reason('http_error', 'response body shorter or longer than its Content-Length');
  // An error's text may quote what the server sent: node text.
  const text = nodeText(err instanceof Error ? err.message.split('\n')[0]! : String(err));
  return reason('http_error', `request failed: ${text}${code ? ` (${nodeText(code)})` : ''}`);
}

function errorCode(err: unknown): string {
  if (err && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const cause = (err as { cause?: unknown }).cause;
    if (cause && cause !== err) return errorCode(cause);
  }
  return '';
}
