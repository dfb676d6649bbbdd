// `vantage run`: probe on a fixed interval, keep the status history, and with
// a server, serve the page, the feed files and /metrics, until the signal
// fires. Shared by `vantage run` and `vantage demo`.
import type { Redactor } from '../config/redactor.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { slowestProbeMs } from '../engine/round-budget.ts';
import { runRound } from '../engine/round.ts';
import { roundArrivalMs } from '../engine/arrival-budget.ts';
import type { Report } from '../report/report.ts';
import { createLocalHistory } from '../status/local-history.ts';
import { pageLayout } from '../status/page-layout.ts';
import type { RenderOptions } from '../status/render/render-options.ts';
import { loadHistoryFile, saveHistoryFile } from './history-file.ts';
import { LocalStatus } from './local-status.ts';
import { runProbeLoop } from './probe-loop.ts';
import { hostCheck } from './host-check.ts';
import type { ListenPlan } from './listen-plan.ts';
import { startStatusServer, type RunningServer } from './status-server.ts';

export interface RunServiceOptions {
  readonly config: ResolvedConfig;
  readonly redactor: Redactor;
  readonly region: string;
  readonly intervalSeconds: number;
  /** null: probe and print only. */
  readonly serve: ServeOptions | null;
  readonly historyFile: string | null;
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  readonly onListening?: (listening: Listening) => void;
  readonly onReport?: (report: Report) => void;
}

export interface ServeOptions {
  /** Where the page and, when plan.metrics is null, /metrics are served (listen-plan.ts). */
  readonly plan: ListenPlan;
  /** Host names answered besides the server's own (a reverse proxy's public name). */
  readonly allowedHosts: readonly string[];
}

export interface Listening {
  /** Base URL of the status page (no trailing "/"). */
  readonly url: string;
  /** URL of /metrics. */
  readonly metricsUrl: string;
  readonly servers: readonly RunningServer[];
}

/** /healthz fails after this many intervals without a completed round. */
const STALE_AFTER_INTERVALS = 3;

export async function runService(options: RunServiceOptions): Promise<void> {
  const now = () => new Date().toISOString();
  const history = options.historyFile ? loadHistoryFile(options.historyFile, now()) : createLocalHistory(now());
  const renderOptions = (pageUrl: string | null): RenderOptions => ({
    pageUrl,
    refreshSeconds: options.intervalSeconds,
    sourceNote: `Checked every ${formatSeconds(options.intervalSeconds)} ${options.region === 'local' ? 'by the local prober' : `from ${options.region}`}.`,
  });
  const status = new LocalStatus(pageLayout(options.config), history, renderOptions(null));

  const servers = options.serve ? await startListeners(options.serve, status, options, renderOptions) : [];

  let saveFailed = false;
  try {
    await runProbeLoop({
      intervalMs: options.intervalSeconds * 1000,
      signal: options.signal,
      round: (signal) => runRound(options.config, options.redactor, { region: options.region, runSignal: signal }),
      onReport: (report) => {
        status.record(report);
        options.onReport?.(report);
        if (!options.historyFile) return;
        try {
          saveHistoryFile(options.historyFile, status.history);
          saveFailed = false;
        } catch (err) {
          // Keep probing and serving; say it once until it works again.
          if (!saveFailed) options.log(`vantage run: cannot write history file ${options.historyFile}: ${(err as Error).message}`);
          saveFailed = true;
        }
      },
      onError: (err) => options.log(`vantage run: round failed: ${options.redactor.redact(err instanceof Error ? err.message : String(err))}`),
    });
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}

/** The page's listener and, when /metrics has its own, the metrics listener; all or none. */
async function startListeners(
  serve: ServeOptions, status: LocalStatus, options: RunServiceOptions, renderOptions: (pageUrl: string | null) => RenderOptions,
): Promise<RunningServer[]> {
  const { plan, allowedHosts } = serve;
  const common = {
    status,
    staleAfterMs: STALE_AFTER_INTERVALS * options.intervalSeconds * 1000 + slowestProbeMs(options.config.networks) + roundArrivalMs(options.config),
    hostAllowed: hostCheck({ listening: [plan.page.host, ...(plan.metrics ? [plan.metrics.host] : [])], allowed: allowedHosts }),
  };
  const servers: RunningServer[] = [];
  try {
    const page = await startStatusServer({ ...common, ...plan.page, serves: { page: true, metrics: plan.metrics === null } });
    servers.push(page);
    const metrics = plan.metrics
      ? await startStatusServer({ ...common, ...plan.metrics, serves: { page: false, metrics: true }, portFlag: '--metrics-port' })
      : page;
    if (metrics !== page) servers.push(metrics);
    // A wildcard bind has no single address to put in the feeds: links stay relative.
    status.setRenderOptions(renderOptions(isWildcard(page.host) ? null : `http://${urlHost(page.host)}:${page.port}`));
    options.onListening?.({ url: reachable(page), metricsUrl: `${reachable(metrics)}/metrics`, servers });
    return servers;
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
}

/** A URL a local browser can open: a wildcard bind is reached through loopback. */
function reachable(server: RunningServer): string {
  return isWildcard(server.host) ? `http://127.0.0.1:${server.port}` : `http://${urlHost(server.host)}:${server.port}`;
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::';
const urlHost = (host: string) => (host.includes(':') ? `[${host}]` : host);

export function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return seconds === 3600 ? 'hour' : `${seconds / 3600} hours`;
  if (seconds % 60 === 0) return seconds === 60 ? 'minute' : `${seconds / 60} minutes`;
  return `${seconds} s`;
}

/** One line per round for the terminal: the time (UTC), then problemSummary. */
export function roundLine(report: Report): string {
  return `${report.startedAt.slice(11, 19)}Z ${problemSummary(report)} (${report.durationMs} ms)`;
}

/**
 * The report's status and everything that is not up, by id
 * ("degraded demo-evm/rpc-3 lagging"), accounts included: a degraded round
 * must never read "all endpoints up".
 */
export function problemSummary(report: Report): string {
  const codes = (reasons: readonly { code: string }[]) => [...new Set(reasons.map((r) => r.code))].join('+');
  const problems = report.networks.flatMap((n) => [
    ...n.endpoints.filter((e) => e.status !== 'up').map((e) => `${n.id}/${e.id}${e.reference ? ' (reference)' : ''} ${codes(e.reasons)}`),
    // An address is 58 characters; its start is enough to tell accounts apart here.
    ...n.accounts.filter((a) => a.status !== 'up').map((a) => `${n.id}/account ${a.address.slice(0, 8)}… ${codes(a.reasons)}`),
  ]);
  return `${report.status.padEnd(8)} ${problems.length ? problems.join(', ') : 'all endpoints up'}`;
}
