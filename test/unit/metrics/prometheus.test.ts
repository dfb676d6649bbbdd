import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { Report } from '../../../src/report/report.ts';
import { describe, expect, it } from 'vitest';
import { renderPrometheus } from '../../../src/metrics/prometheus.ts';
import { everyKindReport, report } from '../../support/reports.ts';

type Parsed = ReturnType<typeof parsePrometheusTextFormat>;
const parse = (text: string): Parsed => parsePrometheusTextFormat(text);
const value = (families: Parsed, name: string, labels: Record<string, string>) =>
  families.find((f) => f.name === name)?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value;

/** probe_http_duration_seconds of one endpoint, by phase. */
function phasesOf(r: Report): (endpoint: string) => Record<string, number> {
  const f = parse(renderPrometheus(r, { rounds: 1, lastRoundEndedAt: null }));
  return (endpoint) => Object.fromEntries(
    f.find((x) => x.name === 'probe_http_duration_seconds')!.metrics.filter((m) => m.labels!['endpoint'] === endpoint).map((m) => [m.labels!['phase'], Number(m.value)]),
  );
}

describe('Prometheus exposition', () => {
  it('uses blackbox_exporter names and meanings for probe results, labelled network, endpoint and region', () => {
    const f = parse(renderPrometheus(everyKindReport(), { rounds: 4, lastRoundEndedAt: null }));
    const at = (endpoint: string) => ({ network: 'eth-main', endpoint, region: 'eu-west-1' });
    expect(value(f, 'probe_success', at('rpc-1'))).toBe('1');
    expect(value(f, 'probe_success', at('rpc-2'))).toBe('1'); // degraded still answers
    expect(value(f, 'probe_success', at('rpc-3'))).toBe('0');
    expect(value(f, 'probe_duration_seconds', at('rpc-1'))).toBe('0.015');
    expect(value(f, 'probe_ssl_earliest_cert_expiry', at('rpc-1'))).toBe(String(Date.parse('2026-01-01T00:00:00Z') / 1000));
    expect(value(f, 'probe_ssl_earliest_cert_expiry', at('rpc-2'))).toBeUndefined();
    expect(f.find((x) => x.name === 'probe_success')!.type).toBe('GAUGE');
  });

  it('reports all five blackbox phases for every endpoint, zero for phases that never happened', () => {
    const phases = phasesOf(everyKindReport());
    expect(phases('rpc-1')).toEqual({ resolve: 0.0015, connect: 0.0005, tls: 0.003, processing: 0.004, transfer: 0.006 });
    expect(phases('rpc-3')).toEqual({ resolve: 0, connect: 0.00025, tls: 0, processing: 0, transfer: 0 });
    expect(Object.keys(phases('rpc-2')).sort()).toEqual(['connect', 'processing', 'resolve', 'tls', 'transfer']);
  });

  it('adds chain facts, exposure and participation keys under vantage_ names', () => {
    const f = parse(renderPrometheus(everyKindReport(), { rounds: 4, lastRoundEndedAt: Date.parse('2025-11-20T10:00:01Z') }));
    const at = (endpoint: string) => ({ network: 'eth-main', endpoint });
    expect(value(f, 'vantage_height_lag_blocks', at('rpc-2'))).toBe('37');
    expect(value(f, 'vantage_block_height', at('rpc-1'))).toBe('100');
    expect(value(f, 'vantage_head_age_seconds', at('rpc-1'))).toBe('3.5');
    expect(value(f, 'vantage_finality_lag_seconds', at('rpc-1'))).toBe('768');
    expect(value(f, 'vantage_block_interval_seconds', at('rpc-1'))).toBe('12.125');
    // Not measured (no finalized tag, no block interval read): no sample, rather than a 0 that would look healthy.
    expect(value(f, 'vantage_finality_lag_seconds', at('rpc-2'))).toBeUndefined();
    expect(value(f, 'vantage_block_interval_seconds', at('rpc-2'))).toBeUndefined();
    expect(f.find((x) => x.name === 'vantage_finality_lag_seconds')!.type).toBe('GAUGE');
    expect(value(f, 'vantage_block_height', at('rpc-3'))).toBeUndefined();
    expect(value(f, 'vantage_exposed', at('admin'))).toBe('1');
    expect(value(f, 'vantage_exposed', at('rpc-1'))).toBe('0');
    expect(value(f, 'vantage_healthy', at('rpc-1'))).toBe('1');
    expect(value(f, 'vantage_healthy', at('rpc-2'))).toBe('0');
    expect(value(f, 'vantage_partkey_days_to_expiry', { network: 'eth-main', account: 'ACCT' })).toBe('9.1');
    expect(value(f, 'vantage_rounds_total', {})).toBe('4');
    expect(f.find((x) => x.name === 'vantage_rounds_total')!.type).toBe('COUNTER');
    expect(value(f, 'vantage_last_round_timestamp_seconds', {})).toBe('1763632801');
  });

  it('reports an account that is not Online as 0 days left (its key votes no more), as CloudWatch does', () => {
    const base = everyKindReport();
    const offline = {
      ...base,
      networks: base.networks.map((n) => ({ ...n, accounts: [{ address: 'OFF', status: 'degraded' as const, participation: 'Offline', voteLastValid: null, daysToExpiry: null, reasons: [] }] })),
    };
    const f = parse(renderPrometheus(offline, { rounds: 1, lastRoundEndedAt: null }));
    expect(value(f, 'vantage_partkey_days_to_expiry', { network: 'eth-main', account: 'OFF' })).toBe('0');
  });

  it('escapes label values so odd ids cannot break the format', () => {
    const r = report('2025-11-20T10:00:00.000Z', { 'n"1': [{ id: 'a\\b' }] });
    const f = parse(renderPrometheus(r, { rounds: 1, lastRoundEndedAt: null }));
    expect(value(f, 'probe_success', { network: 'n"1', endpoint: 'a\\b' })).toBe('1');
  });

  it('gives the arrival median as vantage_arrival_delay_seconds{quantile="0.5"}, only where a block was judged', () => {
    const text = renderPrometheus(everyKindReport(), { rounds: 1, lastRoundEndedAt: null });
    const family = parse(text).find((f) => f.name === 'vantage_arrival_delay_seconds');
    // A quantile label belongs to a summary (promtool refuses it on a gauge; the tests above run promtool over it).
    expect(family).toMatchObject({ type: 'SUMMARY', metrics: [{ quantiles: { '0.5': '2.14' } }] });
    expect(text.match(/^vantage_arrival_delay_seconds\{.*$/gm)).toEqual(['vantage_arrival_delay_seconds{network="eth-main",endpoint="rpc-1",region="eu-west-1",quantile="0.5"} 2.14']);
  });

  it('serves only the prober counters before the first round', () => {
    const f = parse(renderPrometheus(null, { rounds: 0, lastRoundEndedAt: null }));
    expect(f.map((x) => x.name)).toEqual(['vantage_rounds_total']);
  });

  it('adds the WebSocket phases under probe_websocket_ names, and unhealthy addresses as a count with no address label', () => {
    const text = renderPrometheus(everyKindReport(), { rounds: 1, lastRoundEndedAt: null });
    const f = parse(text);
    const at = (endpoint: string) => ({ network: 'eth-main', endpoint, region: 'eu-west-1' });
    expect(value(f, 'probe_websocket_upgrade_duration_seconds', at('ws-1'))).toBe('0.00225');
    expect(value(f, 'probe_websocket_first_notification_duration_seconds', at('ws-1'))).toBe('1.0035');
    expect(value(f, 'probe_websocket_upgrade_duration_seconds', at('rpc-1'))).toBeUndefined();
    expect(value(f, 'vantage_addresses_unhealthy', at('ws-1'))).toBe('1');
    // Only endpoints whose addresses were probed have the series.
    expect(value(f, 'vantage_addresses_unhealthy', at('rpc-1'))).toBeUndefined();
    expect(text).not.toContain('198.51.100');
  });

  it('derives processing and transfer from first byte and total time', () => {
    const r = report('2025-11-20T10:00:00.000Z', { n: [{ id: 'x' }] });
    const [network] = r.networks;
    const endpoint = { ...network!.endpoints[0]!, timings: { dnsMs: null, connectMs: 2, tlsMs: null, ttfbMs: 7, totalMs: 20, upgradeMs: null, firstNotificationMs: null } };
    const phases = phasesOf({ ...r, networks: [{ ...network!, endpoints: [endpoint] }] });
    expect(phases('x')).toEqual({ resolve: 0, connect: 0.002, tls: 0, processing: 0.005, transfer: 0.013 });
  });
});
