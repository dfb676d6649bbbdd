// The Lambda time the block arrival watch adds: each invocation whose shard
// holds a network with `arrival` waits out the longest such window. Shards
// keep networks whole, so at most min(shards, arrival networks) of a tick's
// invocations watch: an upper bound, as the cost model's other guesses are.
import type { ResolvedConfig } from '../config/resolved-config.ts';

export interface ArrivalWatchTime {
  /** The longest window, s. */
  readonly windowSeconds: number;
  /** Invocations a month that watch. */
  readonly invocations: number;
  /** Billed seconds a month the watch adds. */
  readonly seconds: number;
}

/** `ticks`: scheduled ticks a month across every region. */
export function arrivalWatchSeconds(config: ResolvedConfig, ticks: number): ArrivalWatchTime {
  const watching = config.networks.filter((n) => n.arrival);
  const windowSeconds = Math.max(0, ...watching.map((n) => n.arrival!.windowSeconds));
  const invocations = ticks * Math.min(config.probe.shards, watching.length);
  return { windowSeconds, invocations, seconds: invocations * windowSeconds };
}
