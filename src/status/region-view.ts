// What each probe region sees of an endpoint right now, from the alarms that
// fire for it and the regions each one is in breach in: down (outage and
// regional alarms), degraded (lag, finality lag, late blocks), unknown (the
// region's probes stopped reporting, or a firing alarm that has per-region
// metrics could not say where), else up. Alarms on region-less facts
// (certificate days, failing addresses) are not passed here at all
// (alarm-model.ts): they say nothing about any one region.
import type { RegionView } from './status-model.ts';

export type RegionEffect = 'down' | 'degraded';

export interface FiringForRegions {
  readonly effect: RegionEffect;
  /** Regions in breach; [] when the breakdown is unknown. */
  readonly regions: readonly string[];
}

/** `regions` in config order; `silent`: regions whose heartbeat alarm fires. */
export function regionView(regions: readonly string[], firing: readonly FiringForRegions[], silent: readonly string[]): RegionView {
  const down = new Set(firing.filter((f) => f.effect === 'down').flatMap((f) => f.regions));
  const degraded = new Set(firing.filter((f) => f.effect === 'degraded').flatMap((f) => f.regions).filter((r) => !down.has(r)));
  const unplaced = firing.some((f) => f.regions.length === 0);
  const rest = regions.filter((r) => !down.has(r) && !degraded.has(r));
  const unknown = rest.filter((r) => unplaced || silent.includes(r));
  return {
    down: regions.filter((r) => down.has(r)),
    degraded: regions.filter((r) => degraded.has(r)),
    up: rest.filter((r) => !unknown.includes(r)),
    unknown,
  };
}
