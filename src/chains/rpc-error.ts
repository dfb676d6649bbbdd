// The error a JSON body carries: a JSON-RPC error object ({code, message,
// data}) or the bare string some servers and proxies send ({"error": "…"}).
// Read wherever one may appear (a 2xx JSON-RPC answer, a 500 from bitcoind or
// CometBFT, a 429 from a gateway), its text cleaned as node text.
import { nodeText, quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { isRecord } from './json-value.ts';

export interface RpcError {
  /** The JSON-RPC error code; null when the error has no numeric code (then it is no JSON-RPC error object). */
  readonly code: number | null;
  /** The node's message, cleaned (nodeText). */
  readonly message: string;
  /** `data` as the node sent it (e.g. Solana's numSlotsBehind); quoted only through rpcErrorText (when it is text). */
  readonly data: unknown;
}

/** The body's `error` member, or null when it has none (absent or null, as JSON-RPC 1.0 sends with a result). */
export function rpcErrorOf(body: unknown): RpcError | null {
  if (!isRecord(body)) return null;
  const error = body['error'];
  if (error === undefined || error === null) return null;
  if (typeof error === 'string') return { code: null, message: nodeText(error), data: undefined };
  if (!isRecord(error)) return { code: null, message: quote(error), data: undefined };
  const code = typeof error['code'] === 'number' && Number.isFinite(error['code']) ? error['code'] : null;
  const message = typeof error['message'] === 'string' ? nodeText(error['message']) : quote(error);
  return { code, message, data: error['data'] };
}

/** The error's message with its `data` when that is text: at most one node text's length in all. */
export function rpcErrorText(error: RpcError): string {
  const data = typeof error.data === 'string' ? nodeText(error.data) : '';
  return data === '' ? error.message : nodeText(`${error.message} (${data})`);
}

/**
 * The reason for an error in a 2xx answer: rpc_error when it is a JSON-RPC
 * error object (a numeric code), invalid_response for anything else.
 */
export function answeredErrorReason(what: string, error: RpcError): Reason {
  return error.code === null
    ? reason('invalid_response', `${what}: error without a numeric code (not a JSON-RPC error object): ${rpcErrorText(error)}`)
    : reason('rpc_error', `${what} returned error ${error.code}: ${rpcErrorText(error)}`);
}
