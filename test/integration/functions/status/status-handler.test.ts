// The status function against the local AWS double, with the alarms infra/
// builds for the config: real SDK clients, real wire protocol.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStatusHandler } from '../../../../functions/status/status-handler.ts';
import { FUNCTION_ENV } from '../../../../functions/common/environment.ts';
import { pageSecurityPolicy } from '../../../../src/status/render/page-policy.ts';
import { statusView } from '../../../../src/status/status-view.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import { captureOutput } from '../../../support/lambda-output.ts';
import { BUCKET, lambdaContext, startStatusWorld, upSamples, type StatusWorld } from './status-world.ts';

useTestCredentials();

const summarySchema = JSON.parse(readFileSync(new URL('../../../fixtures/status/statuspage-v2-summary.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const validateSummary = ajv.compile(summarySchema);

type Summary = {
  status: { indicator: string; description: string };
  components: { id: string; status: string; description: string | null }[];
  incidents: { id: string; name: string; status: string; resolved_at: string | null; incident_updates: { body: string; status: string }[] }[];
};
type History = { components: { id: string; uptime: number | null; days: { date: string; uptime: number | null }[] }[] };

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = Date.now();
const today = Date.parse(`${new Date(NOW).toISOString().slice(0, 10)}T00:00:00.000Z`);
const yesterday = new Date(today - DAY).toISOString().slice(0, 10);

let world: StatusWorld;

function handlerFor(env: Record<string, string> = {}, historyBudgetMs?: number) {
  return createStatusHandler({
    view: statusView(world.config),
    env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET, [FUNCTION_ENV.statusPageUrl]: 'https://status.example.com/', ...env },
    endpoints: { cloudwatch: world.double.url, s3: world.double.url },
    historyBudgetMs,
  });
}

/** Runs an invocation that must fail: its error and the lines it logged. */
async function captureFailure(invoke: () => Promise<unknown>): Promise<{ error: unknown; lines: string[] }> {
  let error: unknown = null;
  const { lines } = await captureOutput(() => invoke().catch((err: unknown) => void (error = err)));
  expect(error).not.toBeNull();
  return { error, lines };
}

const alarm = (suffix: string) => {
  const name = world.alarmNames.find((n) => n.endsWith(suffix));
  if (!name) throw new Error(`no alarm ending "${suffix}" among ${world.alarmNames.join(', ')}`);
  return name;
};

beforeAll(async () => {
  world = await startStatusWorld();
  // Everything OK since long before the alarm-history window.
  for (const name of world.alarmNames) world.alarms.setState(name, 'OK', new Date(NOW - 40 * DAY));
  // Uptime: three days; rpc-1 down for 6 hours yesterday in us-east-1 only.
  const from = today - 2 * DAY;
  for (const region of ['us-east-1', 'eu-west-1']) {
    world.points.push(...upSamples('eth-main', 'rpc-1', region, from, NOW, (at) => (region === 'us-east-1' && at >= today - DAY && at < today - DAY + 6 * 3_600_000 ? 0 : 1)));
    world.points.push(...upSamples('eth-main', 'rpc-2', region, from, NOW, () => 1));
  }
  // Now: rpc-2 is 37 blocks behind as seen from eu-west-1; api-1 does not answer from eu-west-1.
  world.points.push(
    { namespace: 'Vantage', metricName: 'HeightLag', dimensions: { Network: 'eth-main', Endpoint: 'rpc-2', ProbeRegion: 'us-east-1' }, unit: 'Count', at: NOW - 2 * MIN, value: 1 },
    { namespace: 'Vantage', metricName: 'HeightLag', dimensions: { Network: 'eth-main', Endpoint: 'rpc-2', ProbeRegion: 'eu-west-1' }, unit: 'Count', at: NOW - 2 * MIN, value: 37 },
    ...upSamples('algo-main', 'api-1', 'us-east-1', NOW - 2 * MIN, NOW - 2 * MIN + 1, () => 1),
    ...upSamples('algo-main', 'api-1', 'eu-west-1', NOW - 2 * MIN, NOW - 2 * MIN + 1, () => 0),
  );
  world.alarms.setState(alarm('eth-main/rpc-1 outage'), 'ALARM', new Date(NOW - 180 * MIN), 2);
  world.alarms.setState(alarm('eth-main/rpc-1 outage'), 'OK', new Date(NOW - 120 * MIN), 0);
  // The lagging alarm reads the region-less 0/1 Lagging judgement: its datapoint is 1; the 37 blocks are HeightLag's, per region.
  world.alarms.setState(alarm('eth-main/rpc-2 lagging'), 'ALARM', new Date(NOW - 10 * MIN), 1);
  world.alarms.setState(alarm('algo-main/api-1 regional'), 'ALARM', new Date(NOW - 5 * MIN), 1);
  world.alarms.setState(alarm('eth-main/admin exposure'), 'ALARM', new Date(NOW - 5 * MIN), 1);
}, 120_000);

afterAll(async () => world?.stop());
beforeEach(() => world.double.reset());
afterEach(() => world.double.clearFaults());

describe('status function', () => {
  it('writes a Statuspage-compatible summary from alarm states: lagging degraded with region and value, regional partial outage', async () => {
    const result = await handlerFor()({}, lambdaContext());
    // Firing page alarms: rpc-2 lagging and api-1 regional (the exposure alarm fires too, but is not for the page).
    expect(result).toMatchObject({ indicator: 'major', firing: 2, incidents: 2, warnings: [] });
    const summary = world.json<Summary>('api/v2/summary.json');
    expect(validateSummary(summary), ajv.errorsText(validateSummary.errors)).toBe(true);
    const status = (id: string) => summary.components.find((c) => c.id === id);
    expect(status('eth-main/rpc-2')).toMatchObject({ status: 'degraded_performance', description: '37 blocks behind the network' });
    expect(status('algo-main/api-1')).toMatchObject({ status: 'partial_outage', description: 'not answering' });
    expect(status('eth-main/rpc-1')!.status).toBe('operational');
    expect(summary.components.map((c) => c.id)).toEqual(['eth-main', 'eth-main/rpc-1', 'eth-main/rpc-2', 'algo-main', 'algo-main/api-1']);
    const lagging = summary.incidents.find((i) => i.name === 'rpc-2 on eth-main: degraded performance')!;
    expect(lagging.incident_updates[0]!.body).toBe('rpc-2 (eth-main): 37 blocks behind the network, seen from eu-west-1.');
    const regional = summary.incidents.find((i) => i.name.startsWith('api-1'))!;
    expect(regional.incident_updates[0]!.body).toBe('api-1 (algo-main): not answering, seen from eu-west-1.');
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });

  it('builds resolved incidents from alarm history and daily uptime from the region-less RegionsDown metric', async () => {
    await handlerFor()({}, lambdaContext());
    const incidents = world.json<Summary>('api/v2/incidents.json').incidents;
    const outage = incidents.find((i) => i.name.startsWith('rpc-1'))!;
    expect(outage).toMatchObject({ name: 'rpc-1 on eth-main: major outage', status: 'resolved', resolved_at: new Date(NOW - 120 * MIN).toISOString() });
    expect(outage.incident_updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
    const history = world.json<History>('history.json');
    const rpc1 = history.components.find((c) => c.id === 'eth-main/rpc-1')!;
    // 6 of 48 region-hours down yesterday: mean of 0.75 (us-east-1) and 1 (eu-west-1).
    expect(rpc1.days.find((d) => d.date === yesterday)!.uptime).toBe(0.875);
    expect(rpc1.days).toHaveLength(90);
    expect(rpc1.days[0]!.uptime).toBeNull();
    // api-1 has one sample per region today: up in us-east-1, down in eu-west-1.
    expect(history.components.find((c) => c.id === 'algo-main/api-1')!.days.at(-1)!.uptime).toBe(0.5);
    expect(history.components.find((c) => c.id === 'algo-main/api-1')!.days.at(-2)!.uptime).toBeNull();
  });

  it('writes every file with its content type and a short cache lifetime, the page last', async () => {
    await handlerFor()({}, lambdaContext());
    const puts = world.double.calls('s3', 'PutObject');
    const keys = puts.map((p) => decodeURIComponent(p.path.slice(`/${BUCKET}/`.length)));
    expect(keys.sort()).toEqual([
      'api/v2/components.json', 'api/v2/incidents.json', 'api/v2/scheduled-maintenances.json', 'api/v2/scheduled-maintenances/active.json',
      'api/v2/scheduled-maintenances/upcoming.json', 'api/v2/status.json', 'api/v2/summary.json',
      'badges/algo-main.json', 'badges/eth-main.json', 'feed.atom', 'history.json', 'index.html',
    ]);
    expect(decodeURIComponent(puts.at(-1)!.path)).toBe(`/${BUCKET}/index.html`);
    expect(world.object('index.html')).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=30' });
    expect(world.object('feed.atom')!.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(world.object('badges/eth-main.json')!.contentType).toBe('application/json; charset=utf-8');
    const feed = world.object('feed.atom')!.body.toString('utf8');
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://status.example.com/feed.atom"/>');
    expect(world.json<{ message: string }>('badges/algo-main.json').message).toBe('partial outage');
  });

  it('writes a page whose inline style and script match, by hash, the Content-Security-Policy CloudFront sends with it', async () => {
    await handlerFor()({}, lambdaContext());
    const page = world.object('index.html')!.body.toString('utf8');
    expect(page).toContain('<script>');
    // The policy the local server computes from this very page, and the one the distribution sends.
    expect(world.siteContentSecurityPolicy).toBe(pageSecurityPolicy(page));
    expect(world.siteContentSecurityPolicy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]{43}='; script-src 'sha256-[A-Za-z0-9+/]{43}='; /);
  });

  it('keeps private endpoints, exposure findings, URLs and secrets off the public files', async () => {
    await handlerFor()({}, lambdaContext());
    for (const [key, object] of world.buckets.get(BUCKET)!) {
      const text = object.body.toString('utf8');
      expect(text, key).not.toMatch(/admin|exposure|exposed|rpc-\d\.example\.com|algod\.example\.com|example\.net|10\.0\.0\.9|vantage\/rpc-key|ssm:/);
      expect(text, key).not.toContain('ref.example');
    }
  });

  it('reads alarm history only for alarms that changed in the window, and not again while nothing changes', async () => {
    const handler = handlerFor();
    await handler({}, lambdaContext());
    const first = world.double.calls('cloudwatch', 'DescribeAlarmHistory').map((c) => (c.input as { AlarmName: string }).AlarmName).sort();
    // Page alarms that changed: rpc-1 outage, rpc-2 lagging, api-1 regional (the exposure alarm is not a page alarm).
    expect(first).toEqual([alarm('algo-main/api-1 regional'), alarm('eth-main/rpc-1 outage'), alarm('eth-main/rpc-2 lagging')].sort());
    world.double.reset();
    await handler({}, lambdaContext());
    expect(world.double.calls('cloudwatch', 'DescribeAlarmHistory')).toHaveLength(0);
    expect(world.double.calls('cloudwatch', 'DescribeAlarms')).toHaveLength(1);
  });

  it('still writes the page when alarm history and metrics cannot be read, from alarm states alone', async () => {
    world.double.fault('DescribeAlarmHistory', { kind: 'error500' });
    world.double.fault('GetMetricData', { kind: 'error500' });
    const result = await handlerFor()({}, lambdaContext());
    expect(result.warnings.length).toBeGreaterThanOrEqual(3);
    expect(result.warnings.some((w) => w.startsWith('uptime:'))).toBe(true);
    const summary = world.json<Summary>('api/v2/summary.json');
    // Without HeightLag there is no figure: the alarm's own datapoint (1, the judgement) is not a number of blocks.
    expect(summary.components.find((c) => c.id === 'eth-main/rpc-2')).toMatchObject({ status: 'degraded_performance', description: 'behind the network' });
    // Without the regional breakdown, the words say so.
    expect(summary.incidents.find((i) => i.name.startsWith('api-1'))!.incident_updates[0]!.body).toBe('api-1 (algo-main): not answering from some probe regions, seen by the probes.');
    expect(world.json<History>('history.json').components.every((c) => c.uptime === null)).toBe(true);
  });

  it('stops reading alarm history at its time budget and writes the page with what it has', async () => {
    world.double.fault('DescribeAlarmHistory', { kind: 'hang' });
    const result = await handlerFor({}, 500)({}, lambdaContext());
    expect(result.warnings.filter((w) => w.startsWith('history of "'))).toHaveLength(3);
    expect(world.double.calls('s3', 'PutObject').length).toBeGreaterThan(0);
    expect(world.json<Summary>('api/v2/summary.json').components.find((c) => c.id === 'eth-main/rpc-2')).toMatchObject({ status: 'degraded_performance' });
  });

  it('writes nothing when the alarms cannot be read, so the last good feed stays up', async () => {
    world.double.fault('DescribeAlarms', { kind: 'error500' });
    const before = world.object('api/v2/summary.json')!.etag;
    await expect(handlerFor()({}, lambdaContext())).rejects.toThrow();
    expect(world.double.calls('s3', 'PutObject')).toHaveLength(0);
    expect(world.object('api/v2/summary.json')!.etag).toBe(before);
  });

  it('notes a probe region that stopped reporting, and takes title and regions from the embedded config', async () => {
    world.alarms.setState(alarm('probe eu-west-1 heartbeat'), 'ALARM', new Date(NOW - 3 * MIN));
    try {
      await handlerFor()({}, lambdaContext());
      const html = world.object('index.html')!.body.toString('utf8');
      expect(html).toContain('<h1>Acme RPC status</h1>');
      expect(html).toMatch(/<p class="notice" role="note">Probes in eu-west-1 stopped reporting \(noticed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\): statuses may be out of date\.<\/p>/);
      expect(html).toContain('Checked every minute from us-east-1, eu-west-1.');
    } finally {
      world.alarms.setState(alarm('probe eu-west-1 heartbeat'), 'OK', new Date(NOW - MIN));
    }
  });

  it('without a bucket to write to, fails each invocation with one log line naming the variable, and writes nothing', async () => {
    const handler = createStatusHandler({ view: statusView(world.config), env: {}, endpoints: { cloudwatch: world.double.url, s3: world.double.url } });
    for (let attempt = 0; attempt < 2; attempt++) {
      const { error, lines } = await captureFailure(() => handler({}, lambdaContext()));
      expect(error).toMatchObject({ name: 'StatusConfigError', message: 'VANTAGE_STATUS_BUCKET is not set: the status function has nowhere to write the feed' });
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0]!)).toMatchObject({
        level: 'ERROR',
        message: 'status invocation failed',
        error: { name: 'StatusConfigError', message: 'VANTAGE_STATUS_BUCKET is not set: the status function has nowhere to write the feed' },
      });
      expect(lines[0]).not.toContain('    at ');
    }
    expect(world.double.requests).toEqual([]);
  });
});

describe('status function on a new deployment', () => {
  let fresh: StatusWorld;
  beforeAll(async () => {
    fresh = await startStatusWorld();
  }, 120_000);
  afterAll(async () => fresh?.stop());

  it('writes an all-operational page with no uptime yet when every alarm is still INSUFFICIENT_DATA and nothing has history', async () => {
    const handler = createStatusHandler({
      view: statusView(fresh.config),
      env: { AWS_REGION: 'us-east-1', [FUNCTION_ENV.statusBucket]: BUCKET },
      endpoints: { cloudwatch: fresh.double.url, s3: fresh.double.url },
    });
    const result = await handler({}, lambdaContext());
    expect(result).toMatchObject({ indicator: 'none', firing: 0, incidents: 0, warnings: [] });
    const summary = fresh.json<Summary>('api/v2/summary.json');
    expect(summary.components.every((c) => c.status === 'operational')).toBe(true);
    expect(summary.incidents).toEqual([]);
    expect(fresh.object('index.html')!.body.toString('utf8')).toContain('rpc-1: no uptime data yet.');
  });
});
