// A large fleet against what CloudFormation and CloudWatch accept: 30
// endpoints × 10 regions with the longest ids the config allows must
// synthesize inside every limit; more than one stack holds must stop synth
// with one line naming the cause (infra/app.ts turns it into exit 2).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeployment } from '../../infra/deployment.ts';
import { stackLimitProblems, templateSizeProblems } from '../../infra/stack-limits.ts';
import { buildVantageApp } from '../../infra/vantage-app.ts';
import { cdkJsonContext, resourcesOf, synthesize, type Synthesized } from '../support/synthesize.ts';

const dir = mkdtempSync(join(tmpdir(), 'vantage-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TEN_REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1'];

/** `networks` evm networks of `endpoints` endpoints each, ids as long as the config allows (64 characters). */
function fleet(name: string, networks: number, endpoints: number, regions: readonly string[]): string {
  let yaml = `version: 1\nprobe: { regions: [${regions.join(', ')}], shards: 2 }\ncentral: { account: "111111111111", region: us-east-1 }\nalerting: { outageRegions: ${Math.min(2, regions.length)}, email: [ops@example.com] }\nnetworks:\n`;
  for (let n = 0; n < networks; n++) {
    yaml += `  - id: ${String(n).padStart(2, '0')}${'n'.repeat(62)}\n    chain: evm\n    endpoints:\n`;
    for (let e = 0; e < endpoints; e++) yaml += `      - { id: ${String(e).padStart(2, '0')}${'e'.repeat(62)}, url: "https://rpc-${e}.n${n}.example.com" }\n`;
  }
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

interface AlarmQuery { Id: string; Expression?: string; MetricStat?: unknown }

describe('30 endpoints × 10 regions, longest ids', () => {
  let s: Synthesized;
  beforeAll(() => {
    s = synthesize(fleet('large', 1, 30, TEN_REGIONS));
  }, 120_000);

  it('synthesizes inside the stack limits: resources, template size, dashboard quotas', () => {
    expect(stackLimitProblems(s.stacks)).toEqual([]);
    expect(templateSizeProblems(s.app.synth())).toEqual([]);
    expect(Object.keys(s.central.toJSON().Resources as object).length).toBeLessThanOrEqual(500);
    expect(s.stacks.central.dashboard.metricCount).toBeLessThanOrEqual(2500);
  });

  it('keeps every math alarm within 10 metrics and 10 expressions, names within 255 and descriptions within 1,024 characters', () => {
    const alarms = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBe(30 * 5 + 1 + 10);
    for (const a of alarms) {
      const name = a.Properties['AlarmName'] as string;
      expect(name.length, name).toBeLessThanOrEqual(255);
      expect((a.Properties['AlarmDescription'] as string).length, name).toBeLessThanOrEqual(1024);
      const queries = (a.Properties['Metrics'] ?? []) as AlarmQuery[];
      expect(queries.filter((q) => q.MetricStat).length, name).toBeLessThanOrEqual(10);
      expect(queries.filter((q) => q.Expression).length, name).toBeLessThanOrEqual(10);
    }
    const outage = alarms.find((a) => (a.Properties['AlarmName'] as string).endsWith('outage'))!;
    expect((outage.Properties['Metrics'] as AlarmQuery[]).filter((q) => q.MetricStat)).toHaveLength(10);
  });

  it('draws the dashboard from one Metrics Insights query per graph and at most 100 alarms per status widget', () => {
    const [dashboard] = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Dashboard'));
    const parts = (dashboard!.Properties['DashboardBody'] as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const body = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join('')) as { widgets: { type: string; properties: { metrics?: unknown[]; alarms?: unknown[]; title: string } }[] };
    const alarmWidgets = body.widgets.filter((w) => w.type === 'alarm');
    expect(alarmWidgets.map((w) => w.properties.alarms!.length).sort((a, b) => b - a)).toEqual([100, 52, 10]);
    for (const w of body.widgets.filter((x) => x.type === 'metric')) {
      expect(w.properties.metrics!.length, w.properties.title).toBeLessThanOrEqual(10);
    }
    expect(JSON.stringify(body)).toContain('GROUP BY Endpoint, ProbeRegion ORDER BY MIN() ASC');
  });
});

describe('configs too large for one stack', () => {
  it('stops before synth when the central stack would pass 500 resources', () => {
    // 6 × 20 endpoints from one region: 4 alarms each (no regional alarm) pass 500 with the fixed resources.
    const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
    const stacks = buildVantageApp(app, loadDeployment(fleet('many', 6, 20, ['us-east-1'])));
    const problems = stackLimitProblems(stacks);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'networks', message: expect.stringMatching(/^make Vantage-Central 5\d\d resources \(487 alarms\); CloudFormation allows 500 per stack: watch fewer endpoints/) });
  });

  it('names a synthesized template over 1 MB, measured as the file cdk deploy uploads', () => {
    const app = new App({ context: cdkJsonContext() });
    const big = new Stack(app, 'Big');
    new CfnResource(big, 'Blob', { type: 'AWS::SSM::Parameter', properties: { Type: 'String', Value: 'x'.repeat(1_000_100) } });
    new CfnResource(new Stack(app, 'Small'), 'Tiny', { type: 'AWS::SSM::Parameter', properties: { Type: 'String', Value: 'x' } });
    const problems = templateSizeProblems(app.synth());
    expect(problems).toEqual([{ path: 'networks', message: expect.stringMatching(/^make the Big template 1,000,\d{3} bytes; CloudFormation accepts 1,000,000: /) }]);
  });
});
