import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { alarmPlan, type PlannedAlarm } from '../../../src/alarms/alarm-plan.ts';
import { compositeProblems, insightsProblems } from '../../../src/alarms/plan-limits.ts';
import { fleetYaml, TEN_REGIONS } from '../../support/fleet-config.ts';

const configFrom = (yaml: string) => applyDefaults(parseConfigText(yaml, { file: null, baseDir: process.cwd() }));
const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));
const byName = (alarms: readonly PlannedAlarm[], name: string) => {
  const found = alarms.find((a) => a.name === name);
  if (!found) throw new Error(`no alarm "${name}"`);
  return found;
};
const children = (alarm: PlannedAlarm) => (alarm.condition.type === 'composite' ? alarm.condition.children : []);

describe('alarm plan of the example config (per-endpoint)', () => {
  const plan = alarmPlan(example);

  it('chooses per-endpoint alarms and says why', () => {
    expect(plan.strategy).toBe('per-endpoint');
    // 38 before issue 13's address alarm, + 1 addresses alarm for each of the 4 served endpoints (api-1, rpc-1..3).
    expect(plan.reason).toBe('per-endpoint alarms fit: 42 metric alarms (at most 1000) and every composite within CloudWatch\'s limits');
    expect(plan.problems).toEqual([]);
  });

  it('lists each served endpoint\'s conditions, exposure for the private one, none for the reference, then network, suppressor and composites', () => {
    const perEndpoint = (n: string, e: string, kinds: string[]) => kinds.map((k) => `Vantage ${n}/${e} ${k}`);
    expect(plan.alarms.map((a) => a.name)).toEqual([
      ...perEndpoint('algorand-mainnet', 'api-1', ['outage', 'regional', 'lagging', 'tls-expiry', 'addresses', 'exposure']),
      'Vantage algorand-mainnet/node-3-admin exposure',
      'Vantage algorand-mainnet stale-head',
      'Vantage algorand-mainnet slow-blocks',
      'Vantage algorand-mainnet cadence-anomaly',
      'Vantage account algorand-mainnet/WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY partkey-expiry',
      'Vantage algorand-mainnet maintenance',
      'Vantage algorand-mainnet health',
      'Vantage algorand-mainnet warnings',
      // evm judges finality (DESIGN.md: maxFinalityLagSeconds 1200 by default).
      ...['rpc-1', 'rpc-2', 'rpc-3'].flatMap((e) => perEndpoint('eth-main', e, ['outage', 'regional', 'lagging', 'tls-expiry', 'finality-lagging', 'addresses', 'exposure'])),
      'Vantage eth-main stale-head',
      'Vantage eth-main finality-stalled',
      'Vantage eth-main slow-blocks',
      'Vantage eth-main cadence-anomaly',
      'Vantage eth-main maintenance',
      'Vantage eth-main health',
      'Vantage eth-main warnings',
      'Vantage probe us-east-1 heartbeat',
      'Vantage probe eu-west-1 heartbeat',
      'Vantage probe ap-southeast-1 heartbeat',
      'Vantage * maintenance',
      'Vantage * heartbeat',
    ]);
  });

  it('routes every action through a composite whose suppressor reads Maintenance', () => {
    const notifying = plan.alarms.filter((a) => a.notifies !== null);
    expect(notifying.every((a) => a.condition.type === 'composite')).toBe(true);
    for (const composite of notifying) {
      const condition = composite.condition as Extract<PlannedAlarm['condition'], { type: 'composite' }>;
      const suppressor = byName(plan.alarms, condition.suppressor!);
      expect(suppressor.condition).toMatchObject({ type: 'metric', metric: { name: 'Maintenance', statistic: 'Maximum' }, threshold: 1 });
      expect(suppressor.notifies).toBeNull();
      expect(condition.waitSeconds).toBe(60);
    }
    // Every metric alarm but the suppressors is a child of exactly one composite.
    const routed = notifying.flatMap(children);
    const metricAlarms = plan.alarms.filter((a) => a.condition.type !== 'composite' && a.subject.kind !== 'maintenance').map((a) => a.name);
    expect([...routed].sort()).toEqual([...metricAlarms].sort());
  });

  it('combines a network\'s critical alarms in "health" and its warnings in "warnings"', () => {
    expect(children(byName(plan.alarms, 'Vantage algorand-mainnet health'))).toEqual([
      'Vantage algorand-mainnet/api-1 outage',
      'Vantage algorand-mainnet/api-1 exposure',
      'Vantage algorand-mainnet/node-3-admin exposure',
      'Vantage algorand-mainnet stale-head',
    ]);
    expect(children(byName(plan.alarms, 'Vantage algorand-mainnet warnings'))).toEqual([
      'Vantage algorand-mainnet/api-1 regional', 'Vantage algorand-mainnet/api-1 lagging', 'Vantage algorand-mainnet/api-1 tls-expiry', 'Vantage algorand-mainnet/api-1 addresses',
      'Vantage algorand-mainnet slow-blocks', 'Vantage algorand-mainnet cadence-anomaly',
      'Vantage account algorand-mainnet/WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY partkey-expiry',
    ]);
  });

  it('reads one region-less metric per endpoint alarm, whatever the number of regions, and bills it once', () => {
    const outage = byName(plan.alarms, 'Vantage eth-main/rpc-2 outage');
    expect(outage.condition).toEqual({
      type: 'metric',
      metric: { name: 'RegionsDown', statistic: 'Sum', dimensions: [{ name: 'AlarmGroup', value: 'g1' }, { name: 'Network', value: 'eth-main' }, { name: 'Endpoint', value: 'rpc-2' }] },
      threshold: 2,
      comparison: 'GreaterThanOrEqualToThreshold',
    });
    expect(outage).toMatchObject({ billing: 'standard', billedMetrics: 1, tuning: { periodSeconds: 60, evaluationPeriods: 3, datapointsToAlarm: 2 } });
    expect(byName(plan.alarms, 'Vantage eth-main/rpc-2 regional').condition).toMatchObject({ type: 'math', expression: 'IF(down >= 1 AND down < 2, 1, 0)', metrics: { down: { name: 'RegionsDown' } } });
    expect(byName(plan.alarms, 'Vantage eth-main/rpc-2 tls-expiry').condition).toMatchObject({ metric: { name: 'TlsDaysToExpiry', dimensions: expect.arrayContaining([{ name: 'WarnDays', value: '14' }]) }, threshold: 14 });
    expect(byName(plan.alarms, 'Vantage eth-main stale-head').condition).toMatchObject({ metric: { name: 'HeadAge', statistic: 'Minimum', dimensions: [{ name: 'Network', value: 'eth-main' }] }, threshold: 120 });
    expect(byName(plan.alarms, 'Vantage eth-main cadence-anomaly')).toMatchObject({ condition: { type: 'anomaly', metric: { name: 'BlockInterval' } }, billing: 'anomaly', billedMetrics: 3 });
  });

  it('warns when at least one of an endpoint\'s addresses fails for 3 of 3 periods, on its region-less AddressesUnhealthy (the most any region saw)', () => {
    expect(byName(plan.alarms, 'Vantage eth-main/rpc-1 addresses')).toMatchObject({
      severity: 'warning',
      notifies: null,
      billing: 'standard',
      billedMetrics: 1,
      condition: {
        type: 'metric',
        metric: { name: 'AddressesUnhealthy', statistic: 'Maximum', dimensions: [{ name: 'AlarmGroup', value: 'g1' }, { name: 'Network', value: 'eth-main' }, { name: 'Endpoint', value: 'rpc-1' }] },
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
      },
      tuning: { periodSeconds: 60, evaluationPeriods: 3, datapointsToAlarm: 3, treatMissingData: 'notBreaching', highResolution: false },
    });
    expect(children(byName(plan.alarms, 'Vantage eth-main warnings'))).toContain('Vantage eth-main/rpc-1 addresses');
  });
});

