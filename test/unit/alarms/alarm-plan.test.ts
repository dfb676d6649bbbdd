import { describe, expect, it } from 'vitest';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { alarmPlan } from '../../../src/alarms/alarm-plan.ts';

const configFrom = (yaml: string) => applyDefaults(parseConfigText(yaml, { file: null, baseDir: process.cwd() }));
const example = applyDefaults(loadConfigFile('examples/vantage.example.yaml'));

describe('alarmPlan', () => {
  it('lists the example config\'s alarms: five per served endpoint, exposure for the private one, none for the reference', () => {
    const names = alarmPlan(example).map((a) => a.name);
    const perEndpoint = (n: string, e: string) => ['outage', 'regional', 'lagging', 'tls-expiry', 'exposure'].map((k) => `Vantage ${n}/${e} ${k}`);
    expect(names).toEqual([
      ...perEndpoint('algorand-mainnet', 'api-1'),
      'Vantage algorand-mainnet/node-3-admin exposure',
      'Vantage algorand-mainnet stale-head',
      'Vantage account algorand-mainnet/WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY partkey-expiry',
      'Vantage algorand-mainnet health',
      ...perEndpoint('eth-main', 'rpc-1'),
      ...perEndpoint('eth-main', 'rpc-2'),
      ...perEndpoint('eth-main', 'rpc-3'),
      'Vantage eth-main stale-head',
      'Vantage eth-main health',
      'Vantage probe us-east-1 heartbeat',
      'Vantage probe eu-west-1 heartbeat',
      'Vantage probe ap-southeast-1 heartbeat',
    ]);
  });

  it('combines exactly the critical alarms of a network in its composite', () => {
    const health = alarmPlan(example).find((a) => a.name === 'Vantage algorand-mainnet health')!;
    expect(health.children).toEqual([
      'Vantage algorand-mainnet/api-1 outage',
      'Vantage algorand-mainnet/api-1 exposure',
      'Vantage algorand-mainnet/node-3-admin exposure',
      'Vantage algorand-mainnet stale-head',
    ]);
    expect(health.billedMetrics).toBe(0);
  });

  it('bills an endpoint alarm once per region and the stale-head query once per endpoint and region that report a head time', () => {
    const alarms = alarmPlan(example);
    expect(alarms.find((a) => a.name === 'Vantage eth-main/rpc-1 outage')!.billedMetrics).toBe(3);
    // api-1 and the reference public-ref report head times; the private endpoint never answers.
    expect(alarms.find((a) => a.name === 'Vantage algorand-mainnet stale-head')!.billedMetrics).toBe(2 * 3);
    expect(alarms.find((a) => a.name === 'Vantage eth-main stale-head')!.billedMetrics).toBe(3 * 3);
  });

  it('has no regional alarm when one region already makes an outage', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1, eu-west-1] }
alerting: { outageRegions: 1 }
networks:
  - { id: n, chain: evm, endpoints: [{ id: a, url: "https://a.example.com" }] }
`);
    expect(alarmPlan(config).map((a) => a.subject.kind)).not.toContain('regional');
  });

  it('skips TLS expiry for plain http and stale head for families without head time', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1] }
networks:
  - { id: dot, chain: substrate, endpoints: [{ id: a, url: "http://10.0.0.1:9933" }] }
`);
    expect(alarmPlan(config).map((a) => a.name)).toEqual([
      'Vantage dot/a outage', 'Vantage dot/a lagging', 'Vantage dot/a exposure', 'Vantage dot health', 'Vantage probe us-east-1 heartbeat',
    ]);
  });

  it('watches the head age of http-json endpoints only where a timePointer gives one', () => {
    const config = configFrom(`
version: 1
probe: { regions: [us-east-1, eu-west-1] }
networks:
  - id: api
    chain: http-json
    endpoints:
      - { id: a, url: "https://a.example.com/h", heightPointer: /height, timePointer: /time }
      - { id: b, url: "https://b.example.com/h", heightPointer: /height }
`);
    const stale = alarmPlan(config).find((a) => a.subject.kind === 'stale-head')!;
    expect(stale.billedMetrics).toBe(1 * 2);
    // http-json probes no admin namespace: no exposure alarm for public endpoints.
    expect(alarmPlan(config).filter((a) => a.subject.kind === 'exposure')).toEqual([]);
  });
});
