// How long each alarm waits before it fires, per kind. The period is the
// probe interval (one datum per endpoint per region per period); slow-moving
// facts (certificate and participation-key days) are judged hourly.
import type { AlarmKind } from './alarm-names.ts';

export interface AlarmTuning {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  /** CloudWatch's TreatMissingData, by its wire value. */
  readonly treatMissingData: 'breaching' | 'notBreaching';
}

type MetricAlarmKind = Exclude<AlarmKind, 'health'>;

const HOURLY = 3600;

/** [evaluation periods, datapoints to alarm] per kind. */
const WINDOWS: Readonly<Record<MetricAlarmKind, readonly [number, number]>> = {
  // 2 bad runs of the last 3: a single lost packet does not page anybody.
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
};

export function alarmTuning(kind: MetricAlarmKind, intervalSeconds: number): AlarmTuning {
  const [evaluationPeriods, datapointsToAlarm] = WINDOWS[kind];
  const slow = kind === 'tls-expiry' || kind === 'partkey-expiry';
  return {
    periodSeconds: slow ? Math.max(HOURLY, intervalSeconds) : intervalSeconds,
    evaluationPeriods,
    datapointsToAlarm,
    // Missing endpoint data means "not measured" (the heartbeat alarm covers a
    // silent region); a missing heartbeat is exactly what that alarm is for.
    treatMissingData: kind === 'heartbeat' ? 'breaching' : 'notBreaching',
  };
}
