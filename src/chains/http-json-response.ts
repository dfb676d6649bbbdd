// Turns a completed HTTP exchange into parsed JSON or the reason it is not:
// redirects and non-2xx are http_error, a body that is not JSON is
// invalid_response. Shared by every adapter.
import { clip, CLIP_MARK } from '../config/redactor.ts';
import type { HttpOutcome } from '../probe/http-session.ts';
import { reason, type Reason } from '../report/reasons.ts';

export type JsonOutcome = { readonly ok: true; readonly value: unknown; readonly status: number } | { readonly ok: false; readonly reason: Reason; readonly status: number | null };

const SNIPPET = 80;
const SNIPPET_BYTES = SNIPPET * 4;
/** Characters of a redirect's Location quoted in a message. */
const LOCATION = 120;

/** The start of a body for a message, clipped with the mark the Redactor looks for. */
export function snippet(body: Buffer): string {
  const text = body.subarray(0, SNIPPET_BYTES).toString('utf8').replace(/\s+/g, ' ').trim();
  return body.length > SNIPPET_BYTES && text.length <= SNIPPET ? `${text}${CLIP_MARK}` : clip(text, SNIPPET);
}

export function httpStatusReason(outcome: Extract<HttpOutcome, { ok: true }>, what: string): Reason | null {
  const { status } = outcome;
  if (status >= 200 && status < 300) return null;
  if (status >= 300 && status < 400) {
    const location = outcome.headers['location'];
    const to = Array.isArray(location) ? location[0] : location;
    return reason('http_error', `${what}: HTTP ${status} redirect to ${to === undefined ? '(no Location)' : clip(to, LOCATION)}; redirects are not followed, point the config at the final URL`);
  }
  const body = snippet(outcome.body);
  return reason('http_error', `${what}: HTTP ${status}${body ? ` (${body})` : ''}`);
}

export function parseJsonBody(outcome: Extract<HttpOutcome, { ok: true }>, what: string): JsonOutcome {
  try {
    return { ok: true, value: JSON.parse(outcome.body.toString('utf8')), status: outcome.status };
  } catch {
    const type = outcome.headers['content-type'];
    const body = snippet(outcome.body);
    return {
      ok: false,
      status: outcome.status,
      reason: reason('invalid_response', `${what}: body is not JSON${type ? ` (content-type ${String(type)})` : ''}${body ? `: ${body}` : ' (empty)'}`),
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

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
