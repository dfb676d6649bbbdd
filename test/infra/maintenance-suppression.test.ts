// No alarm notifies during a maintenance window (issue 16), checked on the
// synthesized templates. Per-endpoint alarms: every SNS action hangs on a
// composite alarm whose ActionsSuppressor is an alarm on the Maintenance
// metric. Fleet alarms: a composite sees only the parent state, so each SNS
// action hangs either on such a composite or on an alarm reading only
// region-less alarm metrics (dimension AlarmGroup), which the probe withholds
// for covered endpoints (their contributors leave the query, their alarms see
// no data) — asked of the datum builder itself, with a window open over
// everything.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datumPlan } from '../../src/metrics/datum-plan.ts';
import { reportToDatums } from '../../src/metrics/report-datums.ts';
import type { Report } from '../../src/report/report.ts';
import { writeFleetConfig } from '../support/fleet-config.ts';
import { synthesize, type Synthesized } from '../support/synthesize.ts';

interface Resource { readonly Type: string; readonly Properties: Record<string, any> }

const WINDOW = 'maintenance:\n  - { id: upgrade, title: Upgrade, start: "2030-01-01T00:00:00Z", end: "2030-01-01T02:00:00Z", endpoints: [NETWORK/ENDPOINT] }';
const files: string[] = [];
let perEndpoint: Synthesized;
let fleet: Synthesized;

function config(shape: Parameters<typeof writeFleetConfig>[0], name: string): string {
  const file = writeFleetConfig(shape, name);
  files.push(file);
  return file;
}

beforeAll(() => {
  // A window naming one endpoint gives it composites of its own.
  const small = { networks: 2, endpoints: 2, regions: ['us-east-1', 'eu-west-1'] };
  const probe = synthesize(config(small, 'probe'));
  const [network] = probe.deployment.config.networks;
  perEndpoint = synthesize(config({ ...small, extra: WINDOW.replace('NETWORK', network!.id).replace('ENDPOINT', network!.endpoints[0]!.id) }, 'per-endpoint'));
  // 30 evm endpoints in one network overflow its warning composite: fleet alarms; every 10 s, so
  // outage, regional and lagging are per-endpoint high-resolution alarms notifying directly.
  fleet = synthesize(config({ networks: 1, endpoints: 30, regions: ['us-east-1', 'eu-west-1'], everySeconds: 10 }, 'fleet'));
}, 240_000);
afterAll(() => files.forEach((f) => rmSync(dirname(f), { recursive: true, force: true })));

function resources(s: Synthesized): Resource[] {
  return Object.values(byLogicalId(s));
}

/** Alarm stacks' composites and suppressors share a stack, so logical ids suffice to follow a reference. */
function byLogicalId(s: Synthesized): Record<string, Resource> {
  const stacks = [s.stacks.central, ...s.stacks.alarms];
  return Object.assign({}, ...stacks.map((stack) => (s.app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, Resource> }).Resources));
}

const named = (all: Resource[]) => new Map(all.filter((r) => r.Properties?.['AlarmName']).map((r) => [r.Properties['AlarmName'] as string, r]));
let logical: Record<string, Resource> = {};
const notifying = (all: Resource[]) => all.filter((r) => r.Type.startsWith('AWS::CloudWatch::') && (r.Properties?.['AlarmActions'] || r.Properties?.['OKActions']));

