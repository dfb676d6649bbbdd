// The status function against the local AWS double: chart series, what each
// region sees and when regions join or leave, and maintenance windows, all
// from the alarms and metric datapoints the double serves; and how many
// metrics it asks GetMetricData for, run after run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FUNCTION_ENV } from '../../../../functions/common/environment.ts';
import { createStatusHandler } from '../../../../functions/status/status-handler.ts';
import { statusView } from '../../../../src/status/status-view.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import type { MetricPoint } from '../../../support/aws/cloudwatch-metric-data.ts';
import { BUCKET, CONFIG, lambdaContext, startStatusWorld, upSamples, type StatusWorld } from './status-world.ts';

useTestCredentials();

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const NOW = Date.now();
const hour = Math.floor(NOW / HOUR) * HOUR;
const today = Math.floor(NOW / DAY) * DAY;
const yesterday = new Date(today - DAY).toISOString().slice(0, 10);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

// api-1 is in a window now; rpc-1 had one yesterday 10:00–12:00; all of eth-main has one tomorrow.
const YAML = `${CONFIG}maintenance:
  - { id: algod-upgrade, title: Algod upgrade, start: "${iso(NOW - 30 * MIN)}", end: "${iso(NOW + 30 * MIN)}", endpoints: [algo-main/api-1] }
  - { id: rpc-1-disk, title: Disk swap, start: "${iso(today - DAY + 10 * HOUR)}", end: "${iso(today - DAY + 12 * HOUR)}", endpoints: [eth-main/rpc-1] }
  - { id: kernel, title: Kernel update, start: "${iso(NOW + DAY)}", end: "${iso(NOW + DAY + HOUR)}", networks: [eth-main] }
`;

type Series = { start: string; step_seconds: number; values: (number | null)[] };
type RegionView = { down: string[]; degraded: string[]; up: string[]; unknown: string[] };
type History = {
  components: {
    id: string; status: string; regions?: RegionView | null;
    days: { date: string; uptime: number | null; maintenance_ms: number }[];
    series?: { response_ms: { hourly: Series; daily: Series }; lag_blocks: { hourly: Series; daily: Series } };
  }[];
};
type Summary = {
  components: { id: string; status: string }[];
  incidents: { name: string; incident_updates: { body: string }[] }[];
  scheduled_maintenances: { id: string; status: string; created_at: string }[];
};

let world: StatusWorld;

const point = (metricName: string, endpoint: string, region: string, at: number, value: number, network = 'eth-main'): MetricPoint => ({
  namespace: 'Vantage', metricName, dimensions: { Network: network, Endpoint: endpoint, ProbeRegion: region },
  unit: metricName === 'TimeToFirstByte' ? 'Milliseconds' : metricName === 'HeightLag' ? 'Count' : 'None', at, value,
});

function handler(now = () => NOW) {
  return createStatusHandler({
    view: statusView(world.config),
    env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET, [FUNCTION_ENV.statusPageUrl]: 'https://status.example.com' },
    endpoints: { cloudwatch: world.double.url, s3: world.double.url },
    now,
  });
}

const alarm = (suffix: string) => world.alarmNames.find((n) => n.endsWith(suffix))!;
const component = (h: History, id: string) => h.components.find((c) => c.id === id)!;
/** GetMetricData queries sent since the last reset, by the letter that starts their id (u uptime, h/d hourly/daily charts, m maintenance days, r regions). */
function queriesByKind(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const call of world.double.calls('cloudwatch', 'GetMetricData')) {
    for (const q of (call.input as { MetricDataQueries: { Id: string }[] }).MetricDataQueries) out[q.Id[0]!] = (out[q.Id[0]!] ?? 0) + 1;
  }
  return out;
}

