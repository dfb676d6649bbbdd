// Which alarm strategy a config gets. Per-endpoint alarms while they fit:
// every network composite within CloudWatch's 100 alarms and 10,240
// characters, and at most PER_ENDPOINT_MAX_ALARMS alarms to create (past it,
// deploys and rollbacks crawl at PutMetricAlarm's 3 per second, and the
// fleet queries answer the same questions with a few dozen alarms). Fleet
// otherwise, within the Metrics Insights limits; neither fitting is a synth
// error naming the counts.
//
// Both bill the same per alarm metric ($0.10 per metric evaluated or
// analysed, or $0.30 at high resolution), so cost does not decide: a rule that
// did would flip the strategy — and recreate every alarm — when a maintenance
// window naming one endpoint adds that endpoint's two composites.
import { PUT_METRIC_ALARM_PER_SECOND } from '../config/aws-limits.ts';
import type { AlarmGroups } from './alarm-groups.ts';
import { ALARM_STACK_RESOURCES, alarmResources } from './alarm-stacks.ts';
import { compositeProblems, insightsAlarmCount, insightsProblems, mathProblems } from './plan-limits.ts';
import type { PlannedAlarm } from './planned-alarm.ts';

export type AlarmStrategy = 'per-endpoint' | 'fleet';

/** Alarms a per-endpoint plan may hold: about 6 minutes of PutMetricAlarm at 3 per second to create or delete. */
export const PER_ENDPOINT_MAX_ALARMS = 1000;

export interface ChosenPlan {
  readonly strategy: AlarmStrategy;
  readonly reason: string;
  readonly alarms: readonly PlannedAlarm[];
  readonly problems: readonly string[];
  readonly groups: AlarmGroups;
}

export function chooseStrategy(build: (strategy: AlarmStrategy) => PlannedAlarm[], groups: AlarmGroups): ChosenPlan {
  const perEndpoint = build('per-endpoint');
  const misfit = perEndpointMisfit(perEndpoint);
  if (misfit === null) {
    const metricAlarms = perEndpoint.filter((a) => a.billing !== 'composite').length;
    return {
      strategy: 'per-endpoint',
      reason: `per-endpoint alarms fit: ${metricAlarms} metric alarms (at most ${PER_ENDPOINT_MAX_ALARMS}) and every composite within CloudWatch's limits`,
      alarms: perEndpoint,
      problems: mathProblems(perEndpoint),
      groups,
    };
  }
  const fleet = build('fleet');
  const problems = [...insightsProblems(fleet), ...compositeProblems(fleet), ...mathProblems(fleet)];
  return {
    strategy: 'fleet',
    reason: `fleet alarms (${insightsAlarmCount(fleet)} Metrics Insights alarms over ${groups.groups.length} alarm group${groups.groups.length === 1 ? '' : 's'}): per-endpoint ${misfit}`,
    alarms: fleet,
    problems,
    groups,
  };
}

/** Why the per-endpoint plan does not fit, or null. */
function perEndpointMisfit(alarms: readonly PlannedAlarm[]): string | null {
  const composite = compositeProblems(alarms);
  if (composite.length > 0) return `would not fit: ${composite[0]}`;
  const units = new Map<string, number>();
  for (const a of alarms) units.set(a.unit, (units.get(a.unit) ?? 0) + alarmResources(a));
  const [unit, size] = [...units].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (size > ALARM_STACK_RESOURCES) return `would need ${size} alarms in one stack for ${unit} (a composite and its alarms share a stack of at most ${ALARM_STACK_RESOURCES})`;
  const count = alarms.filter((a) => a.billing !== 'composite').length;
  if (count > PER_ENDPOINT_MAX_ALARMS) {
    const minutes = Math.ceil(count / PUT_METRIC_ALARM_PER_SECOND / 60);
    return `would need ${count.toLocaleString('en-US')} metric alarms (more than ${PER_ENDPOINT_MAX_ALARMS.toLocaleString('en-US')}: about ${minutes} minutes of PutMetricAlarm at ${PUT_METRIC_ALARM_PER_SECOND} per second to create or delete)`;
  }
  return null;
}
