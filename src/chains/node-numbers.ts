// Strict parsing of the numbers nodes send (heights, chain ids, timestamps):
// hex quantities (EVM, Substrate), decimal strings (CometBFT) and JSON numbers (Bitcoin,
// Algorand, Solana). Anything else is invalid_response, never a guess.
import { quote } from '../report/node-text.ts';

export type Parsed = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

const HEX = /^0x[0-9a-fA-F]+$/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** No height is longer (2^53 has 16 decimal digits): a longer string is never tested or converted, only quoted clipped. */
const MAX_NUMBER_CHARS = 24;

/** A raw value in a message: its JSON form, clean and clipped (quote), "undefined" where the field is absent. */
const show = (raw: unknown) => (raw === undefined ? 'undefined' : quote(raw));

const tooLong = (raw: string, what: string): Parsed => ({ ok: false, message: `${what} ${quote(raw)} is too long to be a number` });

function fromBigInt(digits: string, what: string): Parsed {
  if (BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: `${what} ${digits} is implausibly large` };
  return { ok: true, value: Number(digits) };
}

/** EVM/Substrate QUANTITY: 0x-prefixed hex. */
export function parseHexQuantity(raw: unknown, what = 'height'): Parsed {
  if (typeof raw === 'string' && raw.length > MAX_NUMBER_CHARS) return tooLong(raw, what);
  if (typeof raw !== 'string' || !HEX.test(raw)) return { ok: false, message: `${what} ${show(raw)} is not a hex quantity` };
  return fromBigInt(raw, what);
}

/** A height as EVM and Substrate take it in a request: 0x-prefixed hex. */
export const toHexQuantity = (n: number): string => `0x${n.toString(16)}`;

/** A non-negative integer sent as a JSON number or a decimal string. */
export function parseUnsigned(raw: unknown, what = 'height'): Parsed {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw) || raw < 0) return { ok: false, message: `${what} ${show(raw)} is not a non-negative whole number` };
    return { ok: true, value: raw };
  }
  if (typeof raw === 'string' && raw.length > MAX_NUMBER_CHARS) return tooLong(raw, what);
  if (typeof raw === 'string' && DECIMAL.test(raw)) return fromBigInt(raw, what);
  return { ok: false, message: `${what} ${show(raw)} is not a non-negative whole number` };
}

/** Any of the above: for http-json, where the operator's API decides. */
export function parseAnyHeight(raw: unknown, what = 'height'): Parsed {
  if (typeof raw === 'string' && raw.startsWith('0x')) return parseHexQuantity(raw, what);
  return parseUnsigned(raw, what);
}

/** Unix seconds from seconds, milliseconds, or an ISO-8601 string. */
export function parseTimestampSeconds(raw: unknown): number | null {
  if (typeof raw === 'number' && Number.isFinite(raw) && raw > 0) return raw > 1e12 ? raw / 1000 : raw;
  if (typeof raw === 'string') {
    if (raw.length > MAX_NUMBER_CHARS * 2) return null; // no timestamp form is that long; not parsed
    if (HEX.test(raw)) return raw.length > MAX_NUMBER_CHARS ? null : Number(BigInt(raw));
    if (DECIMAL.test(raw)) return parseTimestampSeconds(Number(raw));
    const t = Date.parse(raw);
    if (!Number.isNaN(t)) return t / 1000;
  }
  return null;
}

/** A non-negative integer sent as a JSON number, for APIs that send numbers (a string there is not what the node sends). */
export function parseJsonInteger(raw: unknown, what = 'height'): Parsed {
  if (typeof raw !== 'number') return { ok: false, message: `${what} ${show(raw)} is not a JSON number` };
  return parseUnsigned(raw, what);
}
