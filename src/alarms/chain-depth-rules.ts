// Which networks have finality, cadence and arrival alarms (issue 14), and
// their thresholds for the alarm descriptions, from the network's resolved
// settings (DESIGN.md, "Finality and block cadence", "Block arrival
// latency"): finality where the family tracks a finalized head
// (maxFinalityLagSeconds: evm 1200, substrate 120, solana 60 by default),
// cadence where the probe reads a block time 32 blocks back (cadenceFactor ×
// blockTimeSeconds), arrival only where a network sets `arrival`.
import type { ResolvedNetwork } from '../config/resolved-config.ts';

/** Seconds of finality lag the network tolerates; null when finality is not judged. */
export function finalityLimitSeconds(network: ResolvedNetwork): number | null {
  return network.maxFinalityLagSeconds;
}

/** Longest normal block interval: cadenceFactor × blockTimeSeconds; null when cadence is not read. */
export function cadenceLimitSeconds(network: ResolvedNetwork): number | null {
  return network.cadenceFactor === null ? null : network.cadenceFactor * network.blockTimeSeconds;
}

/** The arrival watch's maxDelayMs; null when the network does not watch block arrival. */
export function arrivalLimitMs(network: ResolvedNetwork): number | null {
  return network.arrival?.maxDelayMs ?? null;
}