beforeAll(async () => {
  world = await startStatusWorld(YAML);
  for (const name of world.alarmNames) world.alarms.setState(name, 'OK', new Date(NOW - 40 * DAY));
  // Response times: rpc-2 this hour 10, 20, 30 ms from us-east-1 (median 20) and 40 ms from eu-west-1; 50 ms last hour from us-east-1.
  world.points.push(
    ...[10, 20, 30].map((v) => point('TimeToFirstByte', 'rpc-2', 'us-east-1', hour, v)),
    point('TimeToFirstByte', 'rpc-2', 'eu-west-1', hour, 40),
    point('TimeToFirstByte', 'rpc-2', 'us-east-1', hour - 30 * MIN, 50),
    // Lag: rpc-1 this hour 2 blocks from us-east-1, 5 from eu-west-1.
    point('HeightLag', 'rpc-1', 'us-east-1', hour, 2),
    point('HeightLag', 'rpc-1', 'eu-west-1', hour, 5),
    // rpc-2 lags from eu-west-1 throughout; us-east-1 joins 5 minutes ago and leaves 2 minutes ago.
    ...[9, 5, 2].map((m) => point('HeightLag', 'rpc-2', 'eu-west-1', NOW - m * MIN, 37)),
    ...[[9, 1], [5, 8], [2, 1]].map(([m, v]) => point('HeightLag', 'rpc-2', 'us-east-1', NOW - m! * MIN, v!)),
  );
  // Uptime: rpc-1 down in both regions inside yesterday's window only, up otherwise.
  for (const region of ['us-east-1', 'eu-west-1']) {
    world.points.push(...upSamples('eth-main', 'rpc-1', region, today - DAY, NOW, (at) => (at >= today - DAY + 10 * HOUR && at < today - DAY + 12 * HOUR ? 0 : 1)));
  }
  // api-1 does not answer from eu-west-1 (inside its window).
  world.points.push(point('Up', 'api-1', 'eu-west-1', NOW - 2 * MIN, 0, 'algo-main'), point('Up', 'api-1', 'us-east-1', NOW - 2 * MIN, 1, 'algo-main'));
  world.alarms.setState(alarm('eth-main/rpc-2 lagging'), 'ALARM', new Date(NOW - 10 * MIN), 37);
  world.alarms.setState(alarm('algo-main/api-1 regional'), 'ALARM', new Date(NOW - 5 * MIN), 1);
}, 120_000);

afterAll(async () => world?.stop());
beforeEach(() => world.double.reset());

