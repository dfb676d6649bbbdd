import { describe, expect, it } from 'vitest';
import { alarmName, parseAlarmName, type AlarmSubject } from '../../../src/alarms/alarm-names.ts';

describe('alarm names', () => {
  it.each<[AlarmSubject, string]>([
    [{ kind: 'outage', network: 'eth', endpoint: 'rpc-1' }, 'Vantage eth/rpc-1 outage'],
    [{ kind: 'stale-head', network: 'eth' }, 'Vantage eth stale-head'],
    [{ kind: 'warnings', network: 'eth' }, 'Vantage eth warnings'],
    [{ kind: 'maintenance', network: 'eth', endpoint: 'rpc-1' }, 'Vantage eth/rpc-1 maintenance'],
    [{ kind: 'partkey-expiry', network: 'algo', account: 'ABC' }, 'Vantage account algo/ABC partkey-expiry'],
    [{ kind: 'heartbeat', region: 'eu-west-1' }, 'Vantage probe eu-west-1 heartbeat'],
    [{ kind: 'outage', group: 'g12' }, 'Vantage fleet g12 outage'],
    [{ kind: 'tls-expiry', group: 'g3', warnDays: 7.5 }, 'Vantage fleet g3:7.5d tls-expiry'],
    [{ kind: 'maintenance', everything: true }, 'Vantage * maintenance'],
    [{ kind: 'heartbeat', everything: true }, 'Vantage * heartbeat'],
  ])('%o is "%s" and parses back', (subject, name) => {
    expect(alarmName('Vantage', subject)).toBe(name);
    expect(parseAlarmName('Vantage', name)).toEqual(subject);
  });

  it('tells network alarms from the fleet, probe and account scopes (a network may be called "fleet")', () => {
    expect(parseAlarmName('Vantage', 'Vantage fleet outage')).toEqual({ kind: 'outage', network: 'fleet' });
    expect(parseAlarmName('Vantage', 'Vantage fleet/a outage')).toEqual({ kind: 'outage', network: 'fleet', endpoint: 'a' });
  });

  it('rejects names of other deployments and shapes it does not make', () => {
    for (const name of ['VantageStaging eth outage', 'Vantage eth nonsense', 'Vantage fleet gx outage', 'Vantage probe eu-west-1 outage', 'Vantage a/b/c outage', 'Vantage x y z w outage']) {
      expect(parseAlarmName('Vantage', name), name).toBeNull();
    }
  });
});
