// The rules of DESIGN.md's "Every address on its own", pure: which address
// is the primary (its facts are the endpoint's), and what every other
// address adds to the endpoint. An address worse than the primary, by its
// own reasons or by what agreement says of its height, adds one
// address_unhealthy naming it and its worst code; when every address is
// down, none is worse than the primary and nothing is added. Exposure
// findings are security findings, not health: one found on any address is
// the endpoint's own (the Exposed metric and its alarm must see it), never
// folded into address_unhealthy.
import { addReason, EXPOSURE_CODES, REASON_STATUS, reason, statusOfReasons, worstStatus, type Reason, type Status } from '../report/reasons.ts';
import type { AddressReport, AddressStatus } from '../report/report.ts';
import type { AddressProbe } from './probe-types.ts';

/** An address as judged here is exactly what the report shows of it. */
export type JudgedAddress = AddressReport;

export interface AddressVerdict {
  /** What the endpoint gains: address_unhealthy per worse address, and exposure found on other addresses. */
  readonly reasons: readonly Reason[];
  readonly addresses: readonly JudgedAddress[];
}

type Candidate = Pick<AddressProbe, 'skipped' | 'reasons'>;

/** The best address that counts (up > degraded > down, ties by order); null when every one was skipped. */
export function choosePrimary<T extends Candidate>(addresses: readonly T[]): T | null {
  let best: T | null = null;
  for (const candidate of addresses) {
    if (candidate.skipped) continue;
    if (best === null || isWorse(statusOfReasons(best.reasons), statusOfReasons(candidate.reasons))) best = candidate;
  }
  return best;
}

/** `heightReasons`: what agreement says of an address's height against the network's reference (lagging, ahead, stale_head). */
export function judgeAddresses(addresses: readonly AddressProbe[], heightReasons: (address: AddressProbe) => readonly Reason[]): AddressVerdict {
  const judged = addresses.map((a): JudgedAddress => {
    const base = { address: a.address, family: a.family, primary: a.primary, ttfbMs: a.timings.ttfbMs, height: a.chain?.height ?? null };
    if (a.skipped) return { ...base, status: 'skipped', reasons: [] };
    const reasons = [...a.reasons];
    for (const r of heightReasons(a)) addReason(reasons, r);
    return { ...base, status: statusOfReasons(reasons), reasons };
  });
  const primary = judged.find((a) => a.primary);
  if (!primary) return { reasons: [], addresses: judged };
  const primaryHealth = statusOfReasons(health(primary.reasons));
  const primaryCodes = new Set(primary.reasons.map((r) => r.code));
  const reasons: Reason[] = [];
  for (const a of judged) {
    if (a.primary || a.status === 'skipped') continue;
    const own = health(a.reasons);
    const status = statusOfReasons(own);
    if (isWorse(status, primaryHealth)) {
      const worst = own.find((r) => REASON_STATUS[r.code] === status)!;
      reasons.push(reason('address_unhealthy', `address ${a.address} is ${status}: ${worst.code}, ${worst.message}`));
    }
    for (const r of a.reasons) {
      if (EXPOSURE_CODES.has(r.code) && !primaryCodes.has(r.code)) addReason(reasons, { code: r.code, message: `address ${a.address}: ${r.message}` });
    }
  }
  return { reasons, addresses: judged };
}

const health = (reasons: readonly Reason[]) => reasons.filter((r) => !EXPOSURE_CODES.has(r.code));

/** a is strictly worse than b. */
const isWorse = (a: Status, b: Status) => a !== b && worstStatus([a, b]) === a;
