// Turns one answer of a family's height call (block arrival watch) into a
// height or the reason there is none: the same strict parsing, HTTP status
// first and node-text rules as the regular read.
import { reason } from '../report/reasons.ts';
import type { HeightAnswer } from './adapter.ts';
import type { Parsed } from './node-numbers.ts';
import type { RpcOutcome } from './json-rpc.ts';

/** A parsed height, or invalid_response naming the call. */
export function heightAnswer(parsed: Parsed, call: string): HeightAnswer {
  return parsed.ok ? { ok: true, height: parsed.value } : { ok: false, reason: reason('invalid_response', `${call}: ${parsed.message}`) };
}

/** A JSON-RPC height call's result through `parse`. */
export function rpcHeightAnswer(outcome: RpcOutcome, parse: (raw: unknown, what: string) => Parsed, call: string): HeightAnswer {
  if (!outcome.ok) return { ok: false, reason: outcome.reason };
  return heightAnswer(parse(outcome.result, 'height'), call);
}
