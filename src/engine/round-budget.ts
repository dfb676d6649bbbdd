// How long a round's probes may take, from the config alone: every wave of
// probe.concurrency probes, each at the slowest endpoint's budget (its
// timeoutMs, plus a WebSocket endpoint's subscription window: probeBudgetMs).
// Shared by the probe function, which starts a later round only if it can
// finish before the deadline, and by the function's timeout (infra), so the
// two cannot disagree about what a round costs.
import { probeBudgetMs, type ResolvedNetwork } from '../config/resolved-config.ts';

/** The longest any one endpoint's probe may take; 0 without endpoints. */
export function slowestProbeMs(networks: readonly Pick<ResolvedNetwork, 'endpoints'>[]): number {
  return Math.max(0, ...networks.flatMap((n) => n.endpoints.map(probeBudgetMs)));
}

/** `endpoints` probed `concurrency` at a time, every one at `slowestMs`: the waves' worst case (at least one wave). */
export function probeWavesMs(endpoints: number, concurrency: number, slowestMs: number): number {
  return Math.max(1, Math.ceil(endpoints / concurrency)) * slowestMs;
}
