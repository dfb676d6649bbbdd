// Builds JSON reports (src/report/report.ts) the way runRound does, for the
// status model's tests: only the fields the page reads vary.
import type { Reason, ReasonCode, Status } from '../../src/report/reasons.ts';
import { REASON_STATUS, worstStatus } from '../../src/report/reasons.ts';
import type { EndpointReport, NetworkReport, Report } from '../../src/report/report.ts';
import type { ResolvedMaintenance } from '../../src/config/maintenance.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';

export interface EndpointSpec {
  readonly id: string;
  readonly reasons?: readonly (ReasonCode | Reason)[];
  readonly reference?: boolean;
  readonly lagBlocks?: number | null;
  readonly headAgeSeconds?: number | null;
  readonly finalityLagSeconds?: number | null;
  readonly blockIntervalSeconds?: number | null;
  readonly url?: string;
  readonly addresses?: EndpointReport['addresses'];
  /** Time to first byte; 5 ms unless given (null: no answer). */
  readonly ttfbMs?: number | null;
  readonly arrival?: EndpointReport['arrival'];
}

export function endpointReport(spec: EndpointSpec): EndpointReport {
  const reasons = (spec.reasons ?? []).map((r) => (typeof r === 'string' ? { code: r, message: `operator detail for ${r} at 10.0.0.7:8545` } : r));
  const status: Status = worstStatus(reasons.map((r) => REASON_STATUS[r.code]));
  return {
    id: spec.id,
    url: spec.url ?? `https://${spec.id}.example.com/v3/***`,
    reference: spec.reference ?? false,
    status,
    reasons,
    timings: { dnsMs: 1, connectMs: 1, tlsMs: 2, ttfbMs: spec.ttfbMs === undefined ? 5 : spec.ttfbMs, totalMs: 9, upgradeMs: null, firstNotificationMs: null },
    tls: null,
    chain: {
      height: 100, lagBlocks: spec.lagBlocks === undefined ? 0 : spec.lagBlocks, headAgeSeconds: spec.headAgeSeconds ?? 1, syncing: false, peers: 5,
      finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: spec.finalityLagSeconds ?? null, blockIntervalSeconds: spec.blockIntervalSeconds ?? null,
    },
    arrival: spec.arrival ?? null,
    addresses: spec.addresses ?? [],
  };
}

export function report(at: string, networks: Record<string, readonly EndpointSpec[]>, region = 'local'): Report {
  const networkReports: NetworkReport[] = Object.entries(networks).map(([id, endpoints]) => {
    const eps = endpoints.map(endpointReport);
    return { id, chain: 'evm', status: worstStatus(eps.filter((e) => !e.reference).map((e) => e.status)), referenceHeight: 100, endpoints: eps, accounts: [] };
  });
  return { schemaVersion: 1, startedAt: at, durationMs: 10, region, status: worstStatus(networkReports.map((n) => n.status)), networks: networkReports };
}

/**
 * A round with one endpoint of each kind the metric expositions tell apart:
 * up with TLS facts and every phase timed, lagging, refused before any
 * response, exposed; and an Algorand account whose key is close to expiry.
 */
export function everyKindReport(): Report {
  const base = report('2025-11-20T10:00:00.000Z', {
    'eth-main': [
      { id: 'rpc-1', lagBlocks: 0, headAgeSeconds: 3.5, finalityLagSeconds: 768, blockIntervalSeconds: 12.125 },
      { id: 'rpc-2', reasons: ['lagging'], lagBlocks: 37 },
      { id: 'rpc-3', reasons: ['connect_refused'] },
      { id: 'admin', reasons: ['exposed_private_endpoint'] },
      { id: 'ws-1', reasons: ['address_unhealthy'] },
    ],
  }, 'eu-west-1');
  const network = base.networks[0]!;
  const tls = { protocol: 'TLSv1.3', notAfter: '2026-01-01T00:00:00.000Z', daysToExpiry: 42, issuer: 'CN=ca', subject: 'CN=rpc', trusted: true, hostnameMatch: true };
  const endpoints = [
    { ...network.endpoints[0]!, tls, timings: { dnsMs: 1.5, connectMs: 0.5, tlsMs: 3, ttfbMs: 9, totalMs: 15, upgradeMs: null, firstNotificationMs: null }, arrival: { blocks: 7, p50Ms: 2140, maxMs: 2600, missed: 0, resolutionMs: 250 } },
    { ...network.endpoints[1]!, arrival: { blocks: 0, p50Ms: null, maxMs: null, missed: 0, resolutionMs: 250 } },
    { ...network.endpoints[2]!, chain: null, timings: { dnsMs: null, connectMs: 0.25, tlsMs: null, ttfbMs: null, totalMs: 0.4, upgradeMs: null, firstNotificationMs: null } },
    network.endpoints[3]!,
    {
      // A WebSocket endpoint behind two addresses, one of them refusing.
      ...network.endpoints[4]!,
      timings: { dnsMs: 1, connectMs: 0.5, tlsMs: null, ttfbMs: 6, totalMs: 1250, upgradeMs: 2.25, firstNotificationMs: 1003.5 },
      addresses: [
        { address: '198.51.100.7', family: 4 as const, primary: true, status: 'up' as const, reasons: [], ttfbMs: 6, height: 100 },
        { address: '198.51.100.8', family: 4 as const, primary: false, status: 'down' as const, reasons: [{ code: 'connect_refused' as const, message: 'refused' }], ttfbMs: null, height: null },
      ],
    },
  ];
  return {
    ...base,
    networks: [{ ...network, endpoints, accounts: [{ address: 'ACCT', status: 'degraded', participation: 'Online', voteLastValid: 10, daysToExpiry: 9.1, reasons: [] }] }],
  };
}

