// JSON-RPC over the probe's session: HTTP (2.0 for EVM/Substrate/Solana, 1.0
// for Bitcoin), or text frames over a WebSocket. HTTP status first
// (DESIGN.md, "Precise rules"): a non-2xx answer is http_error whatever its
// body, quoting the JSON-RPC error it carries (bitcoind answers RPC errors
// with HTTP 500); rpc_error is a 2xx answer (or a WebSocket message) with an
// error object whose code is a number. Any other error, or a body without
// result or error, is invalid_response.
import type { HttpSession } from '../probe/http-session.ts';
import type { ProbeSession } from '../probe/probe-session.ts';
import { WebSocketSession } from '../probe/websocket-session.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { httpStatusReason, isSuccess, parseJsonBytes, parseQuietly, snippet } from './json-response.ts';
import { isRecord } from './json-value.ts';
import { answeredErrorReason, rpcErrorOf, type RpcError } from './rpc-error.ts';

export type RpcOutcome =
  | { readonly ok: true; readonly result: unknown }
  | {
    readonly ok: false;
    readonly reason: Reason;
    /** The error the body carried, whatever the HTTP status (adapters add hints by its code); null when none. */
    readonly error: RpcError | null;
    /** HTTP status; null when no answer came, or the answer was a WebSocket message. */
    readonly status: number | null;
  };

export interface RpcOptions {
  readonly version?: '1.0' | '2.0';
  readonly withoutEndpointHeaders?: boolean;
}

let nextId = 1;

export async function jsonRpc(session: ProbeSession, method: string, params: unknown[] = [], options: RpcOptions = {}): Promise<RpcOutcome> {
  const id = nextId++;
  const body = JSON.stringify({ jsonrpc: options.version ?? '2.0', id, method, params });
  if (session instanceof WebSocketSession) {
    // Endpoint headers went with the upgrade request; a frame carries none to leave out.
    const answer = await session.call(id, body, method);
    if (!answer.ok) return { ok: false, reason: answer.reason, error: null, status: null };
    return readAnswer(method, answer.body, null, null);
  }
  return overHttp(session, method, body, options);
}

async function overHttp(http: HttpSession, method: string, body: string, options: RpcOptions): Promise<RpcOutcome> {
  const outcome = await http.request({ method: 'POST', body, withoutEndpointHeaders: options.withoutEndpointHeaders });
  if (!outcome.ok) return { ok: false, reason: outcome.reason, error: null, status: null };
  const { status } = outcome;
  if (!isSuccess(status)) {
    const value = parseQuietly(outcome.body);
    return { ok: false, reason: httpStatusReason(outcome, method, { value })!, error: rpcErrorOf(value), status };
  }
  const type = outcome.headers['content-type'];
  return readAnswer(method, outcome.body, status, type === undefined ? null : String(type));
}

/** A successful transport answer (a 2xx body, or a WebSocket message) read as a JSON-RPC response. */
function readAnswer(method: string, body: Buffer, status: number | null, contentType: string | null): RpcOutcome {
  const parsed = parseJsonBytes(body, contentType, method);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, error: null, status };
  const { value } = parsed;
  if (!isRecord(value)) {
    return { ok: false, reason: reason('invalid_response', `${method}: response is not a JSON-RPC object: ${snippet(body)}`), error: null, status };
  }
  const error = rpcErrorOf(value);
  if (error) return { ok: false, reason: answeredErrorReason(method, error), error, status };
  if (!('result' in value)) {
    return { ok: false, reason: reason('invalid_response', `${method}: JSON-RPC response has neither result nor error`), error: null, status };
  }
  return { ok: true, result: value['result'] };
}
