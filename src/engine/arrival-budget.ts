// How long the block arrival watch samples and how long it may take, from
// the config alone: shared by the watch itself, the local run loop, the
// probe function's timeout (infra) and the cost model, so they cannot
// disagree (DESIGN.md, "Block arrival latency").
import type { ResolvedConfig, ResolvedNetwork } from '../config/resolved-config.ts';

/** Floor of the poll interval: faster polling measures the poller, not the node. */
const MIN_POLL_MS = 250;

/** After the window closes, in-flight asks are aborted, subscriptions cancelled (their answer awaited at most 250 ms) and sessions closed: this covers it. */
export const ARRIVAL_SETTLE_MS = 500;

/** Poll interval of a polled height call: max(250 ms, blockTimeSeconds × 250 ms). */
export function arrivalPollMs(network: Pick<ResolvedNetwork, 'blockTimeSeconds'>): number {
  return Math.max(MIN_POLL_MS, Math.round(network.blockTimeSeconds * 250));
}

/**
 * New heights above the head at the window's opening that a window can
 * plausibly bring: four times the expected blocks, plus the lag allowed.
 * A height beyond it is a lying or wrong endpoint, and must not set t0.
 */
export function plausibleNewHeights(network: ResolvedNetwork): number {
  if (!network.arrival) return 0;
  return Math.ceil(network.arrival.windowSeconds / network.blockTimeSeconds) * 4 + network.maxLagBlocks;
}

/** Endpoints the watch may open a connection to: every one that is not private. */
export function watchableEndpoints(network: ResolvedNetwork) {
  return network.endpoints.filter((e) => e.visibility !== 'private');
}

/**
 * Longest the watch of one network may take: each connection and first
 * answer within its endpoint's timeout (the window opens when all have
 * answered or timed out), then the window, then settling. 0 without arrival.
 */
export function arrivalPhaseMs(network: ResolvedNetwork): number {
  if (!network.arrival) return 0;
  const prime = Math.max(0, ...watchableEndpoints(network).map((e) => e.timeoutMs));
  return prime + network.arrival.windowSeconds * 1000 + ARRIVAL_SETTLE_MS;
}

/** Networks are watched at the same time: a round's arrival phase is its longest network's. */
export function roundArrivalMs(config: Pick<ResolvedConfig, 'networks'>): number {
  return Math.max(0, ...config.networks.map(arrivalPhaseMs));
}
