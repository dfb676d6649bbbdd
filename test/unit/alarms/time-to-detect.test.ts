import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { alarmPlan } from '../../../src/alarms/alarm-plan.ts';
import { timeToDetect } from '../../../src/alarms/time-to-detect.ts';
import { fleetYaml, TEN_REGIONS } from '../../support/fleet-config.ts';

const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));
const row = (config: typeof example, kind: string) => timeToDetect(config, alarmPlan(config)).find((r) => r.kind === kind)!;

// Worked by hand from the formula in src/alarms/time-to-detect.ts:
// sample + probe timeout (5 s) + 5 s publish + (M − 1) × period + evaluation + suppressor wait.
describe('timeToDetect', () => {
  it('prices a per-endpoint outage at one minute rounds: 60 + 5 + 5 + 60 + 60 + 60 s', () => {
    expect(row(example, 'outage')).toMatchObject({
      billing: 'standard', periodSeconds: 60, datapointsToAlarm: 2, evaluationPeriods: 3,
      sampleSeconds: 60, probeSeconds: 5, publishSeconds: 5, datapointSeconds: 60, evaluationSeconds: 60, waitSeconds: 60, totalSeconds: 250,
    });
  });

  it('brings it to a minute with 10-second rounds: 10 + 5 + 5 + 10 + 10 + 20 s', () => {
    const ten = { ...example, probe: { ...example.probe, everySeconds: 10 as const } };
    expect(row(ten, 'outage')).toMatchObject({ billing: 'high-resolution', sampleSeconds: 10, datapointSeconds: 10, evaluationSeconds: 10, waitSeconds: 20, totalSeconds: 60 });
    // Exposure stays a once-a-minute fact: 60 + 5 + 5 + 0 + 60 + 20.
    expect(row(ten, 'exposure').totalSeconds).toBe(150);
  });

  it('has no suppressor wait for fleet alarms, which notify per contributor', () => {
    const fleet = applyDefaults(parseConfigText(fleetYaml({ networks: 40, endpoints: 50, regions: TEN_REGIONS }), { file: null, baseDir: process.cwd() }));
    expect(row(fleet, 'outage')).toMatchObject({ billing: 'insights', waitSeconds: 0, totalSeconds: 60 + 5 + 5 + 60 + 60 });
    const ten = { ...fleet, probe: { ...fleet.probe, everySeconds: 10 as const } };
    expect(row(ten, 'outage')).toMatchObject({ billing: 'high-resolution', waitSeconds: 0, totalSeconds: 10 + 5 + 5 + 10 + 10 });
    // Network alarms still go through a suppressible composite.
    expect(row(ten, 'stale-head')).toMatchObject({ waitSeconds: 20, totalSeconds: 10 + 5 + 5 + 20 + 10 + 20 });
  });

  it('counts no probe time for the heartbeat: a silent region is missing data, three periods of it', () => {
    expect(row(example, 'heartbeat')).toMatchObject({ probeSeconds: 0, datapointSeconds: 120, totalSeconds: 60 + 0 + 5 + 120 + 60 + 60 });
  });
});