describe('status function: charts, regions and maintenance from the double', () => {
  it('draws response-time and lag series from TimeToFirstByte p50 and HeightLag Maximum per region', async () => {
    await handler()({}, lambdaContext());
    const history = world.json<History>('history.json');
    const rpc2 = component(history, 'eth-main/rpc-2').series!;
    expect(rpc2.response_ms.hourly).toMatchObject({ start: new Date(hour - 23 * HOUR).toISOString(), step_seconds: 3600 });
    // This hour: mean of the regions' medians (20 and 40); last hour: us-east-1 alone.
    expect(rpc2.response_ms.hourly.values.slice(-2)).toEqual([50, 30]);
    // Today: us-east-1's median of today's values is 20 either way (with or without last hour's 50); eu-west-1 40.
    expect(rpc2.response_ms.daily.values.at(-1)).toBe(30);
    expect(rpc2.response_ms.daily).toMatchObject({ start: new Date(today - 89 * DAY).toISOString(), step_seconds: 86_400 });
    const rpc1 = component(history, 'eth-main/rpc-1').series!;
    // The largest of the regions' lags.
    expect(rpc1.lag_blocks.hourly.values.at(-1)).toBe(5);
    expect(rpc1.lag_blocks.daily.values.at(-1)).toBe(5);
    expect(rpc1.response_ms.hourly.values.every((v) => v === null)).toBe(true);
    const html = world.object('index.html')!.body.toString('utf8');
    // Median of the two hours measured (50 and 30) is 40; the slowest is last hour.
    const lastHour = new Date(hour - HOUR).toISOString().slice(11, 16);
    expect(html).toContain(`<figcaption>Median response 40 ms over 24 h (2 of 24 hours measured); slowest hour 50 ms at ${lastHour} UTC.</figcaption>`);
  });

  it('says which regions see each endpoint down or degraded, and when a region joined or left the incident', async () => {
    await handler()({}, lambdaContext());
    const history = world.json<History>('history.json');
    expect(component(history, 'eth-main/rpc-2').regions).toEqual({ down: [], degraded: ['eu-west-1'], up: ['us-east-1'], unknown: [] });
    expect(component(history, 'eth-main/rpc-1').regions).toEqual({ down: [], degraded: [], up: ['us-east-1', 'eu-west-1'], unknown: [] });
    const html = world.object('index.html')!.body.toString('utf8');
    expect(html).toContain('<p class="regions">Degraded from eu-west-1; up from us-east-1.</p>');
    const summary = world.json<Summary>('api/v2/summary.json');
    const lagging = summary.incidents.find((i) => i.name === 'rpc-2 on eth-main: degraded performance')!;
    expect(lagging.incident_updates.map((u) => u.body).reverse()).toEqual([
      'rpc-2 (eth-main): 37 blocks behind the network, seen from eu-west-1.',
      'rpc-2 (eth-main): 37 blocks behind the network, seen from eu-west-1 and us-east-1 (us-east-1 sees it too).',
      'rpc-2 (eth-main): 37 blocks behind the network, seen from eu-west-1 (us-east-1 no longer sees it).',
    ]);
  });

  it('shows the endpoint in its window under maintenance with no incident though its alarm fires, and lists the windows', async () => {
    await handler()({}, lambdaContext());
    const summary = world.json<Summary>('api/v2/summary.json');
    expect(summary.components.find((c) => c.id === 'algo-main/api-1')!.status).toBe('under_maintenance');
    expect(summary.incidents.map((i) => i.name)).toEqual(['rpc-2 on eth-main: degraded performance']);
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([['algod-upgrade', 'in_progress'], ['kernel', 'scheduled']]);
    const all = world.json<Summary>('api/v2/scheduled-maintenances.json');
    expect(all.scheduled_maintenances.find((m) => m.id === 'rpc-1-disk')!.status).toBe('completed');
    expect(component(world.json<History>('history.json'), 'algo-main/api-1').regions).toBeNull();
  });

  it('leaves the window out of uptime: a day down only inside the window reads 100%, with the window counted apart', async () => {
    await handler()({}, lambdaContext());
    const day = component(world.json<History>('history.json'), 'eth-main/rpc-1').days.find((d) => d.date === yesterday)!;
    // The daily Average counts 12 of 144 samples down (0.9167); outside the window every one is up.
    expect(day).toEqual({ date: yesterday, uptime: 1, maintenance_ms: 2 * HOUR });
    // Read at the finest period one-day-old data keeps: one minute.
    const periods = world.double.calls('cloudwatch', 'GetMetricData')
      .flatMap((c) => (c.input as { MetricDataQueries: { Id: string; MetricStat: { Period: number } }[] }).MetricDataQueries)
      .filter((q) => q.Id.startsWith('m')).map((q) => q.MetricStat.Period);
    expect(new Set(periods)).toEqual(new Set([60]));
  });

  it('keeps each window\'s publication time across containers by reading it back from the feed it wrote', async () => {
    await handler(() => NOW)({}, lambdaContext());
    const first = world.json<Summary>('api/v2/scheduled-maintenances.json').scheduled_maintenances;
    world.double.reset();
    // A new container, five minutes later.
    await handler(() => NOW + 5 * MIN)({}, lambdaContext());
    expect(world.double.calls('s3', 'GetObject')).toHaveLength(1);
    const again = world.json<Summary>('api/v2/scheduled-maintenances.json').scheduled_maintenances;
    expect(again.map((m) => [m.id, m.created_at])).toEqual(first.map((m) => [m.id, m.created_at]));
  });

  it('asks GetMetricData for the series only when they are due: uptime and hourly charts every 10 minutes, daily charts hourly', async () => {
    let clock = NOW;
    const run = handler(() => clock);
    // Three public endpoints × two regions.
    await run({}, lambdaContext());
    // Uptime 6, hourly and daily charts 12 each, maintenance days 4 (yesterday: rpc-1, today: api-1, in two regions), regions of the 2 firing alarms' per-region metrics.
    const first = queriesByKind();
    expect({ u: first['u'], h: first['h'], d: first['d'], m: first['m'] }).toEqual({ u: 6, h: 12, d: 12, m: 4 });
    expect(first['r']).toBeGreaterThan(0);
    world.double.reset();
    clock = NOW + MIN;
    await run({}, lambdaContext());
    expect(Object.keys(queriesByKind())).toEqual(['r']);
    world.double.reset();
    clock = NOW + 10 * MIN;
    await run({}, lambdaContext());
    // Yesterday's window is read once per container; today's again with the uptime.
    expect({ ...queriesByKind(), r: 0 }).toEqual({ u: 6, h: 12, m: 2, r: 0 });
    world.double.reset();
    clock = NOW + 60 * MIN;
    await run({}, lambdaContext());
    expect(queriesByKind()['d']).toBe(12);
  });
});
