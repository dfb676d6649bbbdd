// Turns a completed HTTP exchange into parsed JSON or the reason it is not.
// HTTP status first (DESIGN.md, "Precise rules"): a redirect or any other
// non-2xx answer is http_error whatever its body, quoting the error a JSON
// body carries; a 2xx body that is not JSON is invalid_response. Shared by
// every adapter. Everything quoted from the answer is node text.
import type { HttpOutcome } from '../probe/http-session.ts';
import { nodeText, nodeTextOfBytes } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { rpcErrorOf, rpcErrorText } from './rpc-error.ts';

export type JsonOutcome = { readonly ok: true; readonly value: unknown; readonly status: number } | { readonly ok: false; readonly reason: Reason; readonly status: number | null };

type Answer = Extract<HttpOutcome, { ok: true }>;

export const isSuccess = (status: number): boolean => status >= 200 && status < 300;

/** The start of a body for a message: clean node text, clipped with the mark the Redactor looks for. */
export function snippet(body: Buffer): string {
  return nodeTextOfBytes(body);
}

/**
 * null for a 2xx answer; otherwise the http_error: a redirect names its
 * Location, any other status quotes the error its JSON body carries
 * ("HTTP 500, error -28: Loading block index…") or else the body's start.
 * `parsed` is the body already parsed, where the caller has it.
 */
export function httpStatusReason(outcome: Answer, what: string, parsed?: { readonly value: unknown }): Reason | null {
  const { status } = outcome;
  if (isSuccess(status)) return null;
  if (status >= 300 && status < 400) {
    const location = outcome.headers['location'];
    const to = Array.isArray(location) ? location[0] : location;
    return reason('http_error', `${what}: HTTP ${status} redirect to ${to === undefined ? '(no Location)' : nodeText(to)}; redirects are not followed, point the config at the final URL`);
  }
  const error = rpcErrorOf(parsed ? parsed.value : parseQuietly(outcome.body));
  if (error) return reason('http_error', `${what}: HTTP ${status}${error.code === null ? '' : `, error ${error.code}`}: ${rpcErrorText(error)}`);
  const body = snippet(outcome.body);
  return reason('http_error', `${what}: HTTP ${status}${body ? ` (${body})` : ''}`);
}

export function parseJsonBody(outcome: Answer, what: string): JsonOutcome {
  const type = outcome.headers['content-type'];
  const parsed = parseJsonBytes(outcome.body, type === undefined ? null : String(type), what);
  return { ...parsed, status: outcome.status };
}

/** A body (an HTTP body, or a WebSocket message with no content type) as JSON, or invalid_response quoting its start. */
export function parseJsonBytes(bytes: Buffer, contentType: string | null, what: string): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: Reason } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) };
  } catch {
    const body = snippet(bytes);
    return {
      ok: false,
      reason: reason('invalid_response', `${what}: body is not JSON${contentType ? ` (content-type ${nodeText(contentType)})` : ''}${body ? `: ${body}` : ' (empty)'}`),
    };
  }
}

/** A 2xx JSON body, or the reason there is none. */
export function expectJson(outcome: HttpOutcome, what: string): JsonOutcome {
  if (!outcome.ok) return { ok: false, reason: outcome.reason, status: null };
  const bad = httpStatusReason(outcome, what);
  if (bad) return { ok: false, reason: bad, status: outcome.status };
  return parseJsonBody(outcome, what);
}

/** The body as JSON when it looks like a JSON object, else undefined (an error page is not parsed). */
export function parseQuietly(body: Buffer): unknown {
  let at = 0;
  while (at < body.length && (body[at] === 0x20 || body[at] === 0x0a || body[at] === 0x0d || body[at] === 0x09)) at++;
  if (body[at] !== 0x7b) return undefined; // '{'
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