describe('alarm plan below a minute', () => {
  const ten = { ...example, probe: { ...example.probe, everySeconds: 10 as const } };
  const plan = alarmPlan(ten);

  it('makes outage, regional, lagging, stale head and the suppressors high-resolution at the round period, the rest as they were', () => {
    const period = (name: string) => byName(plan.alarms, name).tuning!.periodSeconds;
    for (const name of ['Vantage eth-main/rpc-1 outage', 'Vantage eth-main/rpc-1 regional', 'Vantage eth-main/rpc-1 lagging', 'Vantage eth-main stale-head', 'Vantage eth-main maintenance']) {
      expect(period(name), name).toBe(10);
      expect(byName(plan.alarms, name).billing, name).toBe('high-resolution');
    }
    expect(period('Vantage eth-main/rpc-1 exposure')).toBe(60);
    expect(period('Vantage eth-main/rpc-1 tls-expiry')).toBe(3600);
    expect(byName(plan.alarms, 'Vantage eth-main health').condition).toMatchObject({ waitSeconds: 20 });
  });
});

describe('alarm plan of 2,000 endpoints × 10 regions (fleet)', () => {
  const config = configFrom(fleetYaml({ networks: 40, endpoints: 50, regions: TEN_REGIONS }));
  const plan = alarmPlan(config);
  const insights = plan.alarms.filter((a) => a.condition.type === 'insights');

  it('chooses fleet alarms, naming the composite a per-endpoint plan would overflow', () => {
    expect(plan.strategy).toBe('fleet');
    expect(plan.reason).toMatch(/^fleet alarms \(28 Metrics Insights alarms over 4 alarm groups\): per-endpoint would not fit: "Vantage n00-evm-n+ health" would combine 101 alarms in a rule of [\d,]+ characters; a composite alarm takes at most 100 alarms and 10,240 characters$/);
    expect(plan.problems).toEqual([]);
  });

  it('keeps every query within Metrics Insights\' limits by construction, and the alarm count within a deployment\'s 150', () => {
    expect(insights.length).toBeLessThanOrEqual(150);
    for (const alarm of insights) {
      const c = alarm.condition as Extract<PlannedAlarm['condition'], { type: 'insights' }>;
      expect(c.matches, alarm.name).toBeLessThanOrEqual(10_000);
      expect(c.series, alarm.name).toBeLessThanOrEqual(500);
      expect(c.query.length, alarm.name).toBeLessThanOrEqual(2048);
      expect(alarm.billedMetrics).toBe(c.matches);
    }
    // 4 groups of 500 endpoints: outage, regional, lagging, certificates (one warnDays), exposure (evm, algorand, substrate), finality (evm, substrate, solana),
    // failing addresses (every endpoint: host names, addresses: all).
    const kinds = new Map<string, number>();
    for (const a of insights) kinds.set(a.subject.kind, (kinds.get(a.subject.kind) ?? 0) + 1);
    expect(Object.fromEntries(kinds)).toEqual({ outage: 4, regional: 4, lagging: 4, 'tls-expiry': 4, exposure: 4, 'finality-lagging': 4, addresses: 4 });
  });

  it('watches failing addresses with one Metrics Insights alarm per group, one contributor per endpoint, notifying as a warning', () => {
    expect(byName(plan.alarms, 'Vantage fleet g3 addresses')).toMatchObject({
      severity: 'warning',
      notifies: 'warning',
      billedMetrics: 500,
      tuning: { periodSeconds: 60, evaluationPeriods: 3, datapointsToAlarm: 3 },
      condition: {
        type: 'insights',
        query: 'SELECT MAX(AddressesUnhealthy) FROM SCHEMA("Vantage", AlarmGroup, Network, Endpoint) WHERE AlarmGroup = \'g3\' GROUP BY Network, Endpoint ORDER BY MAX() DESC',
        threshold: 1,
        comparison: 'GreaterThanOrEqualToThreshold',
        matches: 500,
        series: 500,
      },
    });
  });

  it('writes each condition as one aggregate over one group, grouped by endpoint, worst first', () => {
    expect(byName(plan.alarms, 'Vantage fleet g1 outage').condition).toMatchObject({
      type: 'insights',
      query: 'SELECT SUM(RegionsDown) FROM SCHEMA("Vantage", AlarmGroup, Network, Endpoint) WHERE AlarmGroup = \'g1\' GROUP BY Network, Endpoint ORDER BY SUM() DESC',
      threshold: 2,
      matches: 500,
    });
    expect(byName(plan.alarms, 'Vantage fleet g2:14d tls-expiry').condition).toMatchObject({
      query: 'SELECT MIN(TlsDaysToExpiry) FROM SCHEMA("Vantage", AlarmGroup, Network, Endpoint, WarnDays) WHERE AlarmGroup = \'g2\' AND WarnDays = \'14\' GROUP BY Network, Endpoint ORDER BY MIN() ASC',
      threshold: 14,
    });
  });

  it('lets each fleet alarm notify per contributor, and routes network alarms through suppressible composites', () => {
    for (const alarm of insights) expect(alarm.notifies, alarm.name).toBe(alarm.severity);
    const composites = plan.alarms.filter((a) => a.condition.type === 'composite');
    const routed = new Set(composites.flatMap(children));
    const rest = plan.alarms.filter((a) => a.condition.type !== 'composite' && a.condition.type !== 'insights' && a.subject.kind !== 'maintenance');
    for (const alarm of rest) expect(routed.has(alarm.name), alarm.name).toBe(true);
  });

  it('below a minute, keeps outage, regional and lagging per endpoint at high resolution (Metrics Insights cannot), notifying directly', () => {
    const ten = alarmPlan({ ...config, probe: { ...config.probe, everySeconds: 10 } });
    const kinds = (kind: string) => ten.alarms.filter((a) => a.subject.kind === kind);
    for (const kind of ['outage', 'regional', 'lagging']) {
      expect(kinds(kind), kind).toHaveLength(2000);
      expect(kinds(kind).every((a) => a.billing === 'high-resolution' && a.tuning!.periodSeconds === 10 && a.notifies !== null), kind).toBe(true);
    }
    expect(ten.alarms.filter((a) => a.condition.type === 'insights').map((a) => a.subject.kind).sort()).toEqual([
      ...Array(4).fill('addresses'), ...Array(4).fill('exposure'), ...Array(4).fill('finality-lagging'), ...Array(4).fill('tls-expiry'),
    ]);
  });
});

