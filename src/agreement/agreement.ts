// Agreement across one network's endpoints in one region: reference height,
// lag, ahead, head age and stale head. Pure: plain data in, findings out.
import { reason, type Reason, type ReasonCode } from '../report/reasons.ts';
import { formatDuration } from './format-duration.ts';
import { referenceHeight } from './reference-height.ts';

export interface AgreementInput {
  readonly id: string;
  readonly height: number | null;
  readonly headTimeSeconds: number | null;
  readonly headAgeSeconds: number | null;
  /** Reason codes the endpoint already has (some exclude it from agreement). */
  readonly codes: readonly ReasonCode[];
}

export interface AgreementSettings {
  readonly maxLagBlocks: number;
  /** null: the family has no head time, staleness is not judged. */
  readonly maxHeadAgeSeconds: number | null;
}

export interface EndpointAgreement {
  readonly lagBlocks: number | null;
  readonly headAgeSeconds: number | null;
  readonly reasons: readonly Reason[];
}

export interface NetworkAgreement {
  readonly referenceHeight: number | null;
  /** Endpoints whose heights took part. */
  readonly n: number;
  readonly endpoints: ReadonlyMap<string, EndpointAgreement>;
}

/** An endpoint on the wrong chain, syncing, or talking nonsense must not move the reference (nor speak for the chain's finality or cadence). */
export const EXCLUDING: ReadonlySet<ReasonCode> = new Set(['wrong_chain', 'syncing', 'invalid_response']);

export function isAgreementInput(input: AgreementInput): boolean {
  return input.height !== null && !input.codes.some((c) => EXCLUDING.has(c));
}

export function agree(inputs: readonly AgreementInput[], settings: AgreementSettings, nowMs: number): NetworkAgreement {
  const eligible = inputs.filter(isAgreementInput);
  const reference = referenceHeight(eligible.map((e) => e.height!));
  const endpoints = new Map<string, EndpointAgreement>();
  for (const input of inputs) endpoints.set(input.id, judgeHeight(input, reference, settings, nowMs));
  return { referenceHeight: reference, n: eligible.length, endpoints };
}

/**
 * One height judged against a reference the network already agreed on:
 * lag, ahead, head age and stale head. Also how every address of an
 * endpoint is judged (a stale backend behind round-robin), while the
 * reference itself comes from the endpoints' primary addresses only.
 */
export function judgeHeight(input: AgreementInput, reference: number | null, settings: AgreementSettings, nowMs: number): EndpointAgreement {
  const reasons: Reason[] = [];
  let lagBlocks: number | null = null;
  if (reference !== null && isAgreementInput(input)) {
    lagBlocks = reference - input.height!;
    if (lagBlocks > settings.maxLagBlocks) {
      reasons.push(reason('lagging', `height ${input.height} is ${lagBlocks} blocks behind reference ${reference} (max ${settings.maxLagBlocks})`));
    } else if (-lagBlocks > settings.maxLagBlocks) {
      reasons.push(reason('ahead', `height ${input.height} is ${-lagBlocks} blocks above reference ${reference} (max ${settings.maxLagBlocks}): a fork, another network, or a proxy that lies`));
    }
  }
  const headAgeSeconds = headAge(input, nowMs);
  if (headAgeSeconds !== null && settings.maxHeadAgeSeconds !== null && headAgeSeconds > settings.maxHeadAgeSeconds) {
    reasons.push(reason('stale_head', `newest block is ${formatDuration(headAgeSeconds)} old (max ${settings.maxHeadAgeSeconds} s)`));
  }
  return { lagBlocks, headAgeSeconds, reasons };
}

/** Seconds since the head block, clamped at 0 (clock skew can put a head in the future). */
export function headAge(input: Pick<AgreementInput, 'headTimeSeconds' | 'headAgeSeconds'>, nowMs: number): number | null {
  const raw = input.headAgeSeconds ?? (input.headTimeSeconds !== null ? nowMs / 1000 - input.headTimeSeconds : null);
  if (raw === null || !Number.isFinite(raw)) return null;
  return Math.round(Math.max(0, raw) * 10) / 10;
}
