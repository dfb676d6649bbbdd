// The custom metrics a config publishes, counted by running the real datum
// builder (src/metrics/report-datums.ts) over a representative report: one
// where every endpoint answered, so every series that can exist does. What
// CloudWatch bills is distinct series (by the hour), and that is what this
// counts. Maintenance series exist only during windows and are not counted.
import { FAMILY_DEFAULTS } from '../config/families.ts';
import type { ResolvedConfig, ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import { datumPlan } from '../metrics/datum-plan.ts';
import { reportToDatums } from '../metrics/report-datums.ts';
import { DIMENSION } from '../report/metric-names.ts';
import type { AccountReport, EndpointReport, NetworkReport, Report } from '../report/report.ts';
import { headAgeEndpoints, mayUseTls } from '../alarms/alarm-plan.ts';
import { arrivalPollMs } from '../engine/arrival-budget.ts';

export interface MetricInventory {
  /** Distinct metric series across all probe regions. */
  readonly metrics: number;
  /** Of those: per endpoint and region, region-less per endpoint (alarm metrics), per network, and the rest (accounts, heartbeats). */
  readonly byLayout: { readonly endpointRegion: number; readonly endpoint: number; readonly network: number; readonly other: number };
  /** Datums one region publishes in an invocation's first round (all shards together), heartbeat included. */
  readonly datumsFirstRound: number;
  /** Datums one region publishes in each later round (no slow facts, no heartbeat). */
  readonly datumsLaterRound: number;
  /** Size of one region's JSON report, the probe's log line per round. */
  readonly reportBytes: number;
}

export function metricInventory(config: ResolvedConfig): MetricInventory {
  // Steady state: no window open.
  const plan = { ...datumPlan(config), maintenance: [] };
  const series = new Map<string, string>();
  let datumsFirstRound = 0;
  let datumsLaterRound = 0;
  let reportBytes = 0;
  for (const region of config.probe.regions) {
    const report = representativeReport(config, region);
    const first = reportToDatums(report, plan);
    const later = reportToDatums(report, plan, { invocationFacts: false, heartbeat: false });
    for (const d of first) series.set(`${d.name}|${d.dimensions.map((x) => `${x.name}=${x.value}`).join(',')}`, layoutOf(d.dimensions.map((x) => x.name)));
    datumsFirstRound = Math.max(datumsFirstRound, first.length);
    datumsLaterRound = Math.max(datumsLaterRound, later.length);
    reportBytes = Math.max(reportBytes, JSON.stringify(report).length);
  }
  const byLayout = { endpointRegion: 0, endpoint: 0, network: 0, other: 0 };
  for (const layout of series.values()) byLayout[layout as keyof typeof byLayout]++;
  return { metrics: series.size, byLayout, datumsFirstRound, datumsLaterRound, reportBytes };
}

function layoutOf(dimensions: readonly string[]): string {
  if (dimensions.includes(DIMENSION.ProbeRegion) && dimensions.includes(DIMENSION.Endpoint)) return 'endpointRegion';
  if (dimensions.includes(DIMENSION.AlarmGroup)) return 'endpoint';
  if (dimensions.length === 1 && dimensions[0] === DIMENSION.Network) return 'network';
  return 'other';
}

/** A report in which everything answered and is healthy. */
function representativeReport(config: ResolvedConfig, region: string): Report {
  return {
    schemaVersion: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 812,
    region,
    status: 'up',
    networks: config.networks.map(networkReport),
  };
}

function networkReport(network: ResolvedNetwork): NetworkReport {
  const withHeadTime = new Set(headAgeEndpoints(network).map((e) => e.id));
  return {
    id: network.id,
    chain: network.chain,
    status: 'up',
    referenceHeight: 48_123_456,
    endpoints: network.endpoints.map((e) => endpointReport(e, withHeadTime.has(e.id), network)),
    accounts: network.accounts.map((a): AccountReport => ({
      address: a.address, status: 'up', participation: 'Online', voteLastValid: 48_999_999, daysToExpiry: 61.2, reasons: [],
    })),
  };
}

function endpointReport(endpoint: ResolvedEndpoint, headTime: boolean, network: ResolvedNetwork): EndpointReport {
  const base = { id: endpoint.id, url: endpoint.url, reference: endpoint.reference, status: 'up' as const, reasons: [], arrival: null };
  if (endpoint.visibility === 'private') {
    // Healthy for a private endpoint means nobody answered: no connection, no chain.
    return {
      ...base,
      timings: { dnsMs: 1.203, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: 5000.114, upgradeMs: null, firstNotificationMs: null },
      tls: null, chain: null, addresses: [],
    };
  }
  const tls = mayUseTls(endpoint);
  const websocket = endpoint.transport === 'websocket';
  return {
    ...base,
    timings: {
      dnsMs: 1.203, connectMs: 11.874, tlsMs: tls ? 24.513 : null, ttfbMs: 80.925, totalMs: websocket ? 2_130.512 : 82.377,
      upgradeMs: websocket ? 14.208 : null, firstNotificationMs: websocket ? 2_010.33 : null,
    },
    // One address, healthy: AddressesUnhealthy is published as 0 (its series exists whatever the count).
    addresses: [{ address: '192.0.2.10', family: 4, primary: true, status: 'up', reasons: [], ttfbMs: 80.925, height: 48_123_456 }],
    tls: tls
      ? { protocol: 'TLSv1.3', notAfter: '2026-03-03T12:00:00.000Z', daysToExpiry: 61.5, issuer: 'CN=Example Issuing CA, O=Example', subject: 'CN=node.example.com', trusted: true, hostnameMatch: true }
      : null,
    chain: { height: 48_123_456, lagBlocks: 0, headAgeSeconds: headTime ? 3.2 : null, syncing: false, peers: 12, ...depth(network) },
    arrival: network.arrival ? { blocks: 7, p50Ms: 120, maxMs: 480, missed: 0, resolutionMs: arrivalPollMs(network) } : null,
  };
}

/**
 * Finality and cadence as the family reports them: a finality lag where
 * finality is judged (EVM assumed to have the `finalized` tag: the upper
 * bound), instant finality as 0, a block interval where the family reads one.
 */
function depth(network: ResolvedNetwork): Pick<EndpointReport['chain'] & object, 'finalizedHeight' | 'finalityLagBlocks' | 'finalityLagSeconds' | 'blockIntervalSeconds'> {
  const kind = FAMILY_DEFAULTS[network.chain].finality;
  const lagBlocks = kind === 'tracked' ? 64 : kind === 'instant' ? 0 : null;
  return {
    finalizedHeight: lagBlocks === null ? null : 48_123_456 - lagBlocks,
    finalityLagBlocks: lagBlocks,
    finalityLagSeconds: lagBlocks === null ? null : lagBlocks * network.blockTimeSeconds,
    blockIntervalSeconds: network.cadenceFactor !== null ? network.blockTimeSeconds : null,
  };
}
