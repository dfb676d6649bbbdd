// Chain families and their timing defaults (DESIGN.md, "Family defaults").
// Kept apart from the adapters so config code can import it without pulling
// in any transport code.

export const CHAIN_FAMILIES = ['algorand', 'evm', 'substrate', 'cometbft', 'bitcoin', 'solana', 'http-json'] as const;
export type ChainFamily = (typeof CHAIN_FAMILIES)[number];

export interface FamilyDefaults {
  /** Expected seconds between blocks. */
  readonly blockTimeSeconds: number;
  /** Head older than this is stale; null where the family reports no head time. */
  readonly maxHeadAgeSeconds: number | null;
}

export const FAMILY_DEFAULTS: Readonly<Record<ChainFamily, FamilyDefaults>> = {
  algorand: { blockTimeSeconds: 2.8, maxHeadAgeSeconds: 30 },
  evm: { blockTimeSeconds: 12, maxHeadAgeSeconds: 120 },
  substrate: { blockTimeSeconds: 6, maxHeadAgeSeconds: null },
  cometbft: { blockTimeSeconds: 6, maxHeadAgeSeconds: 60 },
  bitcoin: { blockTimeSeconds: 600, maxHeadAgeSeconds: 7200 },
  solana: { blockTimeSeconds: 0.4, maxHeadAgeSeconds: 60 },
  'http-json': { blockTimeSeconds: 10, maxHeadAgeSeconds: 120 },
};

/** How far behind the reference an endpoint may be: about 30 s of blocks, at least 1. */
export function defaultMaxLagBlocks(blockTimeSeconds: number): number {
  return Math.max(1, Math.ceil(30 / blockTimeSeconds));
}

/** Arrival: median delay after the fastest endpoint tolerated by default, in ms (DESIGN.md). */
export function defaultMaxDelayMs(blockTimeSeconds: number): number {
  return Math.max(1000, Math.round(250 * blockTimeSeconds));
}
