// The participation-key verdict for one Algorand account, from what algod
// says about it. Pure, so every branch is tested with plain data.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { parseJsonInteger } from './node-numbers.ts';

export const PARTICIPATION_STATUSES = ['Online', 'Offline', 'NotParticipating'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

const SECONDS_PER_DAY = 86_400;

export interface ParticipationInput {
  readonly address: string;
  /** `status` as algod sent it. */
  readonly status: unknown;
  /** `participation.vote-last-valid` as algod sent it (absent when the account registered no key). */
  readonly voteLastValid: unknown;
  /** The round the account data is for. */
  readonly round: number | null;
  readonly blockTimeSeconds: number;
  readonly warnDays: number;
}

export interface ParticipationVerdict {
  readonly participation: ParticipationStatus | null;
  readonly voteLastValid: number | null;
  readonly daysToExpiry: number | null;
  readonly reasons: readonly Reason[];
}

export function judgeParticipation(input: ParticipationInput): ParticipationVerdict {
  const who = `account ${input.address}`;
  if (!isParticipationStatus(input.status)) {
    return empty([reason('invalid_response', `${who}: status is ${quote(input.status)}, expected one of ${PARTICIPATION_STATUSES.join(', ')}`)]);
  }
  const status = input.status;
  const reasons: Reason[] = [];
  let voteLastValid: number | null = null;
  if (input.voteLastValid !== undefined) {
    const parsed = parseJsonInteger(input.voteLastValid, 'vote-last-valid');
    if (parsed.ok) voteLastValid = parsed.value;
    else reasons.push(reason('invalid_response', `${who}: ${parsed.message}`));
  }
  const daysToExpiry = voteLastValid !== null && input.round !== null
    ? Math.round(((voteLastValid - input.round) * input.blockTimeSeconds / SECONDS_PER_DAY) * 100) / 100
    : null;

  if (status !== 'Online') {
    reasons.push(reason('partkey_expiring', `${who} is ${status}: it does not vote; register its participation key online`));
  } else if (voteLastValid === null) {
    if (reasons.length === 0) reasons.push(reason('invalid_response', `${who} is Online but algod reports no participation.vote-last-valid`));
  } else if (daysToExpiry !== null && daysToExpiry <= 0) {
    reasons.push(reason('partkey_expiring', `${who}: participation key expired at round ${voteLastValid} (${formatDays(-daysToExpiry)} ago); it no longer votes, register a new key`));
  } else if (daysToExpiry !== null && daysToExpiry < input.warnDays) {
    reasons.push(reason('partkey_expiring', `${who}: participation key expires in ${formatDays(daysToExpiry)} (round ${voteLastValid}, warnDays ${input.warnDays}); register a new key before then`));
  }
  return { participation: status, voteLastValid, daysToExpiry, reasons };
}

function empty(reasons: Reason[]): ParticipationVerdict {
  return { participation: null, voteLastValid: null, daysToExpiry: null, reasons };
}

function isParticipationStatus(value: unknown): value is ParticipationStatus {
  return typeof value === 'string' && (PARTICIPATION_STATUSES as readonly string[]).includes(value);
}

function formatDays(days: number): string {
  if (days >= 1) return `${days.toFixed(1)} days`;
  const hours = days * 24;
  return hours >= 1 ? `${hours.toFixed(1)} hours` : `${Math.max(1, Math.round(hours * 60))} minutes`;
}
