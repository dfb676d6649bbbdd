// JSON-RPC over the probe's HTTP session (2.0 for EVM/Substrate/Solana, 1.0
// for Bitcoin). An error object is rpc_error; a body without result or error
// is invalid_response. Non-2xx bodies are read too: bitcoind answers RPC
// errors with HTTP 500 and a JSON-RPC error.
import { clip } from '../config/redactor.ts';
import type { HttpSession } from '../probe/http-session.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { httpStatusReason, isRecord, parseJsonBody, snippet } from './http-json-response.ts';

export interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

export type RpcOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly reason: Reason; readonly error: RpcError | null; readonly status: number | null };

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
  const parsed = parseJsonBody(outcome, method);
  const httpBad = httpStatusReason(outcome, method);
  if (!parsed.ok || !isRecord(parsed.value)) {
    const why = httpBad ?? (parsed.ok ? reason('invalid_response', `${method}: response is not a JSON-RPC object: ${snippet(outcome.body)}`) : parsed.reason);
    return { ok: false, reason: why, error: null, status: outcome.status };
  }
  const message = parsed.value;
  const error = message['error'];
  if (error !== undefined && error !== null) {
    const rpcError = toRpcError(error);
    return { ok: false, reason: reason('rpc_error', `${method} returned error ${rpcError.code}: ${rpcError.message}`), error: rpcError, status: outcome.status };
  }
  if (httpBad) return { ok: false, reason: httpBad, error: null, status: outcome.status };
  if (!('result' in message)) {
    return { ok: false, reason: reason('invalid_response', `${method}: JSON-RPC response has neither result nor error`), error: null, status: outcome.status };
  }
  return { ok: true, result: message['result'] };
}

function toRpcError(error: unknown): RpcError {
  if (isRecord(error)) {
    const code = typeof error['code'] === 'number' ? error['code'] : 0;
    const text = typeof error['message'] === 'string' ? error['message'] : JSON.stringify(error);
    return { code, message: clip(text, 200), data: error['data'] };
  }
  return { code: 0, message: clip(String(error), 200) };
}

