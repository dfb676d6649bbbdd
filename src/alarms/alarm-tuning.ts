// How long each alarm waits before it fires, per kind. The fast kinds
// (outage, regional, lagging, stale head) evaluate at the probe round's
// period: probe.everySeconds below a minute (high-resolution alarms), else
// the schedule's interval. Facts a probe publishes once per invocation
// (exposure, the arrival watch) use the invocation interval; slow-moving
// facts (certificate and participation-key days) are judged hourly.
import { ALARM_EVALUATION, SUPPRESSOR_WAIT_SECONDS } from '../config/aws-limits.ts';
import type { AlarmKind } from './alarm-names.ts';

export interface AlarmTuning {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /** CloudWatch's TreatMissingData, by its wire value. */
  readonly treatMissingData: 'breaching' | 'notBreaching';
  /** Period below a minute: a high-resolution alarm, evaluated every 10 s. */
  readonly highResolution: boolean;
}

/** How often probes run: the invocation interval (the schedule) and the rounds within it. */
export interface ProbeCadence {
  /** Seconds between invocations (≥ 60). */
  readonly intervalSeconds: number;
  /** Seconds between rounds (10, 30 or 60; rounds below 60 only with a one-minute schedule). */
  readonly everySeconds: number;
}

export type MetricAlarmKind = Exclude<AlarmKind, 'health' | 'warnings'>;

const HOURLY = 3600;
/** Anomaly detection models need standard-resolution data and smooth better over a few minutes. */
const ANOMALY_PERIOD = 300;

/** [evaluation periods, datapoints to alarm] per kind. */
const WINDOWS: Readonly<Record<MetricAlarmKind, readonly [number, number]>> = {
  // 2 bad rounds of the last 3: a single lost packet does not page anybody.
  outage: [3, 2],
  // Regional trouble is a warning; it must persist a little longer.
  regional: [5, 3],
  lagging: [3, 3],
  'stale-head': [3, 3],
  // Alerts on first sight: an open admin API or private port is a finding, not a fluke.
  exposure: [1, 1],
  'tls-expiry': [1, 1],
  'partkey-expiry': [1, 1],
  heartbeat: [3, 3],
  'finality-lagging': [3, 3],
  'finality-stalled': [3, 3],
  'slow-blocks': [3, 3],
  'cadence-anomaly': [3, 2],
  'late-blocks': [3, 3],
  // One address of several failing is a warning once it persists: three periods in a row.
  addresses: [3, 3],
  // A suppressor acts on the first datum and lets go after two periods without one (a late round does not lift it).
  maintenance: [2, 1],
};

/** Kinds that follow the round period (high resolution below a minute). */
export const ROUND_KINDS: ReadonlySet<MetricAlarmKind> = new Set(['outage', 'regional', 'lagging', 'stale-head']);

/**
 * Maintenance suppressors follow the round period too, so a composite over
 * high-resolution alarms need not wait a minute for its suppressor.
 */
const SUPPRESSOR_KINDS: ReadonlySet<MetricAlarmKind> = new Set(['maintenance']);

/**
 * How long a composite holds its actions for its suppressor to reach ALARM
 * (ActionsSuppressorWaitPeriod), and after it leaves ALARM (extension). AWS
 * recommends 60 s "as CloudWatch evaluates metric alarms every minute"; a
 * high-resolution suppressor is evaluated every 10 s, so two of its
 * evaluations (20 s) suffice.
 */
export function suppressorWaitSeconds(cadence: ProbeCadence): number {
  return cadence.everySeconds < 60 ? 2 * ALARM_EVALUATION.highResolutionCadenceSeconds : SUPPRESSOR_WAIT_SECONDS;
}

export function alarmTuning(kind: MetricAlarmKind, cadence: ProbeCadence): AlarmTuning {
  const [evaluationPeriods, datapointsToAlarm] = WINDOWS[kind];
  const interval = Math.max(60, cadence.intervalSeconds);
  let periodSeconds = interval;
  if ((ROUND_KINDS.has(kind) || SUPPRESSOR_KINDS.has(kind)) && cadence.everySeconds < 60) periodSeconds = cadence.everySeconds;
  if (kind === 'tls-expiry' || kind === 'partkey-expiry') periodSeconds = Math.max(HOURLY, interval);
  if (kind === 'cadence-anomaly') periodSeconds = Math.max(ANOMALY_PERIOD, interval);
  return {
    periodSeconds,
    evaluationPeriods,
    datapointsToAlarm,
    // Missing endpoint data means "not measured" (the heartbeat alarm covers a
    // silent region, and a maintenance window withholds data on purpose); a
    // missing heartbeat is exactly what that alarm is for.
    treatMissingData: kind === 'heartbeat' ? 'breaching' : 'notBreaching',
    highResolution: periodSeconds < 60,
  };
}
