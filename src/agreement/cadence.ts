// Block cadence across one network's endpoints in one region: each
// endpoint's recent block interval (the head against the block 32 below it),
// and slow_blocks past cadenceFactor × blockTimeSeconds. Pure: plain data
// in, findings out. Every endpoint slow is the chain; one endpoint slow among
// normal peers is the branch its node follows, and the message says which.
import type { CadenceReading } from '../chains/adapter.ts';
import type { ChainFamily } from '../config/families.ts';
import { reason, type Reason, type ReasonCode } from '../report/reasons.ts';
import { EXCLUDING } from './agreement.ts';
import { formatDuration } from './format-duration.ts';

export interface CadenceInput {
  readonly id: string;
  readonly cadence: CadenceReading | null;
  /** Reason codes the endpoint already has: one on the wrong chain or syncing says nothing about the chain's cadence. */
  readonly codes: readonly ReasonCode[];
}

export interface CadenceSettings {
  readonly family: ChainFamily;
  readonly blockTimeSeconds: number;
  /** null: not judged (the family reads no interval). */
  readonly cadenceFactor: number | null;
}

export interface EndpointCadence {
  readonly blockIntervalSeconds: number | null;
  readonly reasons: readonly Reason[];
}

export function judgeCadence(inputs: readonly CadenceInput[], settings: CadenceSettings): Map<string, EndpointCadence> {
  const limit = settings.cadenceFactor === null ? null : settings.cadenceFactor * settings.blockTimeSeconds;
  const measured = inputs.map((input) => ({ input, interval: blockInterval(input.cadence) }));
  const isSlow = (interval: number | null) => limit !== null && interval !== null && interval > limit;
  const speaking = measured.filter((m) => m.interval !== null && !m.input.codes.some((c) => EXCLUDING.has(c)));
  const slowCount = speaking.filter((m) => isSlow(m.interval)).length;
  const scope: Scope = speaking.length < 2 ? 'alone' : slowCount === speaking.length ? 'chain' : 'node';
  const out = new Map<string, EndpointCadence>();
  for (const { input, interval } of measured) {
    const reasons = isSlow(interval) ? [slow(interval!, input.cadence!.blocks, settings, scope)] : [];
    out.set(input.id, { blockIntervalSeconds: interval, reasons });
  }
  return out;
}

/** Seconds per block over the span read, to the millisecond (Solana's slots are 0.4 s). */
export function blockInterval(cadence: CadenceReading | null): number | null {
  if (!cadence || cadence.blocks <= 0) return null;
  return Math.round((cadence.seconds / cadence.blocks) * 1000) / 1000;
}

type Scope = 'chain' | 'node' | 'alone';

const ACTION: Readonly<Record<Scope, string>> = {
  chain: 'every endpoint of the network sees it: the chain itself is producing blocks slowly (block producers offline or a network problem), nothing to fix on one node',
  node: 'other endpoints of the network see normal blocks: this node may follow a minority fork; compare its head block hash with theirs',
  alone: 'the chain, or the branch this node follows, is producing blocks slowly',
};

function slow(interval: number, blocks: number, settings: CadenceSettings, scope: Scope): Reason {
  const expected = settings.blockTimeSeconds;
  // Solana's span is counted in slots (a skipped slot has no block).
  const unit = settings.family === 'solana' ? 'slot' : 'block';
  const span = blocks === 1 ? `the last ${unit}` : `the last ${blocks} ${unit}s`;
  return reason('slow_blocks',
    `blocks every ${measured(interval)} over ${span}, expected ~${configured(expected)} (max cadenceFactor ${settings.cadenceFactor} × ${configured(expected)}); ${ACTION[scope]}`);
}

/** A measured interval: sub-10-second ones (Solana) keep their digits, longer ones read like any duration. */
const measured = (value: number) => (value < 10 ? `${Number(value.toFixed(2))} s` : formatDuration(value));

/** A configured block time as the operator wrote it (12 s, 0.4 s), in minutes once that reads better (Bitcoin's 600 s). */
const configured = (value: number) => (value < 120 ? `${Number(value.toFixed(2))} s` : formatDuration(value));