export const LAYOUT: PageLayout = {
  title: 'Example Node API status',
  regions: ['us-east-1', 'eu-west-1'],
  maintenance: [],
  networks: [
    { id: 'eth-main', chain: 'evm', blockTimeSeconds: 12, maxLagBlocks: 3, maxHeadAgeSeconds: 60, maxFinalityLagSeconds: 1200, arrivalMaxDelayMs: 1000, endpoints: ['rpc-1', 'rpc-2', 'rpc-3'] },
    { id: 'algo-main', chain: 'algorand', blockTimeSeconds: 2.8, maxLagBlocks: 10, maxHeadAgeSeconds: 30, maxFinalityLagSeconds: null, arrivalMaxDelayMs: null, endpoints: ['api-1'] },
  ],
};

/** ISO time `minutes` after a fixed start. */
export const t = (minutes: number) => new Date(Date.parse('2025-11-20T10:00:00.000Z') + minutes * 60_000).toISOString();

/**
 * A model with something of everything, built the way `vantage run` builds
 * it: an open incident (rpc-3 lagging), a resolved one (api-1 down for 2
 * minutes), a network in partial outage and a page note.
 */
export async function sampleModel(title = LAYOUT.title) {
  const { createLocalHistory, recordReport, modelFromLocalHistory } = await import('../../src/status/local-history.ts');
  const layout = { ...LAYOUT, title };
  const healthy = { 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2' }, { id: 'rpc-3' }], 'algo-main': [{ id: 'api-1' }] };
  const history = createLocalHistory(t(0));
  const rounds: Record<string, readonly EndpointSpec[]>[] = [
    healthy,
    { ...healthy, 'algo-main': [{ id: 'api-1', reasons: ['connect_refused'] }] },
    { ...healthy, 'algo-main': [{ id: 'api-1', reasons: ['connect_refused'] }] },
    healthy,
    { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['timeout'] }, { id: 'rpc-2' }, { id: 'rpc-3', reasons: ['lagging'], lagBlocks: 37 }] },
  ];
  rounds.forEach((r, i) => recordReport(history, report(t(i), r, 'eu-west-1'), layout));
  const model = modelFromLocalHistory(history, layout, t(4));
  return { ...model, notes: ['Probes in ap-southeast-1 stopped reporting: statuses may be out of date.'] };
}

/** A maintenance window as the config resolves it (src/config/resolved-config.ts), from ISO times. */
export function maintenanceWindow(
  id: string, title: string, start: string, end: string, cover: { networks?: string[]; endpoints?: string[] } = {},
): ResolvedMaintenance {
  return {
    id, title, start, end, startMs: Date.parse(start), endMs: Date.parse(end),
    networks: cover.networks ?? null,
    endpoints: cover.endpoints?.map((e) => ({ network: e.split('/')[0]!, endpoint: e.split('/')[1]! })) ?? null,
  };
}

/**
 * A model with maintenance in every phase, built the way `vantage run` builds
 * it: "done" (rpc-1, 08:00–09:00, completed, rpc-1 refused inside it),
 * "now" (all of algo-main, 10:00–10:30, in progress) and "next" (rpc-2,
 * tomorrow 10:00–11:00, scheduled); all first seen at 07:50. Now is 10:04.
 */
export async function maintenanceModel() {
  const { createLocalHistory, recordReport, modelFromLocalHistory } = await import('../../src/status/local-history.ts');
  const layout: PageLayout = {
    ...LAYOUT,
    maintenance: [
      maintenanceWindow('done', 'Disk swap', t(-120), t(-60), { endpoints: ['eth-main/rpc-1'] }),
      maintenanceWindow('now', 'Algod upgrade', t(0), t(30), { networks: ['algo-main'] }),
      maintenanceWindow('next', 'Kernel update', t(24 * 60), t(25 * 60), { endpoints: ['eth-main/rpc-2'] }),
    ],
  };
  const healthy = { 'eth-main': [{ id: 'rpc-1' }, { id: 'rpc-2' }, { id: 'rpc-3' }], 'algo-main': [{ id: 'api-1' }] };
  const history = createLocalHistory(t(-130));
  recordReport(history, report(t(-130), healthy, 'eu-west-1'), layout);
  recordReport(history, report(t(-90), { ...healthy, 'eth-main': [{ id: 'rpc-1', reasons: ['connect_refused'] }, { id: 'rpc-2' }, { id: 'rpc-3' }] }, 'eu-west-1'), layout);
  for (const m of [-30, 0, 2, 4]) recordReport(history, report(t(m), { ...healthy, 'algo-main': [{ id: 'api-1', reasons: m >= 0 ? ['timeout'] : [] }] }, 'eu-west-1'), layout);
  return modelFromLocalHistory(history, layout, t(4));
}
