// Report → metric datums in the layout of metric-layout.ts. Pure. Every datum
// of a round carries the round's timestamp (its slot: rounds of all regions
// fall into the same period) and, below a minute, high resolution.
//
// Slow facts (certificate days, exposure, participation keys) and the
// ProbeRuns heartbeat are invocation facts: published with the first
// round only, since a minute is fine enough for them and the price of a
// metric is per metric-hour, not per datum.
//
// Maintenance: while a window covers an endpoint, none of its alarm metrics
// is published (its alarms see no data and stay quiet; its fleet contributors
// leave the query), and `Maintenance` = 1 is published for the covered
// network (whole-network windows), for covered endpoints a window names, and
// without dimensions for windows that cover everything: the suppressor
// alarms of the composites read exactly these.
import { EXCLUDING } from '../agreement/agreement.ts';
import { FAMILY_DEFAULTS, type ChainFamily } from '../config/families.ts';
import { activeWindows, coversEndpoint, coversEverything, coversNetwork, type ResolvedMaintenance } from '../config/maintenance.ts';
import { addressesUnhealthy, isExposed, type ReasonCode } from '../report/reasons.ts';
import type { AccountReport, EndpointReport, NetworkReport, Report } from '../report/report.ts';
import type { DatumPlan, EndpointFacts } from './datum-plan.ts';
import type { Dimension, MetricDatum } from './datum.ts';
import { alarmDimensions, endpointRegionDimensions, networkDimensions } from '../report/metric-layout.ts';
import { DIMENSION, METRIC, METRIC_UNIT, type MetricName } from '../report/metric-names.ts';

export interface RoundStamp {
  /** Epoch ms every datum of the round carries; default: the report's start. */
  readonly timestamp?: number;
  /** StorageResolution 1 (rounds closer than a minute). */
  readonly highResolution?: boolean;
  /** The invocation's first round: slow facts and Maintenance (default true). */
  readonly invocationFacts?: boolean;
  /** Include the ProbeRuns heartbeat (default: with the invocation facts). */
  readonly heartbeat?: boolean;
  /** Wall clock that maintenance windows are judged at (default: the timestamp). */
  readonly nowMs?: number;
}

type Add = (name: MetricName, dimensions: readonly Dimension[], value: number | null) => void;

interface RoundContext {
  readonly plan: DatumPlan;
  readonly region: string;
  readonly add: Add;
  readonly facts: boolean;
  readonly windows: readonly ResolvedMaintenance[];
}

/** An endpoint the config does not know (a hand-made report) is published as served, without alarm metrics. */
const UNKNOWN: EndpointFacts = { role: 'served', group: null, watchesExposure: false, watchesAddresses: false, warnDays: 0, ownSuppressor: false };

export function reportToDatums(report: Report, plan: DatumPlan, round: RoundStamp = {}): MetricDatum[] {
  const timestamp = round.timestamp ?? Date.parse(report.startedAt);
  const facts = round.invocationFacts ?? true;
  const datums: MetricDatum[] = [];
  const add: Add = (name, dimensions, value) => {
    if (value === null || !Number.isFinite(value)) return;
    datums.push({ name, dimensions, value, unit: METRIC_UNIT[name], timestamp, ...(round.highResolution ? { highResolution: true as const } : {}) });
  };
  const ctx: RoundContext = { plan, region: report.region, add, facts, windows: activeWindows(plan.maintenance, round.nowMs ?? timestamp) };
  for (const network of report.networks) {
    for (const endpoint of network.endpoints) endpointDatums(ctx, network, endpoint);
    if (facts) for (const account of network.accounts) accountDatums(network, account, add);
    add(METRIC.BlockInterval, networkDimensions(network.id), networkBlockInterval(network, (e) => underMaintenance(ctx, network.id, e)));
  }
  // Every round: below a minute the suppressors are high-resolution alarms.
  maintenanceDatums(ctx, report);
  if (round.heartbeat ?? facts) datums.push(heartbeatDatum(report.region, timestamp));
  return datums;
}

/** ProbeRuns = 1: one invocation (one shard) of this region published completely. */
export function heartbeatDatum(region: string, timestamp: number): MetricDatum {
  return { name: METRIC.ProbeRuns, dimensions: [{ name: DIMENSION.ProbeRegion, value: region }], value: 1, unit: METRIC_UNIT.ProbeRuns, timestamp };
}

function underMaintenance(ctx: RoundContext, network: string, endpoint: string): boolean {
  return ctx.windows.some((w) => coversEndpoint(w, network, endpoint));
}

