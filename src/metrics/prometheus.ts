// The latest report in the Prometheus text exposition format (0.0.4), for
// `vantage run --serve`'s /metrics. Probe metrics carry blackbox_exporter's
// names and meanings, so its Grafana dashboards and alert rules work on
// Vantage; chain facts carry vantage_ names. Hand-written: a whole client
// library to print a few gauges from a finished report is not worth it.
import { addressesUnhealthy, isExposed } from '../report/reasons.ts';
import type { EndpointReport, Report } from '../report/report.ts';
import { partKeyDaysLeft } from './report-datums.ts';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** blackbox_exporter's phases of probe_http_duration_seconds, always all five. */
const HTTP_PHASES = ['resolve', 'connect', 'tls', 'processing', 'transfer'] as const;

export interface ProberFacts {
  /** Rounds completed since start. */
  readonly rounds: number;
  /** Wall-clock end of the latest round, ms since the epoch; null before the first. */
  readonly lastRoundEndedAt: number | null;
}

type Labels = Readonly<Record<string, string>>;
interface Family {
  readonly name: string;
  readonly type: 'gauge' | 'counter' | 'summary';
  readonly help: string;
  readonly samples: { labels: Labels; value: number }[];
}

export function renderPrometheus(report: Report | null, facts: ProberFacts): string {
  const f = families();
  for (const network of report?.networks ?? []) {
    for (const endpoint of network.endpoints) {
      const labels = { network: network.id, endpoint: endpoint.id, region: report!.region };
      addEndpoint(f, endpoint, labels);
    }
    for (const account of network.accounts) {
      // Not Online publishes 0 days, as the CloudWatch metric does (partKeyDaysLeft).
      const days = partKeyDaysLeft(account);
      if (days !== null) f.partkey.samples.push({ labels: { network: network.id, account: account.address, region: report!.region }, value: days });
    }
  }
  f.rounds.samples.push({ labels: {}, value: facts.rounds });
  if (facts.lastRoundEndedAt !== null) f.lastRound.samples.push({ labels: {}, value: facts.lastRoundEndedAt / 1000 });
  if (report) f.roundDuration.samples.push({ labels: {}, value: seconds(report.durationMs) });
  return Object.values(f).filter((family) => family.samples.length > 0).map(format).join('');
}

function families() {
  const family = (name: string, type: Family['type'], help: string): Family => ({ name, type, help, samples: [] });
  return {
    success: family('probe_success', 'gauge', 'Displays whether or not the probe was a success (1: the endpoint answered, status not down)'),
    duration: family('probe_duration_seconds', 'gauge', 'Returns how long the probe took to complete in seconds'),
    phases: family('probe_http_duration_seconds', 'gauge', 'Duration of http request by phase, summed over all requests of the probe'),
    certExpiry: family('probe_ssl_earliest_cert_expiry', 'gauge', 'Returns earliest SSL cert expiry in unixtime'),
    upgrade: family('probe_websocket_upgrade_duration_seconds', 'gauge', 'WebSocket endpoints: upgrade request sent to 101 Switching Protocols received, in seconds'),
    firstNotification: family('probe_websocket_first_notification_duration_seconds', 'gauge', 'WebSocket endpoints: subscribe request sent to its first notification, in seconds'),
    addressesUnhealthy: family('vantage_addresses_unhealthy', 'gauge', 'Addresses of the endpoint worse than its primary address (address_unhealthy findings)'),
    healthy: family('vantage_healthy', 'gauge', '1 when the endpoint is up with no findings'),
    height: family('vantage_block_height', 'gauge', 'Newest block height the endpoint reported'),
    lag: family('vantage_height_lag_blocks', 'gauge', 'Blocks behind the network reference height (negative when ahead)'),
    headAge: family('vantage_head_age_seconds', 'gauge', 'Age of the newest block the endpoint served, in seconds'),
    finalityLag: family('vantage_finality_lag_seconds', 'gauge', 'Seconds the finalized head trails the head the endpoint served'),
    blockInterval: family('vantage_block_interval_seconds', 'gauge', 'Mean seconds per block over the last 32 blocks the endpoint served'),
    // A summary of the round's window: a quantile label belongs to no other type. No _sum or _count: the
    // report keeps the median and the maximum, not the sum, and the window's block count is not a running total.
    arrival: family('vantage_arrival_delay_seconds', 'summary', 'Delay after the fastest endpoint at which new blocks reached this one over the latest arrival watch window, in seconds'),
    exposed: family('vantage_exposed', 'gauge', '1 when an admin API or a private endpoint answers from outside'),
    partkey: family('vantage_partkey_days_to_expiry', 'gauge', 'Days until the participation key of an Algorand account expires'),
    rounds: family('vantage_rounds_total', 'counter', 'Probe rounds completed since the prober started'),
    lastRound: family('vantage_last_round_timestamp_seconds', 'gauge', 'Unix time the latest probe round ended'),
    roundDuration: family('vantage_round_duration_seconds', 'gauge', 'How long the latest probe round took, in seconds'),
  };
}

