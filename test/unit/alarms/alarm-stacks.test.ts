import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { alarmPlan } from '../../../src/alarms/alarm-plan.ts';
import { ALARM_STACK_RESOURCES, alarmResources, packAlarmStacks } from '../../../src/alarms/alarm-stacks.ts';
import { fleetYaml, TEN_REGIONS } from '../../support/fleet-config.ts';

describe('packAlarmStacks', () => {
  it('keeps a small deployment\'s alarms in the central stack', () => {
    expect(packAlarmStacks(alarmPlan(applyDefaults(loadConfigFile('examples/vantage.example.yaml'))).alarms)).toEqual({ central: true, stacks: [] });
  });

  it('spreads 6,000 high-resolution alarms over stacks of at most 400 resources, a composite always with its children and suppressor', () => {
    const config = applyDefaults(parseConfigText(fleetYaml({ networks: 40, endpoints: 50, regions: TEN_REGIONS, everySeconds: 10 }), { file: null, baseDir: process.cwd() }));
    const alarms = alarmPlan(config).alarms;
    const packed = packAlarmStacks(alarms);
    expect(packed.central).toBe(false);
    const byName = new Map(alarms.map((a) => [a.name, a]));
    const stackOf = new Map<string, number>();
    packed.stacks.forEach((names, i) => names.forEach((n) => stackOf.set(n, i)));
    expect(stackOf.size).toBe(alarms.length);
    for (const names of packed.stacks) expect(names.reduce((n, name) => n + alarmResources(byName.get(name)!), 0)).toBeLessThanOrEqual(ALARM_STACK_RESOURCES);
    for (const alarm of alarms) {
      if (alarm.condition.type !== 'composite') continue;
      for (const other of [...alarm.condition.children, alarm.condition.suppressor!]) expect(stackOf.get(other), other).toBe(stackOf.get(alarm.name));
    }
    expect(packed.stacks.length).toBe(Math.ceil(alarms.reduce((n, a) => n + alarmResources(a), 0) / ALARM_STACK_RESOURCES));
  });
});
