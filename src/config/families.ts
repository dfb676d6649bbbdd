// Chain families and their timing defaults (DESIGN.md, "Family defaults").
// Kept apart from the adapters so config code can import it without pulling
// in any transport code.

export const CHAIN_FAMILIES = ['algorand', 'evm', 'substrate', 'cometbft', 'bitcoin', 'solana', 'http-json'] as const;
export type ChainFamily = (typeof CHAIN_FAMILIES)[number];

/**
 * tracked: a finalized head is read and its lag judged (evm, substrate,
 * solana); instant: every block is final when made (algorand, cometbft),
 * lag 0; none: no finalized head to read (bitcoin, http-json).
 */
export type FinalityKind = 'tracked' | 'instant' | 'none';

export interface FamilyDefaults {
  /** Expected seconds between blocks. */
  readonly blockTimeSeconds: number;
  /** Head older than this is stale; null where the family reports no head time. */
  readonly maxHeadAgeSeconds: number | null;
  /**
   * A finalized head further behind the head than this is finality_lagging;
   * null where finality is not judged: instant (algorand, cometbft) or not
   * readable (bitcoin, http-json).
   */
  readonly maxFinalityLagSeconds: number | null;
  readonly finality: FinalityKind;
  /** Whether a probe reads the recent block interval: not where headers carry no time (substrate) or the API is one call (http-json). */
  readonly cadence: boolean;
}

export const FAMILY_DEFAULTS: Readonly<Record<ChainFamily, FamilyDefaults>> = {
  algorand: { blockTimeSeconds: 2.8, maxHeadAgeSeconds: 30, maxFinalityLagSeconds: null, finality: 'instant', cadence: true },
  evm: { blockTimeSeconds: 12, maxHeadAgeSeconds: 120, maxFinalityLagSeconds: 1200, finality: 'tracked', cadence: true },
  substrate: { blockTimeSeconds: 6, maxHeadAgeSeconds: null, maxFinalityLagSeconds: 120, finality: 'tracked', cadence: false },
  cometbft: { blockTimeSeconds: 6, maxHeadAgeSeconds: 60, maxFinalityLagSeconds: null, finality: 'instant', cadence: true },
  bitcoin: { blockTimeSeconds: 600, maxHeadAgeSeconds: 7200, maxFinalityLagSeconds: null, finality: 'none', cadence: true },
  solana: { blockTimeSeconds: 0.4, maxHeadAgeSeconds: 60, maxFinalityLagSeconds: 60, finality: 'tracked', cadence: true },
  'http-json': { blockTimeSeconds: 10, maxHeadAgeSeconds: 120, maxFinalityLagSeconds: null, finality: 'none', cadence: false },
};

/** How far behind the reference an endpoint may be: about 30 s of blocks, at least 1. */
export function defaultMaxLagBlocks(blockTimeSeconds: number): number {
  return Math.max(1, Math.ceil(30 / blockTimeSeconds));
}

/**
 * Why a key of some families is not allowed in this one (a no-op there, so
 * an error, not silence); null when that is not why.
 */
export function familyKeyAbsence(key: string, family: ChainFamily): string | null {
  const d = FAMILY_DEFAULTS[family];
  if (key === 'maxFinalityLagSeconds' && d.finality === 'instant') return `${family} blocks are final when they are made: there is no finality lag to judge`;
  if (key === 'maxFinalityLagSeconds' && d.finality === 'none') return `${family} has no finalized head to read`;
  if (key === 'cadenceFactor' && !d.cadence) return `${family} probes read no block times: there is no block interval to judge`;
  return null;
}

export function isChainFamily(value: unknown): value is ChainFamily {
  return typeof value === 'string' && (CHAIN_FAMILIES as readonly string[]).includes(value);
}

/** Arrival: median delay after the fastest endpoint tolerated by default, in ms (DESIGN.md). */
export function defaultMaxDelayMs(blockTimeSeconds: number): number {
  return Math.max(1000, Math.round(250 * blockTimeSeconds));
}
