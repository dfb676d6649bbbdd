// The status function on a fleet: the Metrics Insights alarms infra/ builds
// for a config too large for per-endpoint alarms, held by the local AWS
// double with contributors in ALARM. The page shows exactly those endpoints
// down or degraded, from the regions their per-region metrics say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStatusHandler } from '../../../../functions/status/status-handler.ts';
import { FUNCTION_ENV } from '../../../../functions/common/environment.ts';
import { statusView } from '../../../../src/status/status-view.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import { BUCKET, lambdaContext, startStatusWorld, upSamples, type StatusWorld } from './status-world.ts';

useTestCredentials();

const MIN = 60_000;
const NOW = Date.now();
// 30 evm endpoints in one network: its warning composite would combine more than 100 alarms, so the alarms are fleet alarms.
const CONFIG = `version: 1
probe:
  regions: [us-east-1, eu-west-1, ap-southeast-1]
central: { account: "111111111111", region: us-east-1 }
status: { title: Fleet status }
networks:
  - id: eth-main
    chain: evm
    maxLagBlocks: 3
    endpoints:
${Array.from({ length: 30 }, (_, i) => `      - { id: rpc-${i + 1}, url: "https://rpc-${i + 1}.example.com" }`).join('\n')}
`;

type Summary = { status: { indicator: string }; components: { id: string; status: string; description: string | null }[]; incidents: { name: string; incident_updates: { body: string }[] }[] };

let world: StatusWorld;
beforeAll(async () => {
  world = await startStatusWorld(CONFIG);
  for (const name of world.alarmNames) world.alarms.setState(name, 'OK', new Date(NOW - 40 * 86_400_000));
  const contributor = (endpoint: string, at: number, state: 'ALARM' | 'OK' = 'ALARM') => ({
    ContributorId: `id-${endpoint}`, ContributorAttributes: { Network: 'eth-main', Endpoint: endpoint },
    StateReason: 'Threshold Crossed: 2 datapoints were greater than or equal to the threshold.', StateTransitionedTimestamp: new Date(at), state,
  });
  // rpc-3 down from two regions, rpc-9 recovered (its contributor is OK and not listed); rpc-7 lags in ap-southeast-1.
  world.alarms.setState('Vantage fleet g1 outage', 'ALARM', new Date(NOW - 6 * MIN));
  world.alarms.setContributors('Vantage fleet g1 outage', [contributor('rpc-3', NOW - 6 * MIN), contributor('rpc-9', NOW - 30 * MIN, 'OK')]);
  world.alarms.setState('Vantage fleet g1 lagging', 'ALARM', new Date(NOW - 4 * MIN));
  world.alarms.setContributors('Vantage fleet g1 lagging', [contributor('rpc-7', NOW - 4 * MIN)]);
  for (const region of ['us-east-1', 'eu-west-1', 'ap-southeast-1']) {
    world.points.push(...upSamples('eth-main', 'rpc-3', region, NOW - 2 * MIN, NOW - 2 * MIN + 1, () => (region === 'ap-southeast-1' ? 1 : 0)));
    world.points.push({ namespace: 'Vantage', metricName: 'HeightLag', dimensions: { Network: 'eth-main', Endpoint: 'rpc-7', ProbeRegion: region }, unit: 'Count', at: NOW - 2 * MIN, value: region === 'ap-southeast-1' ? 12 : 1 });
  }
}, 180_000);
afterAll(async () => world?.stop());

describe('status function on fleet alarms', () => {
  it('shows exactly the contributors in ALARM as their endpoints, down or degraded, with the regions that see it', async () => {
    expect(world.alarmNames.filter((n) => n.startsWith('Vantage fleet g1 '))).toEqual(expect.arrayContaining(['Vantage fleet g1 outage', 'Vantage fleet g1 lagging']));
    const handler = createStatusHandler({
      view: statusView(world.config),
      env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET },
      endpoints: { cloudwatch: world.double.url, s3: world.double.url },
    });
    const result = await handler({}, lambdaContext());
    expect(result).toMatchObject({ firing: 2, warnings: [] });

    const summary = world.json<Summary>('api/v2/summary.json');
    const notOperational = summary.components.filter((c) => c.status !== 'operational').map((c) => [c.id, c.status, c.description]);
    expect(notOperational.sort()).toEqual([
      ['eth-main', 'partial_outage', expect.any(String)],
      ['eth-main/rpc-3', 'major_outage', 'not answering'],
      ['eth-main/rpc-7', 'degraded_performance', '12 blocks behind the network'],
    ].sort());
    const outage = summary.incidents.find((i) => i.name.startsWith('rpc-3'))!;
    expect(outage.incident_updates[0]!.body).toBe('rpc-3 (eth-main): not answering, seen from eu-west-1 and us-east-1.');
    expect(summary.incidents.find((i) => i.name.startsWith('rpc-7'))!.incident_updates[0]!.body).toBe('rpc-7 (eth-main): 12 blocks behind the network, seen from ap-southeast-1.');

    // Contributors were read for the fleet alarms in ALARM only, through DescribeAlarmContributors.
    expect(world.double.calls('cloudwatch', 'DescribeAlarmContributors').map((c) => (c.input as { AlarmName: string }).AlarmName).sort())
      .toEqual(['Vantage fleet g1 lagging', 'Vantage fleet g1 outage']);
  });
  it('says how many of a contributor\'s addresses fail, from its region-less AddressesUnhealthy in its group, never which, and leaves every region up', async () => {
    world.alarms.setState('Vantage fleet g1 addresses', 'ALARM', new Date(NOW - 3 * MIN));
    world.alarms.setContributors('Vantage fleet g1 addresses', [{
      ContributorId: 'id-rpc-11', ContributorAttributes: { Network: 'eth-main', Endpoint: 'rpc-11' },
      StateReason: 'Threshold Crossed: 3 datapoints were greater than or equal to the threshold.', StateTransitionedTimestamp: new Date(NOW - 3 * MIN), state: 'ALARM',
    }]);
    // The most any region saw, as the probes publish it: one datum per region into the endpoint's region-less metric.
    world.points.push({ namespace: 'Vantage', metricName: 'AddressesUnhealthy', dimensions: { AlarmGroup: 'g1', Network: 'eth-main', Endpoint: 'rpc-11' }, unit: 'Count', at: NOW - 2 * MIN, value: 3 });
    try {
      const handler = createStatusHandler({
        view: statusView(world.config),
        env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET },
        endpoints: { cloudwatch: world.double.url, s3: world.double.url },
      });
      await handler({}, lambdaContext());
      const summary = world.json<Summary>('api/v2/summary.json');
      expect(summary.components.find((c) => c.id === 'eth-main/rpc-11')).toMatchObject({ status: 'degraded_performance', description: '3 addresses failing' });
      expect(summary.incidents.find((i) => i.name.startsWith('rpc-11'))!.incident_updates[0]!.body).toBe('rpc-11 (eth-main): 3 addresses failing, seen by the probes.');
      const history = world.json<{ components: { id: string; regions: unknown }[] }>('history.json');
      expect(history.components.find((c) => c.id === 'eth-main/rpc-11')!.regions).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1', 'ap-southeast-1'], unknown: [] });
    } finally {
      world.alarms.setState('Vantage fleet g1 addresses', 'OK', new Date(NOW - MIN));
      world.alarms.setContributors('Vantage fleet g1 addresses', []);
    }
  });
});
