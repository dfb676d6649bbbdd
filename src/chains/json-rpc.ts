// JSON-RPC over the probe's HTTP session (2.0 for EVM/Substrate/Solana, 1.0
// for Bitcoin). HTTP status first (DESIGN.md, "Precise rules"): a non-2xx
// answer is http_error whatever its body, quoting the JSON-RPC error it
// carries (bitcoind answers RPC errors with HTTP 500); rpc_error is a 2xx
// answer with an error object whose code is a number. Any other error, or a
// body without result or error, is invalid_response.
import type { HttpSession } from '../probe/http-session.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { httpStatusReason, isSuccess, parseJsonBody, parseQuietly, snippet } from './json-response.ts';
import { isRecord } from './json-value.ts';
import { answeredErrorReason, rpcErrorOf, type RpcError } from './rpc-error.ts';

export type RpcOutcome =
  | { readonly ok: true; readonly result: unknown }
  | {
    readonly ok: false;
    readonly reason: Reason;
    /** The error the body carried, whatever the HTTP status (adapters add hints by its code); null when none. */
    readonly error: RpcError | null;
    /** HTTP status; null when no answer came. */
    readonly status: number | null;
  };

export interface RpcOptions {
  readonly version?: '1.0' | '2.0';
  readonly withoutEndpointHeaders?: boolean;
}

let nextId = 1;

export async function jsonRpc(http: HttpSession, method: string, params: unknown[] = [], options: RpcOptions = {}): Promise<RpcOutcome> {
  const id = nextId++;
  const body = JSON.stringify({ jsonrpc: options.version ?? '2.0', id, method, params });
  const outcome = await http.request({ method: 'POST', body, withoutEndpointHeaders: options.withoutEndpointHeaders });
  if (!outcome.ok) return { ok: false, reason: outcome.reason, error: null, status: null };
  const { status } = outcome;
  if (!isSuccess(status)) {
    const value = parseQuietly(outcome.body);
    return { ok: false, reason: httpStatusReason(outcome, method, { value })!, error: rpcErrorOf(value), status };
  }
  const parsed = parseJsonBody(outcome, method);
  if (!parsed.ok) return { ok: false, reason: parsed.reason, error: null, status };
  if (!isRecord(parsed.value)) {
    return { ok: false, reason: reason('invalid_response', `${method}: response is not a JSON-RPC object: ${snippet(outcome.body)}`), error: null, status };
  }
  const error = rpcErrorOf(parsed.value);
  if (error) return { ok: false, reason: answeredErrorReason(method, error), error, status };
  if (!('result' in parsed.value)) {
    return { ok: false, reason: reason('invalid_response', `${method}: JSON-RPC response has neither result nor error`), error: null, status };
  }
  return { ok: true, result: parsed.value['result'] };
}
