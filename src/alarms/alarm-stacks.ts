// Which CloudFormation stack holds which alarms. A template holds at most
// 500 resources and 1 MB; the alarms stay in the central stack while they
// need at most CENTRAL_ALARM_RESOURCES, and otherwise all move to sibling
// stacks of at most ALARM_STACK_RESOURCES each, packed unit by unit (a
// composite, its children and its suppressor share a unit and a stack, since
// a composite names its children and CloudFormation creates them first).
// Sibling stacks, not nested ones: a nested-stack hierarchy creates at most
// 2,500 resources per operation, and a 10-second fleet needs more alarms
// than that; each sibling deploys (and rolls back) on its own.
//
// The budgets leave room in bytes as well as resources: an alarm with the
// longest ids and a full 1,024-character description is about 2.3 KB in a
// template without indentation, so 400 of them stay under 1 MB (the tests
// synthesize the largest case and measure).
import type { PlannedAlarm } from './planned-alarm.ts';

export const CENTRAL_ALARM_RESOURCES = 300;
export const ALARM_STACK_RESOURCES = 400;

/** CloudFormation resources an alarm takes: an anomaly alarm has its AnomalyDetector too. */
export function alarmResources(alarm: PlannedAlarm): number {
  return alarm.condition.type === 'anomaly' ? 2 : 1;
}

export interface AlarmStacks {
  /** True: every alarm lives in the central stack. */
  readonly central: boolean;
  /** Alarm names per sibling stack, in plan order ([] when central). */
  readonly stacks: readonly (readonly string[])[];
}

export function packAlarmStacks(alarms: readonly PlannedAlarm[]): AlarmStacks {
  const total = alarms.reduce((n, a) => n + alarmResources(a), 0);
  if (total <= CENTRAL_ALARM_RESOURCES) return { central: true, stacks: [] };
  const units = new Map<string, PlannedAlarm[]>();
  for (const alarm of alarms) units.set(alarm.unit, [...(units.get(alarm.unit) ?? []), alarm]);
  const stacks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const unit of units.values()) {
    const size = unit.reduce((n, a) => n + alarmResources(a), 0);
    if (size > ALARM_STACK_RESOURCES) throw new Error(`alarm unit of ${size} resources exceeds ${ALARM_STACK_RESOURCES}`);
    if (used + size > ALARM_STACK_RESOURCES) {
      stacks.push(current);
      current = [];
      used = 0;
    }
    current.push(...unit.map((a) => a.name));
    used += size;
  }
  if (current.length > 0) stacks.push(current);
  return { central: false, stacks };
}
