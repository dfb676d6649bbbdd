// What the adapters share to read finality and cadence (DESIGN.md, "Finality
// and block cadence"): which older block the interval is measured back to,
// what two timestamps make of it, and the finality of instant-finality
// chains. Pure. Judging the readings is src/agreement/'s job.
import type { CadenceReading, FinalityReading } from './adapter.ts';

/** Blocks the interval is averaged over: enough to smooth one late block, few enough to see a slowdown within minutes. */
export const CADENCE_BLOCKS = 32;

export interface CadenceBase {
  /** Height of the older block to read. */
  readonly height: number;
  /** Blocks between it and the head. */
  readonly blocks: number;
}

/**
 * The first block whose timestamp was made by block production: a genesis
 * block's is written by hand (Ethereum's is 0, Litecoin regtest's is 2011).
 */
const FIRST_PRODUCED_BLOCK = 1;

/**
 * CADENCE_BLOCKS below the head, or as far as the chain goes: down to block
 * 1 near genesis, or to the oldest block a pruned node keeps (`lowest`).
 * null when there is no such block below the head.
 */
export function cadenceBase(head: number, lowest = 0): CadenceBase | null {
  const height = Math.max(head - CADENCE_BLOCKS, lowest, FIRST_PRODUCED_BLOCK);
  const blocks = head - height;
  return blocks > 0 ? { height, blocks } : null;
}

/** The reading from the head's and the older block's times (Unix seconds); null when either is unknown or time ran backwards. */
export function cadenceReading(headTime: number | null, baseTime: number | null, blocks: number): CadenceReading | null {
  if (headTime === null || baseTime === null) return null;
  const seconds = headTime - baseTime;
  return Number.isFinite(seconds) && seconds >= 0 ? { blocks, seconds } : null;
}

/** Finality of the families whose every block is final when it is made (Algorand, CometBFT). */
export function instantFinality(height: number | null): FinalityReading | null {
  return height === null ? null : { finalizedHeight: height, lagBlocks: 0, lagSeconds: 0 };
}