describe('alarm plan edge cases', () => {
  it('has no regional alarm when one region already makes an outage', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1, eu-west-1] }
alerting: { outageRegions: 1 }
networks:
  - { id: n, chain: evm, endpoints: [{ id: a, url: "https://a.example.com" }] }
`);
    expect(alarmPlan(config).alarms.map((a) => a.subject.kind)).not.toContain('regional');
  });

  it('watches addresses only where a host name\'s addresses are probed one by one: not with addresses: first, an IP-literal host, a private or a reference endpoint', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1] }
networks:
  - id: n
    chain: bitcoin
    endpoints:
      - { id: all, url: "https://a.example.com" }
      - { id: first, url: "https://b.example.com", addresses: first }
      - { id: literal4, url: "https://203.0.113.7:8332" }
      - { id: literal6, url: "https://[2001:db8::7]:8332" }
      - { id: secret-host, url: "https://\${ssm:/vantage/btc-host}:8332" }
      - { id: private, url: "https://c.example.com", visibility: private }
      - { id: ref, url: "https://d.example.com", reference: true }
`);
    expect(alarmPlan(config).alarms.filter((a) => a.subject.kind === 'addresses').map((a) => a.subject.endpoint)).toEqual(['all', 'secret-host']);
  });

  it('skips TLS expiry for plain http, stale head and cadence for families without head time', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1] }
