import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { alarmGroups, GROUP_CAPACITY } from '../../../src/alarms/alarm-groups.ts';
import { fleetYaml } from '../../support/fleet-config.ts';

const configFrom = (yaml: string) => applyDefaults(parseConfigText(yaml, { file: null, baseDir: process.cwd() }));
const sizes = (yaml: string, capacity?: number) => alarmGroups(configFrom(yaml), capacity).groups.map((g) => g.members.length);

describe('alarmGroups', () => {
  it('holds at most 500 endpoints a group: one series each, within both Metrics Insights limits', () => {
    expect(GROUP_CAPACITY).toBe(500);
    expect(sizes(fleetYaml({ networks: 40, endpoints: 50, regions: ['us-east-1'] }))).toEqual([500, 500, 500, 500]);
  });

  it('keeps networks whole, in config order, and starts a new group for one that does not fit', () => {
    const config = configFrom(fleetYaml({ networks: 3, endpoints: 4, regions: ['us-east-1'] }));
    const { groups, groupOf } = alarmGroups(config, 10);
    expect(groups.map((g) => g.members.map((m) => `${m.network.slice(0, 3)}/${m.endpoint.slice(0, 3)}`))).toEqual([
      ['n00/e00', 'n00/e01', 'n00/e02', 'n00/e03', 'n01/e00', 'n01/e01', 'n01/e02', 'n01/e03'],
      ['n02/e00', 'n02/e01', 'n02/e02', 'n02/e03'],
    ]);
    expect(groupOf(config.networks[2]!.id, config.networks[2]!.endpoints[0]!.id)).toBe('g2');
  });

  it('splits only a network larger than a group, into groups of its own', () => {
    expect(sizes(fleetYaml({ networks: 2, endpoints: 12, regions: ['us-east-1'] }), 5)).toEqual([5, 5, 2, 5, 5, 2]);
  });

  it('leaves reference endpoints out, and private ones unless exposure is watched (always, for a private endpoint)', () => {
    const config = configFrom(`
version: 1
networks:
  - id: n
    chain: bitcoin
    endpoints:
      - { id: a, url: "https://a.example.com" }
      - { id: ref, url: "https://r.example.com", reference: true }
      - { id: p, url: "https://10.0.0.1:8332", visibility: private }
`);
    const { groups, groupOf } = alarmGroups(config);
    expect(groups).toEqual([{ id: 'g1', members: [{ network: 'n', endpoint: 'a' }, { network: 'n', endpoint: 'p' }] }]);
    expect(groupOf('n', 'ref')).toBeNull();
  });

  it('does not move an earlier network when one is added at the end', () => {
    const before = alarmGroups(configFrom(fleetYaml({ networks: 3, endpoints: 4, regions: ['us-east-1'] })), 10);
    const after = alarmGroups(configFrom(fleetYaml({ networks: 4, endpoints: 4, regions: ['us-east-1'] })), 10);
    expect(after.groups.slice(0, 2).map((g) => g.members.length)).toEqual([8, 8]);
    expect(before.groups[0]!.members).toEqual(after.groups[0]!.members);
  });
});
