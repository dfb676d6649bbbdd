// What a CloudWatch alarm says on the central page: the component status
// each public kind means, and plain words built from the value behind the
// alarm (the same words the local page builds from a report,
// public-findings.ts). Everything network-wide (stale head, slow blocks,
// the cadence band, finality stalled) is said of the network; the rest of
// the endpoint.
//
// The value behind an alarm is not always a figure. Some alarms read the
// probes' own 0/1 judgement (Lagging, FinalityLagging, LateBlocks, Exposed,
// the regional IF()): while they fire their datapoint is 1, not 37 blocks.
// Their figure comes from the per-region metric the status function reads
// for them (functions/status/alarm-regions.ts: HeightLag, FinalityLag,
// ArrivalDelay), or there is none and the words say so without one.
import type { AlarmKind } from '../alarms/alarm-names.ts';
import type { ComponentStatus } from './component-status.ts';
import type { PageNetwork } from './page-layout.ts';
import {
  addressesFailingWords, arrivalDelayWords, blockIntervalWords, finalityLagWords, formatAge, reasonWords,
} from './public-findings.ts';

/**
 * Alarm kinds shown on the page, and the status each one means. Finality
 * stalled on every endpoint is the chain's own finality stopping (the heads
 * still move and every read answers): degraded, like a stalled head, not an
 * outage of anyone's endpoints.
 */
const PUBLIC_KINDS: Readonly<Partial<Record<AlarmKind, ComponentStatus>>> = {
  outage: 'major_outage',
  regional: 'partial_outage',
  lagging: 'degraded_performance',
  'tls-expiry': 'degraded_performance',
  'stale-head': 'degraded_performance',
  'finality-lagging': 'degraded_performance',
  'finality-stalled': 'degraded_performance',
  'slow-blocks': 'degraded_performance',
  'cadence-anomaly': 'degraded_performance',
  'late-blocks': 'degraded_performance',
  addresses: 'degraded_performance',
};

/** Kinds whose alarm's own datapoint is the probes' 0/1 judgement, not a figure. */
const JUDGEMENT_KINDS: ReadonlySet<AlarmKind> = new Set(['regional', 'lagging', 'exposure', 'finality-lagging', 'finality-stalled', 'late-blocks']);

/** The page status an alarm of `kind` means while it fires; null for kinds the page does not show. */
export function pageStatusOf(kind: AlarmKind): ComponentStatus | null {
  return PUBLIC_KINDS[kind] ?? null;
}

/** The alarm's own datapoint (from its state reason or history) as a figure for the page: null for judgement kinds. */
export function alarmFigure(kind: AlarmKind, value: number | null): number | null {
  return JUDGEMENT_KINDS.has(kind) ? null : value;
}

export interface FiringWords {
  readonly kind: AlarmKind;
  /** The figure behind the alarm (see alarmFigure), else null. */
  readonly value: number | null;
  /** Probe regions in breach ([] when unknown or region-less). */
  readonly regions: readonly string[];
}

/** Public words for one firing alarm; `network` is the component's network. */
export function alarmPhrase(firing: FiringWords, network: PageNetwork | undefined): string {
  const v = firing.value;
  switch (firing.kind) {
    case 'outage':
      return firing.regions.length ? 'not answering' : 'not answering from several probe regions';
    case 'regional':
      return firing.regions.length ? 'not answering' : 'not answering from some probe regions';
    case 'lagging':
      return v !== null ? `${Math.round(v)} block${Math.round(v) === 1 ? '' : 's'} behind the network` : reasonWords('lagging');
    case 'tls-expiry':
      return v !== null ? `TLS certificate expires in ${v.toFixed(1)} days` : reasonWords('cert_expiring');
    case 'stale-head':
      return v !== null ? `newest block is ${formatAge(v)} old: the chain may have stalled` : 'no new blocks: the chain may have stalled';
    case 'finality-lagging':
      return v !== null ? finalityLagWords(v) : reasonWords('finality_lagging');
    case 'finality-stalled':
      return `${reasonWords('finality_lagging')} on every endpoint: finality may have stalled`;
    case 'slow-blocks':
      return v !== null && network ? blockIntervalWords(v, network.blockTimeSeconds) : reasonWords('slow_blocks');
    case 'cadence-anomaly':
      return v !== null && network ? blockIntervalWords(v, network.blockTimeSeconds) : 'blocks come more slowly than usual';
    case 'late-blocks':
      return v !== null ? arrivalDelayWords(v) : reasonWords('late_blocks');
    case 'addresses':
      return v !== null ? addressesFailingWords(v) : reasonWords('address_unhealthy');
    default:
      return firing.kind;
  }
}
