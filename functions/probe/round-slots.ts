// When the rounds of one invocation run and which time their datums carry.
// The invocation is scheduled for a minute (EventBridge passes the time as
// `scheduledAt`); round k's slot is that minute + k × everySeconds, the same
// in every region, so every region's datums of a round fall into the same
// alarm period. A round starts at its slot (or at once, if the previous one
// ran late) and only when it can finish before the probe deadline even if
// every probe of it takes its whole budget; the first round always runs (its probes are
// cut at the deadline, as a single round's are).
import type { ResolvedConfig } from '../../src/config/resolved-config.ts';
import { probeWavesMs, slowestProbeMs } from '../../src/engine/round-budget.ts';
import { PROBE_EVENT } from '../common/environment.ts';

const MINUTE_MS = 60_000;

/** The minute the invocation was scheduled for: the event's `scheduledAt`, else the minute it started in. */
export function scheduledMinute(event: unknown, startedAt: number): number {
  const given = event !== null && typeof event === 'object' ? (event as Record<string, unknown>)[PROBE_EVENT.scheduledAt] : undefined;
  const parsed = typeof given === 'string' ? Date.parse(given) : Number.NaN;
  // A time from the future or over an hour old is not this invocation's schedule.
  if (Number.isFinite(parsed) && parsed <= startedAt + MINUTE_MS && parsed >= startedAt - 60 * MINUTE_MS) return Math.floor(parsed / MINUTE_MS) * MINUTE_MS;
  return Math.floor(startedAt / MINUTE_MS) * MINUTE_MS;
}

/** Slot times of the invocation's rounds: 60 / everySeconds of them (one at 60 s). */
export function roundSlots(minute: number, everySeconds: number): number[] {
  const count = everySeconds < 60 ? Math.floor(60 / everySeconds) : 1;
  return Array.from({ length: count }, (_, k) => minute + k * everySeconds * 1000);
}

/**
 * The longest a round can take: every wave of probes at its budget (a
 * WebSocket endpoint's includes its subscription window: src/engine/round-budget.ts,
 * as the function's timeout counts it), then the account reads (one more
 * timeout: they read over the endpoint's timeoutMs alone).
 */
export function roundBudgetMs(config: Pick<ResolvedConfig, 'networks' | 'probe'>): number {
  const endpoints = config.networks.flatMap((n) => n.endpoints);
  const slowestTimeoutMs = Math.max(0, ...endpoints.map((e) => e.timeoutMs));
  return probeWavesMs(endpoints.length, config.probe.concurrency, slowestProbeMs(config.networks)) + slowestTimeoutMs;
}