/** The suppressor of a composite, by name, must be a metric alarm on Maintenance (max ≥ 1). */
function expectMaintenanceSuppressor(composite: Resource, byName: Map<string, Resource>): void {
  const p = composite.Properties;
  const suppressor = suppressorOf(p['ActionsSuppressor'], byName);
  expect(suppressor.Type, p['AlarmName']).toBe('AWS::CloudWatch::Alarm');
  expect(suppressor.Properties, p['AlarmName']).toMatchObject({ MetricName: 'Maintenance', Statistic: 'Maximum', Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
  expect(suppressor.Properties['AlarmActions'], p['AlarmName']).toBeUndefined();
  expect(p['ActionsSuppressorWaitPeriod']).toBeGreaterThan(0);
  expect(p['ActionsSuppressorExtensionPeriod']).toBe(p['ActionsSuppressorWaitPeriod']);
}

/** ActionsSuppressor is the suppressor alarm's ARN: a GetAtt of its logical id. */
function suppressorOf(value: unknown, byName: Map<string, Resource>): Resource {
  const ref = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
  const found = ref ? logical[ref[0]] : undefined;
  if (!found || !byName.has(found.Properties['AlarmName'])) throw new Error(`cannot follow the suppressor ${JSON.stringify(value)}`);
  return found;
}

describe('maintenance silences every notification: per-endpoint alarms', () => {
  it('hang every SNS action on a composite whose suppressor is an alarm on Maintenance', () => {
    logical = byLogicalId(perEndpoint);
    const all = resources(perEndpoint);
    const byName = named(all);
    const actors = notifying(all);
    expect(actors.length).toBeGreaterThan(3);
    for (const actor of actors) {
      expect(actor.Type, actor.Properties['AlarmName']).toBe('AWS::CloudWatch::CompositeAlarm');
      expectMaintenanceSuppressor(actor, byName);
    }
  });

  it('gives the endpoint a window names its own composites, suppressed by Maintenance for that endpoint', () => {
    logical = byLogicalId(perEndpoint);
    const all = resources(perEndpoint);
    const byName = named(all);
    const [network] = perEndpoint.deployment.config.networks;
    const endpoint = network!.endpoints[0]!.id;
    const own = byName.get(`Vantage ${network!.id}/${endpoint} health`)!;
    expect(own.Type).toBe('AWS::CloudWatch::CompositeAlarm');
    const suppressor = suppressorOf(own.Properties['ActionsSuppressor'], byName);
    expect(suppressor.Properties['Dimensions']).toEqual([{ Name: 'Endpoint', Value: endpoint }, { Name: 'Network', Value: network!.id }]);
  });
});

describe('maintenance silences every notification: fleet alarms', () => {
  it('hang every SNS action on a suppressible composite, or on an alarm reading only the alarm metrics the probe withholds for covered endpoints', () => {
    expect(alarmMetricsUnderMaintenance(fleet)).toEqual({ before: ['Exposed', 'FinalityLagging', 'Lagging', 'RegionsDown', 'TlsDaysToExpiry'], during: [] });
    logical = byLogicalId(fleet);
    const all = resources(fleet);
    const byName = named(all);
    const kinds = new Set<string>();
    for (const actor of notifying(all)) {
      const p = actor.Properties;
      if (actor.Type === 'AWS::CloudWatch::CompositeAlarm') {
        expectMaintenanceSuppressor(actor, byName);
        kinds.add('composite');
        continue;
      }
      const select = (p['Metrics'] as { Expression?: string }[] | undefined)?.find((q) => q.Expression?.startsWith('SELECT '));
      if (select) {
        expect(select.Expression, p['AlarmName']).toMatch(/FROM SCHEMA\("Vantage", AlarmGroup, /);
        kinds.add('insights');
      } else {
        const dims = (p['Dimensions'] ?? (p['Metrics'] as { MetricStat?: { Metric: { Dimensions: unknown[] } } }[]).find((q) => q.MetricStat)!.MetricStat!.Metric.Dimensions) as { Name: string }[];
        expect(dims.map((d) => d.Name), p['AlarmName']).toContain('AlarmGroup');
        kinds.add(p['Period'] === 10 || JSON.stringify(p['Metrics'] ?? '').includes('"Period":10') ? 'high-resolution' : 'standard');
      }
    }
    expect([...kinds].sort()).toEqual(['composite', 'high-resolution', 'insights']);
  });
});

/** Names of the region-less alarm metrics (dimension AlarmGroup) the datum builder publishes without a window, and with one over everything. */
function alarmMetricsUnderMaintenance(s: Synthesized): { before: string[]; during: string[] } {
  const config = s.deployment.config;
  const network = config.networks[0]!;
  const report: Report = {
    schemaVersion: 1, startedAt: '2030-01-01T01:00:00.000Z', durationMs: 1, region: 'us-east-1', status: 'up',
    networks: [{
      id: network.id, chain: network.chain, status: 'up', referenceHeight: 10, accounts: [],
      endpoints: network.endpoints.map((e) => ({
        id: e.id, url: e.url, reference: false, status: 'up', reasons: [],
        timings: { dnsMs: 1, connectMs: 1, tlsMs: 1, ttfbMs: 1, totalMs: 1, upgradeMs: null, firstNotificationMs: null },
        tls: { protocol: 'TLSv1.3', notAfter: '2030-02-01T00:00:00.000Z', daysToExpiry: 30, issuer: 'CN=x', subject: 'CN=x', trusted: true, hostnameMatch: true },
        chain: { height: 10, lagBlocks: 0, headAgeSeconds: 1, syncing: false, peers: 1, finalizedHeight: 9, finalityLagBlocks: 1, finalityLagSeconds: 12, blockIntervalSeconds: 12 },
        arrival: null,
        addresses: [],
      })),
    }],
  };
  const everything = { id: 'all', title: 'All', start: '2030-01-01T00:00:00.000Z', end: '2030-01-01T02:00:00.000Z', startMs: Date.parse('2030-01-01T00:00:00Z'), endMs: Date.parse('2030-01-01T02:00:00Z'), networks: null, endpoints: null };
  const alarmMetrics = (maintenance: (typeof everything)[]) => [...new Set(reportToDatums(report, datumPlan({ ...config, maintenance }))
    .filter((d) => d.dimensions.some((x) => x.name === 'AlarmGroup')).map((d) => d.name))].sort();
  return { before: alarmMetrics([]), during: alarmMetrics([everything]) };
}
