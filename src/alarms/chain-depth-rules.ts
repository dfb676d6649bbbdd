// Which networks have finality, cadence and arrival alarms (issue 14), and
// their thresholds for the alarm descriptions. DESIGN.md ("Finality and block
// cadence", "Block arrival latency") fixes the rules: finality is judged for
// evm, substrate and solana (maxFinalityLagSeconds defaults 1200, 120, 60);
// cadence for the families that read a block time 32 blocks back (evm,
// cometbft, bitcoin, solana, algorand; factor cadenceFactor, default 2);
// arrival only where a network sets `arrival`. The network's own settings
// win once the config carries them; until then the defaults apply.
import type { ChainFamily } from '../config/families.ts';
import type { ResolvedNetwork } from '../config/resolved-config.ts';

const FINALITY_DEFAULT_SECONDS: Readonly<Partial<Record<ChainFamily, number>>> = { evm: 1200, substrate: 120, solana: 60 };
const CADENCE_FAMILIES: ReadonlySet<ChainFamily> = new Set(['evm', 'cometbft', 'bitcoin', 'solana', 'algorand']);
const DEFAULT_CADENCE_FACTOR = 2;

/** Settings issue 14 adds to a network, read where present. */
interface ChainDepthSettings {
  readonly maxFinalityLagSeconds?: number | null;
  readonly cadenceFactor?: number;
  readonly arrival?: { readonly maxDelayMs: number } | null;
}

const settings = (network: ResolvedNetwork) => network as ResolvedNetwork & ChainDepthSettings;

/** Seconds of finality lag the network tolerates; null when finality is not judged. */
export function finalityLimitSeconds(network: ResolvedNetwork): number | null {
  const own = settings(network).maxFinalityLagSeconds;
  if (own !== undefined) return own;
  return FINALITY_DEFAULT_SECONDS[network.chain] ?? null;
}

/** Longest normal block interval: cadenceFactor × blockTimeSeconds; null when cadence is not read. */
export function cadenceLimitSeconds(network: ResolvedNetwork): number | null {
  if (!CADENCE_FAMILIES.has(network.chain)) return null;
  return (settings(network).cadenceFactor ?? DEFAULT_CADENCE_FACTOR) * network.blockTimeSeconds;
}

/** The arrival watch's maxDelayMs; null when the network does not watch block arrival. */
export function arrivalLimitMs(network: ResolvedNetwork): number | null {
  return settings(network).arrival?.maxDelayMs ?? null;
}
