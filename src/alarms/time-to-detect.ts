// Worst-case time from a problem's start to the notification, per alarm kind
// of a plan, as the sum of its parts:
//   sample      the problem starts just after a probe passed: the next datum
//               comes a sampling interval later (the round period; a minute,
//               or the invocation interval, for facts published once per
//               invocation)
//   probe       that probe takes up to the endpoint's timeout (an endpoint
//               that stops answering is seen as a timeout)
//   publish     PutMetricData after the round, plus ingestion (AWS gives no
//               figure: ASSUMED_PUBLISH_SECONDS)
//   datapoints  (datapointsToAlarm − 1) more periods of bad data
//   evaluation  up to one evaluation interval: every 10 s for high-resolution
//               alarms, every minute otherwise (Metrics Insights included)
//   wait        the composite's suppressor wait period (60 s; 20 s with
//               rounds below a minute), when the alarm notifies through a
//               composite with a suppressor (it holds its actions that long
//               after entering ALARM)
// Not counted: SNS delivery (seconds) and EventBridge's start of the
// invocation (scheduled events arrive within seconds of the minute).
import { ALARM_EVALUATION } from '../config/aws-limits.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import type { AlarmKind } from './alarm-names.ts';
import { probeCadence, type AlarmPlan } from './alarm-plan.ts';
import { ROUND_KINDS, type MetricAlarmKind } from './alarm-tuning.ts';
import type { AlarmBilling, PlannedAlarm } from './planned-alarm.ts';

/** PutMetricData latency plus the time until alarms see the datum; AWS documents none ("a few seconds" on re:Post). */
export const ASSUMED_PUBLISH_SECONDS = 5;

/** Kinds whose metric gets a datum every round (the rest: once per invocation). */
const EVERY_ROUND: ReadonlySet<MetricAlarmKind> = new Set([...ROUND_KINDS, 'finality-lagging', 'finality-stalled', 'slow-blocks', 'cadence-anomaly', 'addresses']);

export interface DetectionTime {
  readonly kind: AlarmKind;
  readonly billing: AlarmBilling;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly sampleSeconds: number;
  readonly probeSeconds: number;
  readonly publishSeconds: number;
  readonly datapointSeconds: number;
  readonly evaluationSeconds: number;
  readonly waitSeconds: number;
  readonly totalSeconds: number;
}

export function timeToDetect(config: ResolvedConfig, plan: AlarmPlan): DetectionTime[] {
  const waitOf = new Map<string, number>();
  for (const a of plan.alarms) {
    if (a.condition.type === 'composite' && a.condition.suppressor !== null) for (const child of a.condition.children) waitOf.set(child, a.condition.waitSeconds);
  }
  const cadence = probeCadence(config);
  const timeoutSeconds = Math.max(...config.networks.flatMap((n) => n.endpoints.map((e) => e.timeoutMs))) / 1000;
  const rows = new Map<AlarmKind, DetectionTime>();
  for (const alarm of plan.alarms) {
    if (!alarm.tuning || alarm.subject.kind === 'maintenance') continue;
    const row = detection(alarm, {
      sampleSeconds: EVERY_ROUND.has(alarm.subject.kind as MetricAlarmKind) ? Math.min(cadence.everySeconds, cadence.intervalSeconds) : cadence.intervalSeconds,
      probeSeconds: alarm.subject.kind === 'heartbeat' ? 0 : timeoutSeconds,
      waitSeconds: waitOf.get(alarm.name) ?? 0,
    });
    const seen = rows.get(alarm.subject.kind);
    if (!seen || row.totalSeconds > seen.totalSeconds) rows.set(alarm.subject.kind, row);
  }
  return [...rows.values()];
}

function detection(alarm: PlannedAlarm, parts: { sampleSeconds: number; probeSeconds: number; waitSeconds: number }): DetectionTime {
  const t = alarm.tuning!;
  const evaluationSeconds = t.highResolution ? ALARM_EVALUATION.highResolutionCadenceSeconds : ALARM_EVALUATION.standardCadenceSeconds;
  const datapointSeconds = (t.datapointsToAlarm - 1) * t.periodSeconds;
  const publishSeconds = ASSUMED_PUBLISH_SECONDS;
  return {
    kind: alarm.subject.kind,
    billing: alarm.billing,
    periodSeconds: t.periodSeconds,
    evaluationPeriods: t.evaluationPeriods,
    datapointsToAlarm: t.datapointsToAlarm,
    ...parts,
    publishSeconds,
    datapointSeconds,
    evaluationSeconds,
    totalSeconds: parts.sampleSeconds + parts.probeSeconds + publishSeconds + datapointSeconds + evaluationSeconds + parts.waitSeconds,
  };
}
