// The status function against the local AWS double, with the alarms infra/
// builds for a config that judges finality, block cadence, block arrival and
// every address: issue 14's findings and failing addresses reach the
// central page as degraded components in plain words, with the figure read
// from the metrics behind each alarm (a finality or late-block alarm's own
// datapoint is the probes' 0/1 judgement), and alarms on region-less facts
// (certificate days, failing addresses) leave what each region sees alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_ENV } from '../../../../functions/common/environment.ts';
import { createStatusHandler } from '../../../../functions/status/status-handler.ts';
import { statusView } from '../../../../src/status/status-view.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import type { MetricPoint } from '../../../support/aws/cloudwatch-metric-data.ts';
import { BUCKET, lambdaContext, startStatusWorld, type StatusWorld } from './status-world.ts';

useTestCredentials();

const MIN = 60_000;
const NOW = Date.now();

// evm tracks finality (maxFinalityLagSeconds 1200 by default) and reads cadence; eth-main watches block arrival
// (late past 1000 ms); algorand reads cadence (2.8 s blocks). Every endpoint is a host name probed address by address.
const CONFIG = `version: 1
probe:
  regions: [us-east-1, eu-west-1]
central: { account: "111111111111", region: us-east-1 }
status: { title: Chain depth status }
networks:
  - id: eth-main
    chain: evm
    arrival: { windowSeconds: 10, maxDelayMs: 1000 }
    endpoints:
      - { id: rpc-1, url: "https://rpc-1.example.com" }
      - { id: rpc-2, url: "https://rpc-2.example.com" }
      - { id: rpc-3, url: "https://rpc-3.example.com" }
      - { id: rpc-4, url: "https://rpc-4.example.com" }
  - id: algo-main
    chain: algorand
    endpoints:
      - { id: api-1, url: "https://algod.example.com" }
`;

type RegionView = { down: string[]; degraded: string[]; up: string[]; unknown: string[] };
type Summary = {
  status: { indicator: string };
  components: { id: string; status: string; description: string | null }[];
  incidents: { name: string; incident_updates: { body: string }[] }[];
};
type History = { components: { id: string; regions?: RegionView | null }[] };

const perRegion = (metricName: string, unit: string, endpoint: string, region: string, value: number): MetricPoint => ({
  namespace: 'Vantage', metricName, dimensions: { Network: 'eth-main', Endpoint: endpoint, ProbeRegion: region }, unit, at: NOW - 2 * MIN, value,
});

let world: StatusWorld;

beforeAll(async () => {
  world = await startStatusWorld(CONFIG);
  for (const name of world.alarmNames) world.alarms.setState(name, 'OK', new Date(NOW - 40 * 86_400_000));
  // Each alarm with the datapoint CloudWatch would report: the 0/1 judgement for finality and late blocks, the
  // failing-address count, certificate days and the network's block interval as they are.
  world.alarms.setState('Vantage eth-main/rpc-1 finality-lagging', 'ALARM', new Date(NOW - 8 * MIN), 1);
  world.alarms.setState('Vantage eth-main/rpc-2 late-blocks', 'ALARM', new Date(NOW - 7 * MIN), 1);
  world.alarms.setState('Vantage eth-main/rpc-3 tls-expiry', 'ALARM', new Date(NOW - 6 * MIN), 6.2);
  world.alarms.setState('Vantage eth-main/rpc-4 addresses', 'ALARM', new Date(NOW - 5 * MIN), 2);
  world.alarms.setState('Vantage eth-main finality-stalled', 'ALARM', new Date(NOW - 4 * MIN), 1);
  world.alarms.setState('Vantage algo-main slow-blocks', 'ALARM', new Date(NOW - 3 * MIN), 7.46);
  world.alarms.setState('Vantage algo-main cadence-anomaly', 'ALARM', new Date(NOW - 3 * MIN), 7.46);
  // What the probes published per region: rpc-1's finalized head 25 min behind from us-east-1, rpc-2's blocks 2.1 s late in eu-west-1.
  world.points.push(
    perRegion('FinalityLag', 'Seconds', 'rpc-1', 'us-east-1', 1518), perRegion('FinalityLag', 'Seconds', 'rpc-1', 'eu-west-1', 40),
    perRegion('ArrivalDelay', 'Milliseconds', 'rpc-2', 'us-east-1', 180), perRegion('ArrivalDelay', 'Milliseconds', 'rpc-2', 'eu-west-1', 2140),
  );
}, 120_000);
afterAll(async () => world?.stop());

