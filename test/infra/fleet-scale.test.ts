// 2,000 endpoints × 10 regions (40 networks × 50 endpoints, every family,
// 64-character ids) synthesized offline: every template inside
// CloudFormation's limits, the fleet alarms inside Metrics Insights' limits
// by construction and as synthesized, cdk-nag clean (synthesize() runs the
// packs and throws on a finding). The 10-second variant (6,000 more alarms)
// is synthesized by `npm run bench -- --only fleet`: it takes minutes here.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS_INSIGHTS, STACK_MAX_RESOURCES, TEMPLATE_MAX_BYTES } from '../../src/config/aws-limits.ts';
import { TEN_REGIONS, writeFleetConfig } from '../support/fleet-config.ts';
import { synthesizeFleet, type FleetSynth } from '../support/fleet-synth.ts';

let file: string;
let fleet: FleetSynth;

beforeAll(() => {
  file = writeFleetConfig({ networks: 40, endpoints: 50, regions: TEN_REGIONS, shards: 20 });
  fleet = synthesizeFleet(file);
}, 300_000);
afterAll(() => rmSync(dirname(file), { recursive: true, force: true }));

describe('2,000 endpoints × 10 regions', () => {
  it('synthesizes one central and ten probe stacks, each inside 500 resources and 1 MB', () => {
    expect(fleet.templates.map((t) => t.stack).sort()).toEqual(['vantage-central', ...TEN_REGIONS.map((r) => `vantage-probe-${r}`)].sort());
    for (const t of fleet.templates) {
      expect(t.resources, t.stack).toBeLessThanOrEqual(STACK_MAX_RESOURCES);
      expect(t.bytes, t.stack).toBeLessThanOrEqual(TEMPLATE_MAX_BYTES);
    }
  });

  it('watches it with fleet alarms: 28 Metrics Insights alarms, within the account\'s 200 and the deployment\'s 150', () => {
    expect(fleet.synthesized.deployment.plan.strategy).toBe('fleet');
    const insights = fleet.templates.reduce((n, t) => n + t.insightsAlarms, 0);
    // 4 alarm groups × 7 conditions (outage, regional, lagging, certificates, exposure, finality, failing addresses).
    expect(insights).toBe(28);
    expect(insights).toBeLessThanOrEqual(METRICS_INSIGHTS.maxAlarmsPerDeployment);
  });

  it('synthesizes every query as planned, each matching at most 500 metrics and returning at most 500 series (counted by construction)', () => {
    const planned = fleet.plan.filter((a) => a.condition.type === 'insights');
    expect([...fleet.queries.keys()].sort()).toEqual(planned.map((a) => a.name).sort());
    for (const alarm of planned) {
      if (alarm.condition.type !== 'insights') continue;
      expect(fleet.queries.get(alarm.name), alarm.name).toBe(alarm.condition.query);
      expect(alarm.condition.matches, alarm.name).toBeLessThanOrEqual(500);
      expect(alarm.condition.series, alarm.name).toBeLessThanOrEqual(METRICS_INSIGHTS.maxSeriesPerQuery);
      expect(alarm.condition.matches, alarm.name).toBeLessThanOrEqual(METRICS_INSIGHTS.maxMetricsPerQuery);
      expect(alarm.condition.query).toMatch(/ GROUP BY Network, Endpoint ORDER BY (SUM|MAX|MIN)\(\) (ASC|DESC)$/);
    }
  });

  it('has no metric-math alarm over 10 metrics', () => {
    for (const t of fleet.templates) expect(t.maxMathMetrics, t.stack).toBeLessThanOrEqual(10);
  });
});
