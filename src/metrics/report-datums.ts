// Report → metric datums (DESIGN.md, "Metrics"). Pure. Every datum of a run
// carries the run's start time. Reference endpoints only feed the chain
// picture (BlockHeight, HeadAge, FinalityLag: the lines a stalled chain shows
// on); they are not alarmed, so they get no Up/Healthy/latency/TLS/exposure
// series. BlockInterval is the chain's, so it is one series per network.
import { FAMILY_DEFAULTS, type ChainFamily } from '../config/families.ts';
import { EXCLUDING } from '../agreement/agreement.ts';
import { addressesUnhealthy, isExposed } from '../report/reasons.ts';
import type { AccountReport, EndpointReport, NetworkReport, Report } from '../report/report.ts';
import type { Dimension, MetricDatum } from './datum.ts';
import { DIMENSION, METRIC, METRIC_UNIT, type MetricName } from './names.ts';

export type MetricsDetail = 'standard' | 'full';

export interface DatumOptions {
  /** `full` adds DnsTime, ConnectTime and TlsTime (and WebSocketUpgradeTime, FirstNotificationTime for ws endpoints). */
  readonly detail: MetricsDetail;
  /** Whether an endpoint has an Exposed series (see exposure-watch.ts); default: every non-reference endpoint. */
  readonly watchesExposure?: (networkId: string, endpointId: string) => boolean;
}

export function reportToDatums(report: Report, options: DatumOptions): MetricDatum[] {
  const timestamp = Date.parse(report.startedAt);
  const datums: MetricDatum[] = [];
  const add = (name: MetricName, dimensions: readonly Dimension[], value: number | null) => {
    if (value === null || !Number.isFinite(value)) return;
    datums.push({ name, dimensions, value, unit: METRIC_UNIT[name], timestamp });
  };
  for (const network of report.networks) {
    for (const endpoint of network.endpoints) endpointDatums(network, endpoint, report.region, options, add);
    for (const account of network.accounts) accountDatums(network, account, add);
    add(METRIC.BlockInterval, [{ name: DIMENSION.Network, value: network.id }], networkBlockInterval(network));
  }
  add(METRIC.ProbeRuns, [{ name: DIMENSION.ProbeRegion, value: report.region }], 1);
  return datums;
}

type Add = (name: MetricName, dimensions: readonly Dimension[], value: number | null) => void;

function endpointDatums(network: NetworkReport, endpoint: EndpointReport, region: string, options: DatumOptions, add: Add): void {
  const dims: Dimension[] = [
    { name: DIMENSION.Network, value: network.id },
    { name: DIMENSION.Endpoint, value: endpoint.id },
    { name: DIMENSION.ProbeRegion, value: region },
  ];
  add(METRIC.BlockHeight, dims, endpoint.chain?.height ?? null);
  add(METRIC.HeadAge, dims, endpoint.chain?.headAgeSeconds ?? null);
  // Instant finality is always 0: a series that can never move is not worth its price.
  if (FAMILY_DEFAULTS[network.chain as ChainFamily]?.finality === 'tracked') add(METRIC.FinalityLag, dims, endpoint.chain?.finalityLagSeconds ?? null);
  if (endpoint.reference) return;

  add(METRIC.Up, dims, endpoint.status !== 'down' ? 1 : 0);
  add(METRIC.Healthy, dims, endpoint.status === 'up' ? 1 : 0);
  add(METRIC.TimeToFirstByte, dims, endpoint.timings.ttfbMs);
  add(METRIC.ProbeDuration, dims, endpoint.timings.totalMs);
  if (options.detail === 'full') {
    add(METRIC.DnsTime, dims, endpoint.timings.dnsMs);
    add(METRIC.ConnectTime, dims, endpoint.timings.connectMs);
    add(METRIC.TlsTime, dims, endpoint.timings.tlsMs);
    add(METRIC.WebSocketUpgradeTime, dims, endpoint.timings.upgradeMs);
    add(METRIC.FirstNotificationTime, dims, endpoint.timings.firstNotificationMs);
  }
  // Measured where addresses were probed (not for private endpoints, nor when none resolved).
  if (endpoint.addresses.length > 0) add(METRIC.AddressesUnhealthy, dims, addressesUnhealthy(endpoint));
  add(METRIC.HeightLag, dims, endpoint.chain?.lagBlocks ?? null);
  // Only where a block was judged: a window without a new block measured nothing.
  add(METRIC.ArrivalDelay, dims, endpoint.arrival?.p50Ms ?? null);
  add(METRIC.TlsDaysToExpiry, dims, endpoint.tls?.daysToExpiry ?? null);
  if (options.watchesExposure?.(network.id, endpoint.id) ?? true) {
    add(METRIC.Exposed, dims, isExposed(endpoint.reasons) ? 1 : 0);
  }
}

/**
 * The network's block interval as published: the minimum across its
 * endpoints (reference ones included) that read one. The chain is as fast as
 * its fastest honest view of it; a node on a slow branch must not make the
 * chain look slow. null when none read one (not measured).
 */
export function networkBlockInterval(network: NetworkReport): number | null {
  const intervals = network.endpoints
    .filter((e) => !e.reasons.some((r) => EXCLUDING.has(r.code)))
    .map((e) => e.chain?.blockIntervalSeconds ?? null)
    .filter((v): v is number => v !== null);
  return intervals.length > 0 ? Math.min(...intervals) : null;
}

/**
 * An account that is not Online (Offline, NotParticipating) votes with no
 * key at all: it is published as 0 days left, so the partkey alarm
 * (days < warnDays) fires for it as the reason code does. An account that
 * could not be read publishes nothing (not measured).
 */
function accountDatums(network: NetworkReport, account: AccountReport, add: Add): void {
  const dims: Dimension[] = [
    { name: DIMENSION.Network, value: network.id },
    { name: DIMENSION.Account, value: account.address },
  ];
  add(METRIC.PartKeyDaysToExpiry, dims, partKeyDaysLeft(account));
}

/** Days the account's participation key has left as published (CloudWatch and Prometheus); null: not measured. */
export function partKeyDaysLeft(account: AccountReport): number | null {
  const notVoting = account.participation !== null && account.participation !== 'Online';
  return notVoting ? Math.min(0, account.daysToExpiry ?? 0) : account.daysToExpiry;
}