describe('status function: finality, cadence, late blocks and failing addresses', () => {
  it('shows each firing alarm as a degraded component in plain words, the figure from the metrics behind it', async () => {
    expect(world.alarmNames).toEqual(expect.arrayContaining([
      'Vantage eth-main/rpc-1 finality-lagging', 'Vantage eth-main/rpc-2 late-blocks', 'Vantage eth-main/rpc-4 addresses',
      'Vantage eth-main finality-stalled', 'Vantage algo-main slow-blocks', 'Vantage algo-main cadence-anomaly',
    ]));
    const handler = createStatusHandler({
      view: statusView(world.config),
      env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET },
      endpoints: { cloudwatch: world.double.url, s3: world.double.url },
    });
    const result = await handler({}, lambdaContext());
    expect(result).toMatchObject({ firing: 7, warnings: [] });

    const summary = world.json<Summary>('api/v2/summary.json');
    expect(summary.components.map((c) => [c.id, c.status, c.description])).toEqual([
      ['eth-main', 'degraded_performance', 'finalized head far behind the head on every endpoint: finality may have stalled'],
      ['eth-main/rpc-1', 'degraded_performance', 'finalized head 25 min behind the head'],
      ['eth-main/rpc-2', 'degraded_performance', 'blocks arrive 2.1 s after the fastest endpoint'],
      ['eth-main/rpc-3', 'degraded_performance', 'TLS certificate expires in 6.2 days'],
      ['eth-main/rpc-4', 'degraded_performance', '2 addresses failing'],
      ['algo-main', 'degraded_performance', 'blocks every 7.5 s, expected ~2.8 s'],
      ['algo-main/api-1', 'operational', null],
    ]);
    expect(summary.status.indicator).toBe('minor');
    const body = (name: string) => summary.incidents.find((i) => i.name.startsWith(name))!.incident_updates[0]!.body;
    expect(body('rpc-1 ')).toBe('rpc-1 (eth-main): finalized head 25 min behind the head, seen from us-east-1.');
    expect(body('rpc-2 ')).toBe('rpc-2 (eth-main): blocks arrive 2.1 s after the fastest endpoint, seen from eu-west-1.');
    expect(body('rpc-4 ')).toBe('rpc-4 (eth-main): 2 addresses failing, seen by the probes.');
    expect(body('algo-main')).toBe('algo-main: blocks every 7.5 s, expected ~2.8 s, seen by the probes.');
    // The alarms' own 0/1 never becomes a figure.
    expect(JSON.stringify(summary)).not.toMatch(/\b1 s behind|0\.0 s after/);
  });

  it('says which regions see the finality and arrival trouble, and leaves every region up for a certificate or address alarm', async () => {
    const handler = createStatusHandler({
      view: statusView(world.config),
      env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET },
      endpoints: { cloudwatch: world.double.url, s3: world.double.url },
    });
    await handler({}, lambdaContext());
    const regions = (id: string) => world.json<History>('history.json').components.find((c) => c.id === id)!.regions;
    expect(regions('eth-main/rpc-1')).toEqual({ down: [], degraded: ['us-east-1'], up: ['eu-west-1'], unknown: [] });
    expect(regions('eth-main/rpc-2')).toEqual({ down: [], degraded: ['eu-west-1'], up: ['us-east-1'], unknown: [] });
    // TlsDaysToExpiry and AddressesUnhealthy have no region: the other regions are not "no current data".
    expect(regions('eth-main/rpc-3')).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1'], unknown: [] });
    expect(regions('eth-main/rpc-4')).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1'], unknown: [] });
    const html = world.object('index.html')!.body.toString('utf8');
    expect(html).not.toMatch(/no current data/i);
    expect(html).toContain('<p class="regions">Up from all 2 probe regions.</p>');
  });
});
