// One probing round: every selected endpoint probed concurrently, then per
// network agreement, accounts and (where configured) the block arrival
// watch side by side, then statuses and the redacted report.
import { performance } from 'node:perf_hooks';
import { agree, isAgreementInput, type NetworkAgreement } from '../agreement/agreement.ts';
import type { EndpointArrival } from '../agreement/arrival-delay.ts';
import type { AccountReading } from '../chains/adapter.ts';
import { adapterFor } from '../chains/registry.ts';
import type { Redactor } from '../config/redactor.ts';
import type { ResolvedConfig, ResolvedNetwork } from '../config/resolved-config.ts';
import { probeEndpoint, type EndpointProbe, type ProbeOptions } from './probe-endpoint.ts';
import { buildNetworkReport, buildReport } from './build-report.ts';
import type { Report } from '../report/report.ts';
import type { SocketFactory } from '../probe/connect.ts';
import { readAccounts } from './accounts.ts';
import { chainDepth } from './chain-depth.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { unprobedEndpoint } from './unresolved-endpoint.ts';
import { watchArrival } from './arrival-watch.ts';

export interface RoundOptions {
  readonly region: string;
  /** Fires at the run's deadline; unfinished probes become `timeout`. */
  readonly runSignal?: AbortSignal;
  /** Wall clock in ms. */
  readonly now?: () => number;
  /** Which networks this run probes (shards keep networks whole, so agreement sees all peers). */
  readonly selectNetwork?: (network: ResolvedNetwork, index: number) => boolean;
  /** Called as each endpoint finishes (progress output). */
  readonly onProbe?: (done: number, total: number) => void;
  /** Where sockets come from: node's, unless a test fails an address at the connect boundary (ProbeOptions.sockets). */
  readonly sockets?: SocketFactory;
  /** Called once when the probes are done and the block arrival watch begins, with its longest window (progress output). */
  readonly onArrivalWatch?: (windowSeconds: number) => void;
}

export async function runRound(config: ResolvedConfig, redactor: Redactor, options: RoundOptions): Promise<Report> {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const started = performance.now();
  const networks = config.networks.filter((n, i) => options.selectNetwork?.(n, i) ?? true);
  const tasks = networks.flatMap((network) => network.endpoints.map((endpoint) => ({ network, endpoint })));
  const probeOptions: ProbeOptions = { runSignal: options.runSignal, now, resolvers: config.probe.resolvers, ipv6: config.probe.ipv6, sockets: options.sockets };
  let done = 0;
  const probes = await mapConcurrent(tasks, config.probe.concurrency, async ({ network, endpoint }) => {
    const result = unprobedEndpoint(endpoint) ?? await probeEndpoint(network, endpoint, probeOptions);
    options.onProbe?.(++done, tasks.length);
    return result;
  });

  const byNetwork = new Map<string, EndpointProbe[]>();
  tasks.forEach(({ network }, i) => {
    const list = byNetwork.get(network.id) ?? [];
    list.push(probes[i]!);
    byNetwork.set(network.id, list);
  });

  const longestWindow = Math.max(0, ...networks.map((n) => n.arrival?.windowSeconds ?? 0));
  if (longestWindow > 0) options.onArrivalWatch?.(longestWindow);
  const networkReports = await Promise.all(networks.map(async (network) => {
    const results = byNetwork.get(network.id) ?? [];
    const judgedAt = now();
    const agreement = agree(
      results.map((p) => ({
        id: p.endpoint.id,
        height: p.chain?.height ?? null,
        headTimeSeconds: p.chain?.headTimeSeconds ?? null,
        headAgeSeconds: p.chain?.headAgeSeconds ?? null,
        codes: p.reasons.map((r) => r.code),
      })),
      { maxLagBlocks: network.maxLagBlocks, maxHeadAgeSeconds: network.maxHeadAgeSeconds },
      judgedAt,
    );
    const [accounts, arrival]: [AccountReading[], Map<string, EndpointArrival>] = await Promise.all([
      readAccounts(network, results, adapterFor(network.chain), probeOptions),
      watchArrival(network, arrivalWatched(network, results, agreement), probeOptions),
    ]);
    return buildNetworkReport(network, results, agreement, chainDepth(network, results), accounts, redactor, arrival, judgedAt);
  }));

  return buildReport({
    startedAt: new Date(startedAt).toISOString(),
    durationMs: Math.round(performance.now() - started),
    region: options.region,
    networks: networkReports,
  });
}

/**
 * Who the arrival watch times: endpoints that are not private and gave a
 * height agreement follows (not down, on the right chain, not syncing, not
 * ahead). The others have nothing to time, and a wrong or ahead endpoint's
 * heights must not decide when a block first arrived.
 */
function arrivalWatched(network: ResolvedNetwork, results: readonly EndpointProbe[], agreement: NetworkAgreement) {
  if (!network.arrival) return [];
  return results.filter((p) => {
    if (p.endpoint.visibility === 'private') return false;
    const codes = [...p.reasons, ...(agreement.endpoints.get(p.endpoint.id)?.reasons ?? [])].map((r) => r.code);
    return isAgreementInput({ id: p.endpoint.id, height: p.chain?.height ?? null, headTimeSeconds: null, headAgeSeconds: null, codes }) && !codes.includes('ahead');
  }).map((p) => p.endpoint);
}