networks:
  - { id: dot, chain: substrate, endpoints: [{ id: a, url: "http://10.0.0.1:9933" }] }
`);
    expect(alarmPlan(config).alarms.map((a) => a.name)).toEqual([
      // An IP-literal host: one address, so no address alarm.
      'Vantage dot/a outage', 'Vantage dot/a lagging', 'Vantage dot/a finality-lagging', 'Vantage dot/a exposure',
      'Vantage dot finality-stalled', 'Vantage dot maintenance', 'Vantage dot health', 'Vantage dot warnings',
      'Vantage probe us-east-1 heartbeat', 'Vantage * maintenance', 'Vantage * heartbeat',
    ]);
  });

  it('gives an endpoint a maintenance window names composites of its own, suppressed by its own Maintenance', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1, eu-west-1] }
networks:
  - { id: n, chain: bitcoin, endpoints: [{ id: a, url: "https://a.example.com" }, { id: b, url: "https://b.example.com" }] }
maintenance:
  - { id: w, title: Work on a, start: "2030-01-01T00:00:00Z", end: "2030-01-01T01:00:00Z", endpoints: [n/a] }
`);
    const alarms = alarmPlan(config).alarms;
    expect(children(byName(alarms, 'Vantage n/a health'))).toEqual(['Vantage n/a outage']);
    expect(byName(alarms, 'Vantage n/a health').condition).toMatchObject({ suppressor: 'Vantage n/a maintenance' });
    expect(byName(alarms, 'Vantage n/a maintenance').condition).toMatchObject({ metric: { name: 'Maintenance', dimensions: [{ name: 'Network', value: 'n' }, { name: 'Endpoint', value: 'a' }] } });
    expect(children(byName(alarms, 'Vantage n health'))).toEqual(['Vantage n/b outage', 'Vantage n stale-head']);
  });

  it('refuses, naming the count and the quota, Metrics Insights alarms past a deployment\'s share, queries past their limits, and oversized composites', () => {
    const insights = (i: number, matches = 500, series = 500): PlannedAlarm => ({
      ...byName(alarmPlan(configFrom(fleetYaml({ networks: 1, endpoints: 1, regions: ['us-east-1'] }))).alarms, 'Vantage * maintenance'),
      name: `Vantage fleet g${i} outage`,
      condition: { type: 'insights', query: 'SELECT SUM(RegionsDown) FROM x', label: '', threshold: 2, comparison: 'GreaterThanOrEqualToThreshold', matches, series },
      billing: 'insights',
    });
    expect(insightsProblems(Array.from({ length: 150 }, (_, i) => insights(i)))).toEqual([]);
    expect(insightsProblems(Array.from({ length: 151 }, (_, i) => insights(i)))).toEqual([
      'needs 151 Metrics Insights alarms; an account and region holds 200 (not adjustable) and one deployment keeps to 150',
    ]);
    expect(insightsProblems([insights(1, 10_001, 501)])).toEqual([
      '"Vantage fleet g1 outage" would match 10001 metrics; a Metrics Insights query processes 10000',
      '"Vantage fleet g1 outage" would return 501 series; a Metrics Insights query returns 500',
    ]);
    const composite = { ...insights(1), name: 'Vantage n health', condition: { type: 'composite' as const, children: Array.from({ length: 101 }, (_, i) => `Vantage n/e${i} outage`), suppressor: null, waitSeconds: 60 } };
    expect(compositeProblems([composite])[0]).toMatch(/^"Vantage n health" would combine 101 alarms in a rule of [\d,]+ characters; a composite alarm takes at most 100 alarms and 10,240 characters$/);
  });
});
