// How long one probe invocation may run, from the config: every probe wave
// at its budget (src/engine/round-budget.ts, which the function's rounds
// use too), then the block arrival watch (connections and first
// answers, the window, settling; the first round only), then the publishing
// reserve; with rounds below a minute, at least until the last round, which
// starts at 60 − everySeconds s, has probed. The probe
// function's timeout is built from it, and synth refuses an arrival window
// that cannot fit under Lambda's limit beside the probes and the reserve.
import { formatPath, type ConfigProblem } from '../src/config/config-error.ts';
import type { ResolvedConfig } from '../src/config/resolved-config.ts';
import { probeWavesMs, slowestProbeMs } from '../src/engine/round-budget.ts';
import { arrivalPhaseMs, roundArrivalMs } from '../src/engine/arrival-budget.ts';
import { DEFAULT_DEADLINE_RESERVE_MS } from '../functions/common/environment.ts';
import { LAMBDA_MAX_TIMEOUT_SECONDS } from '../src/config/aws-limits.ts';

/** Start-up (cold start, secrets) on top of the measured parts. */
const START_SECONDS = 5;
/** Never shorter than the schedule interval up to this: a run may use the time it has. */
const INTERVAL_CAP_SECONDS = 300;

export interface ProbeRunBudget {
  /** Every wave of probe.concurrency probes of this invocation's share of the endpoints, each at its budget (timeout, plus a WebSocket endpoint's subscription window). */
  readonly probesMs: number;
  /** The longest network's arrival watch; 0 without arrival. */
  readonly arrivalMs: number;
  readonly reserveMs: number;
  /** What a run needs, in whole seconds, start-up included. */
  readonly neededSeconds: number;
}

export function probeRunBudget(config: ResolvedConfig): ProbeRunBudget {
  const endpoints = config.networks.reduce((n, net) => n + net.endpoints.length, 0);
  // A shard's share of the endpoints, each at its probe budget (a WebSocket endpoint's runs past its timeout by the subscription window).
  const probesMs = probeWavesMs(Math.ceil(endpoints / config.probe.shards), config.probe.concurrency, slowestProbeMs(config.networks));
  const arrivalMs = roundArrivalMs(config);
  const reserveMs = DEFAULT_DEADLINE_RESERVE_MS;
  const lastRoundStartsMs = config.probe.everySeconds < 60 ? (60 - config.probe.everySeconds) * 1000 : 0;
  const roundsMs = Math.max(probesMs + arrivalMs, lastRoundStartsMs + probesMs);
  return { probesMs, arrivalMs, reserveMs, neededSeconds: Math.ceil((roundsMs + reserveMs) / 1000) + START_SECONDS };
}

/** The probe function's timeout: what a run needs, at least one schedule interval (up to 5 min), at most Lambda's limit. */
export function probeTimeoutSeconds(config: ResolvedConfig, intervalSeconds: number): number {
  const { neededSeconds } = probeRunBudget(config);
  return Math.min(LAMBDA_MAX_TIMEOUT_SECONDS, Math.max(neededSeconds, Math.min(intervalSeconds, INTERVAL_CAP_SECONDS)));
}

/**
 * An arrival window that would push a run past Lambda's limit: the watch
 * would be cut at the deadline every time. Named at the longest network's
 * window, with the parts that add up.
 */
export function arrivalFitProblems(config: ResolvedConfig): ConfigProblem[] {
  const budget = probeRunBudget(config);
  if (budget.arrivalMs === 0 || budget.neededSeconds <= LAMBDA_MAX_TIMEOUT_SECONDS) return [];
  const longest = config.networks.reduce((best, n, i) => (arrivalPhaseMs(n) > arrivalPhaseMs(config.networks[best]!) ? i : best), 0);
  const s = (ms: number) => Math.ceil(ms / 1000);
  return [{
    path: formatPath(['networks', longest, 'arrival', 'windowSeconds']),
    message: `makes a probe run need ${budget.neededSeconds} s (probes ${s(budget.probesMs)} s, arrival watch ${s(budget.arrivalMs)} s, publishing reserve ${s(budget.reserveMs)} s, start-up ${START_SECONDS} s); a Lambda function runs at most ${LAMBDA_MAX_TIMEOUT_SECONDS} s: shorten the window, or raise probe.shards or probe.concurrency, or lower the endpoints' timeoutMs`,
  }];
}
