// What CloudWatch accepts of a set of alarms, counted from the plan before
// anything is synthesized: composite rules (100 alarms, 10,240 characters),
// Metrics Insights queries (10,000 metrics matched, 500 series returned,
// 2,048 characters) and alarms (200 per account and region, not adjustable;
// a deployment keeps to 150), metric math (10 metrics). Each problem is one
// line naming the count and the limit.
import {
  COMPOSITE_ALARM_MAX_CHILDREN, COMPOSITE_ALARM_RULE_MAX_LENGTH, MATH_ALARM_MAX_METRICS, METRICS_INSIGHTS,
} from '../config/aws-limits.ts';
import type { PlannedAlarm } from './planned-alarm.ts';

/** A composite's rule as infra writes it: children by name. */
export function compositeRule(children: readonly string[]): string {
  return children.map((name) => `ALARM(${JSON.stringify(name)})`).join(' OR ');
}

export function compositeProblems(alarms: readonly PlannedAlarm[]): string[] {
  const problems: string[] = [];
  for (const alarm of alarms) {
    if (alarm.condition.type !== 'composite') continue;
    const { children } = alarm.condition;
    const length = compositeRule(children).length;
    if (children.length > COMPOSITE_ALARM_MAX_CHILDREN || length > COMPOSITE_ALARM_RULE_MAX_LENGTH) {
      problems.push(`"${alarm.name}" would combine ${children.length} alarms in a rule of ${length.toLocaleString('en-US')} characters; a composite alarm takes at most ${COMPOSITE_ALARM_MAX_CHILDREN} alarms and ${COMPOSITE_ALARM_RULE_MAX_LENGTH.toLocaleString('en-US')} characters`);
    }
  }
  return problems;
}

export function insightsAlarmCount(alarms: readonly PlannedAlarm[]): number {
  return alarms.filter((a) => a.condition.type === 'insights').length;
}

export function insightsProblems(alarms: readonly PlannedAlarm[]): string[] {
  const problems: string[] = [];
  const count = insightsAlarmCount(alarms);
  if (count > METRICS_INSIGHTS.maxAlarmsPerDeployment) {
    problems.push(`needs ${count} Metrics Insights alarms; an account and region holds ${METRICS_INSIGHTS.maxAlarmsPerAccountRegion} (not adjustable) and one deployment keeps to ${METRICS_INSIGHTS.maxAlarmsPerDeployment}`);
  }
  for (const alarm of alarms) {
    const c = alarm.condition;
    if (c.type !== 'insights') continue;
    if (c.matches > METRICS_INSIGHTS.maxMetricsPerQuery) problems.push(`"${alarm.name}" would match ${c.matches} metrics; a Metrics Insights query processes ${METRICS_INSIGHTS.maxMetricsPerQuery}`);
    if (c.series > METRICS_INSIGHTS.maxSeriesPerQuery) problems.push(`"${alarm.name}" would return ${c.series} series; a Metrics Insights query returns ${METRICS_INSIGHTS.maxSeriesPerQuery}`);
    if (c.query.length > METRICS_INSIGHTS.maxExpressionLength) problems.push(`"${alarm.name}" has a query of ${c.query.length} characters; CloudWatch takes ${METRICS_INSIGHTS.maxExpressionLength}`);
  }
  return problems;
}

export function mathProblems(alarms: readonly PlannedAlarm[]): string[] {
  return alarms
    .filter((a) => a.condition.type === 'math' && Object.keys(a.condition.metrics).length > MATH_ALARM_MAX_METRICS)
    .map((a) => `"${a.name}" would read ${a.condition.type === 'math' ? Object.keys(a.condition.metrics).length : 0} metrics; a metric math alarm reads at most ${MATH_ALARM_MAX_METRICS}`);
}