function endpointDatums(ctx: RoundContext, report: NetworkReport, endpoint: EndpointReport): void {
  const { add } = ctx;
  const network = report.id;
  const facts = ctx.plan.endpoint(network, endpoint.id) ?? UNKNOWN;
  const perRegion = endpointRegionDimensions(network, endpoint.id, ctx.region);
  const full = ctx.plan.detail === 'full';
  const isCovered = underMaintenance(ctx, network, endpoint.id);
  const tracksFinality = FAMILY_DEFAULTS[report.chain as ChainFamily]?.finality === 'tracked';
  // Instant finality is always 0: neither its lag nor its judgement is worth a series.
  const finalityLagging = tracksFinality ? judged(endpoint, endpoint.chain?.finalityLagSeconds, 'finality_lagging') : null;
  if (facts.role === 'private') {
    // A private endpoint's only question is whether it answers.
    if (ctx.facts && facts.group !== null && !isCovered) add(METRIC.Exposed, alarmDimensions(facts.group, network, endpoint.id), isExposed(endpoint.reasons) ? 1 : 0);
    return;
  }
  // Stale head and finality stalled read the network as a whole: reference endpoints count too.
  if (!isCovered) {
    add(METRIC.HeadAge, networkDimensions(network), endpoint.chain?.headAgeSeconds ?? null);
    add(METRIC.FinalityLagging, networkDimensions(network), finalityLagging);
  }
  if (full) {
    add(METRIC.BlockHeight, perRegion, endpoint.chain?.height ?? null);
    add(METRIC.HeadAge, perRegion, endpoint.chain?.headAgeSeconds ?? null);
  }
  if (tracksFinality) add(METRIC.FinalityLag, perRegion, endpoint.chain?.finalityLagSeconds ?? null);
  if (facts.role === 'reference') return;

  add(METRIC.Up, perRegion, endpoint.status !== 'down' ? 1 : 0);
  add(METRIC.TimeToFirstByte, perRegion, endpoint.timings.ttfbMs);
  add(METRIC.HeightLag, perRegion, endpoint.chain?.lagBlocks ?? null);
  // Only where a block was judged: a window without a new block measured nothing.
  add(METRIC.ArrivalDelay, perRegion, endpoint.arrival?.p50Ms ?? null);
  if (full) {
    add(METRIC.Healthy, perRegion, endpoint.status === 'up' ? 1 : 0);
    add(METRIC.ProbeDuration, perRegion, endpoint.timings.totalMs);
    add(METRIC.DnsTime, perRegion, endpoint.timings.dnsMs);
    add(METRIC.ConnectTime, perRegion, endpoint.timings.connectMs);
    add(METRIC.TlsTime, perRegion, endpoint.timings.tlsMs);
    add(METRIC.WebSocketUpgradeTime, perRegion, endpoint.timings.upgradeMs);
    add(METRIC.FirstNotificationTime, perRegion, endpoint.timings.firstNotificationMs);
  }
  if (facts.group === null || isCovered) return;
  const alarmDims = alarmDimensions(facts.group, network, endpoint.id);
  add(METRIC.RegionsDown, alarmDims, endpoint.status === 'down' ? 1 : 0);
  // Each judgement only where it was made: a lag from the agreement, a finality lag, a block arrival.
  add(METRIC.Lagging, alarmDims, judged(endpoint, endpoint.chain?.lagBlocks, 'lagging'));
  add(METRIC.FinalityLagging, alarmDims, finalityLagging);
  add(METRIC.LateBlocks, alarmDims, judged(endpoint, endpoint.arrival?.p50Ms, 'late_blocks'));
  // Counted where the addresses were probed one by one (none resolved: nothing measured); the most any region saw is the alarm's figure.
  if (facts.watchesAddresses && endpoint.addresses.length > 0) add(METRIC.AddressesUnhealthy, alarmDims, addressesUnhealthy(endpoint));
  if (!ctx.facts) return;
  if (facts.watchesExposure) add(METRIC.Exposed, alarmDims, isExposed(endpoint.reasons) ? 1 : 0);
  add(METRIC.TlsDaysToExpiry, alarmDimensions(facts.group, network, endpoint.id, facts.warnDays), endpoint.tls?.daysToExpiry ?? null);
}

/** 1 when the probe found `code`, 0 when it measured `value` and did not, null when it measured nothing. */
function judged(endpoint: EndpointReport, value: number | null | undefined, code: ReasonCode): number | null {
  if (value === null || value === undefined) return null;
  return endpoint.reasons.some((r) => r.code === code) ? 1 : 0;
}

/**
 * The network's block interval as published: the minimum across its
 * endpoints (reference ones included) that read one, leaving out those a
 * maintenance window covers. The chain is as fast as its fastest honest view
 * of it; a node on a slow branch must not make the chain look slow. null
 * when none read one (not measured).
 */
export function networkBlockInterval(network: NetworkReport, covered: (endpoint: string) => boolean = () => false): number | null {
  const intervals = network.endpoints
    .filter((e) => !covered(e.id) && !e.reasons.some((r) => EXCLUDING.has(r.code)))
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

/**
 * `Maintenance` = 1 for each open window's coverage, as the suppressor alarms
 * read it: no dimensions for a window over everything, the network for a
 * network covered whole, and network and endpoint for a covered endpoint that
 * has a suppressor of its own (a window names it).
 */
function maintenanceDatums(ctx: RoundContext, report: Report): void {
  const { windows, add } = ctx;
  if (windows.length === 0) return;
  if (windows.some(coversEverything)) add(METRIC.Maintenance, [], 1);
  for (const network of report.networks) {
    if (windows.some((w) => coversNetwork(w, network.id))) add(METRIC.Maintenance, networkDimensions(network.id), 1);
    for (const endpoint of network.endpoints) {
      if (!ctx.plan.endpoint(network.id, endpoint.id)?.ownSuppressor) continue;
      if (windows.some((w) => coversEndpoint(w, network.id, endpoint.id))) {
        add(METRIC.Maintenance, [...networkDimensions(network.id), { name: DIMENSION.Endpoint, value: endpoint.id }], 1);
      }
    }
  }
}
