// Configs against what CloudFormation and CloudWatch accept: a per-endpoint
// network near the size its composites allow, with long ids and ten
// regions, must synthesize inside every limit (2,000 endpoints with the
// longest ids: fleet-scale.test.ts); the checks that stop synth
// with one line (infra/app.ts turns it into exit 2) must fire on a stack
// over 500 resources and a template over 1 MB.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackLimitProblems, templateSizeProblems } from '../../infra/stack-limits.ts';
import type { VantageStacks } from '../../infra/vantage-app.ts';
import { TEN_REGIONS } from '../support/fleet-config.ts';
import { cdkJsonContext, resourcesOf, synthesize, type Synthesized } from '../support/synthesize.ts';

const dir = mkdtempSync(join(tmpdir(), 'vantage-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** One bitcoin network of `endpoints` endpoints with 40-character ids (the longest, 64, would pass a composite's 10,240 characters: fleet alarms). */
function network(name: string, endpoints: number, regions: readonly string[]): string {
  let yaml = `version: 1\nprobe: { regions: [${regions.join(', ')}], shards: 2 }\ncentral: { account: "111111111111", region: us-east-1 }\nalerting: { outageRegions: 2, email: [ops@example.com] }\nnetworks:\n`;
  yaml += `  - id: ${'n'.repeat(40)}\n    chain: bitcoin\n    endpoints:\n`;
  for (let e = 0; e < endpoints; e++) yaml += `      - { id: ${String(e).padStart(2, '0')}${'e'.repeat(38)}, url: "https://rpc-${e}.example.com" }\n`;
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

interface AlarmQuery { Id: string; Expression?: string; MetricStat?: unknown }

describe('22 endpoints × 10 regions in one network, 40-character ids, per-endpoint alarms', () => {
  let s: Synthesized;
  beforeAll(() => {
    // bitcoin: outage, regional, lagging, certificate and failing addresses per endpoint: 88 warnings (+ slow blocks and the
    // cadence band) and 23 critical alarms fit their composites; a 23rd endpoint would pass the warnings rule's 10,240 characters.
    s = synthesize(network('large', 22, TEN_REGIONS));
  }, 120_000);

  it('synthesizes inside the stack limits: resources, template size, dashboard quotas', () => {
    expect(s.deployment.plan.strategy).toBe('per-endpoint');
    expect(stackLimitProblems(s.stacks)).toEqual([]);
    expect(templateSizeProblems(s.app.synth())).toEqual([]);
    expect(Object.keys(s.central.toJSON().Resources as object).length).toBeLessThanOrEqual(500);
    expect(s.stacks.central.dashboard.metricCount).toBeLessThanOrEqual(2500);
  });

  it('keeps every alarm to one metric whatever the regions, names within 255 and descriptions within 1,024 characters', () => {
    const alarms = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBe(s.deployment.plan.alarms.filter((a) => a.billing !== 'composite').length);
    for (const a of alarms) {
      const name = a.Properties['AlarmName'] as string;
      expect(name.length, name).toBeLessThanOrEqual(255);
      expect((a.Properties['AlarmDescription'] as string).length, name).toBeLessThanOrEqual(1024);
      const queries = (a.Properties['Metrics'] ?? []) as AlarmQuery[];
      // A single-metric alarm, or the regional math over one metric (the anomaly band reads one too).
      expect(queries.filter((q) => q.MetricStat).length, name).toBeLessThanOrEqual(1);
    }
  });

  it('draws the dashboard from one Metrics Insights query per graph and at most 100 alarms per status widget', () => {
    const [dashboard] = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Dashboard'));
    const parts = (dashboard!.Properties['DashboardBody'] as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const body = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join('')) as { widgets: { type: string; properties: { metrics?: unknown[]; alarms?: unknown[]; title: string } }[] };
    const alarmWidgets = body.widgets.filter((w) => w.type === 'alarm');
    // The network: 22 × 5 = 110 endpoint alarms, stale head, slow blocks, cadence band, maintenance, 2 composites = 116;
    // the probe row: 10 heartbeats and their composite.
    expect(alarmWidgets.map((w) => w.properties.alarms!.length).sort((a, b) => b - a)).toEqual([100, 16, 11]);
    for (const w of body.widgets.filter((x) => x.type === 'metric')) {
      expect(w.properties.metrics!.length, w.properties.title).toBeLessThanOrEqual(10);
    }
    expect(JSON.stringify(body)).toContain('GROUP BY Endpoint, ProbeRegion ORDER BY MIN() ASC');
  });
});

describe('configs too large for a stack', () => {
  it('stops before synth when a stack would pass 500 resources, naming it and its alarms', () => {
    const app = new App({ context: cdkJsonContext() });
    const big = new Stack(app, 'vantage-alarms-1');
    for (let i = 0; i < 501; i++) new CfnResource(big, `Alarm${i}`, { type: 'AWS::CloudWatch::Alarm', properties: {} });
    const central = Object.assign(new Stack(app, 'vantage-central'), { dashboard: { widgetCount: 10, metricCount: 10 } });
    const stacks = { central, alarms: [big], probes: [] } as unknown as VantageStacks;
    expect(stackLimitProblems(stacks)).toEqual([{ path: 'networks', message: expect.stringMatching(/^make vantage-alarms-1 501 resources \(501 alarms\); CloudFormation allows 500 per stack /) }]);
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
