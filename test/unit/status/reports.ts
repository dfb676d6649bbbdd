// Builds JSON reports (src/report/report.ts) the way runRound does, for the
// status model's tests: only the fields the page reads vary.
import type { Reason, ReasonCode, Status } from '../../../src/report/reasons.ts';
import { REASON_STATUS, worstStatus } from '../../../src/report/reasons.ts';
import type { EndpointReport, NetworkReport, Report } from '../../../src/report/report.ts';
import type { PageLayout } from '../../../src/status/page-layout.ts';

export interface EndpointSpec {
  readonly id: string;
  readonly reasons?: readonly (ReasonCode | Reason)[];
  readonly reference?: boolean;
  readonly lagBlocks?: number | null;
  readonly headAgeSeconds?: number | null;
  readonly url?: string;
  readonly addresses?: EndpointReport['addresses'];
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
    timings: { dnsMs: 1, connectMs: 1, tlsMs: 2, ttfbMs: 5, totalMs: 9, upgradeMs: null, firstNotificationMs: null },
    tls: null,
    chain: { height: 100, lagBlocks: spec.lagBlocks ?? 0, headAgeSeconds: spec.headAgeSeconds ?? 1, syncing: false, peers: 5 },
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

export const LAYOUT: PageLayout = {
  title: 'Example Node API status',
  regions: ['us-east-1', 'eu-west-1'],
  networks: [
    { id: 'eth-main', chain: 'evm', maxLagBlocks: 3, maxHeadAgeSeconds: 60, endpoints: ['rpc-1', 'rpc-2', 'rpc-3'] },
    { id: 'algo-main', chain: 'algorand', maxLagBlocks: 10, maxHeadAgeSeconds: 30, endpoints: ['api-1'] },
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
  const { createLocalHistory, recordReport, modelFromLocalHistory } = await import('../../../src/status/local-history.ts');
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