function addEndpoint(f: ReturnType<typeof families>, e: EndpointReport, labels: Labels): void {
  f.success.samples.push({ labels, value: e.status === 'down' ? 0 : 1 });
  if (e.timings.totalMs !== null) f.duration.samples.push({ labels, value: seconds(e.timings.totalMs) });
  for (const [phase, ms] of Object.entries(httpPhases(e))) f.phases.samples.push({ labels: { ...labels, phase }, value: seconds(ms) });
  const notAfter = e.tls?.notAfter ? Date.parse(e.tls.notAfter) : NaN;
  if (Number.isFinite(notAfter)) f.certExpiry.samples.push({ labels, value: notAfter / 1000 });
  if (e.timings.upgradeMs !== null) f.upgrade.samples.push({ labels, value: seconds(e.timings.upgradeMs) });
  if (e.timings.firstNotificationMs !== null) f.firstNotification.samples.push({ labels, value: seconds(e.timings.firstNotificationMs) });
  f.healthy.samples.push({ labels, value: e.status === 'up' ? 1 : 0 });
  if (e.addresses.length > 0) f.addressesUnhealthy.samples.push({ labels, value: addressesUnhealthy(e) });
  if (e.chain?.height != null) f.height.samples.push({ labels, value: e.chain.height });
  if (e.chain?.lagBlocks != null) f.lag.samples.push({ labels, value: e.chain.lagBlocks });
  if (e.chain?.headAgeSeconds != null) f.headAge.samples.push({ labels, value: e.chain.headAgeSeconds });
  if (e.chain?.finalityLagSeconds != null) f.finalityLag.samples.push({ labels, value: e.chain.finalityLagSeconds });
  if (e.chain?.blockIntervalSeconds != null) f.blockInterval.samples.push({ labels, value: e.chain.blockIntervalSeconds });
  if (e.arrival?.p50Ms != null) f.arrival.samples.push({ labels: { ...labels, quantile: '0.5' }, value: seconds(e.arrival.p50Ms) });
  f.exposed.samples.push({ labels, value: isExposed(e.reasons) ? 1 : 0 });
}

/**
 * blackbox_exporter's phases from our timings (ms): resolve = DNS, connect =
 * TCP, tls = the handshake alone (blackbox's own tls phase also counts the
 * TCP connect), processing = connection ready to first byte, transfer =
 * first byte to the end of the probe (the adapter's remaining calls). Phases
 * that did not happen are 0, as blackbox_exporter reports them.
 */
function httpPhases(e: EndpointReport): Record<(typeof HTTP_PHASES)[number], number> {
  const { dnsMs, connectMs, tlsMs, ttfbMs, totalMs } = e.timings;
  const ready = (dnsMs ?? 0) + (connectMs ?? 0) + (tlsMs ?? 0);
  return {
    resolve: dnsMs ?? 0,
    connect: connectMs ?? 0,
    tls: tlsMs ?? 0,
    processing: ttfbMs !== null ? Math.max(0, ttfbMs - ready) : 0,
    transfer: ttfbMs !== null && totalMs !== null ? Math.max(0, totalMs - ttfbMs) : 0,
  };
}

/** Milliseconds to seconds, to the microsecond (finer digits are float noise). */
const seconds = (ms: number) => Math.round(ms * 1000) / 1e6;

function format(family: Family): string {
  const lines = [`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`];
  for (const s of family.samples) lines.push(`${family.name}${labelText(s.labels)} ${numberText(s.value)}`);
  return `${lines.join('\n')}\n`;
}

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

const escapeLabel = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
const escapeHelp = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');

function numberText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
