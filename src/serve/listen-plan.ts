// Where `vantage run --serve` listens. The status page and the feed files
// are public by design; /metrics is not (it lists private and reference
// endpoints and the exposure findings the page hides), so it stays on
// loopback unless --metrics-host says otherwise: on the page's own listener
// when that is loopback, else on a second listener (127.0.0.1, --port + 1).
import { isIP } from 'node:net';

export interface Listener {
  readonly host: string;
  readonly port: number;
}

export interface ListenPlan {
  readonly page: Listener;
  /** null: /metrics is served by the page's listener. */
  readonly metrics: Listener | null;
}

export interface ListenFlags {
  readonly host: string;
  readonly port: number;
  readonly metricsHost?: string;
  readonly metricsPort?: number;
}

export const METRICS_LOOPBACK = '127.0.0.1';

/** localhost, 127.0.0.0/8 and ::1 (also as IPv4-mapped ::ffff:127.x.y.z). */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

export type ListenPlanResult = { readonly ok: true; readonly plan: ListenPlan } | { readonly ok: false; readonly message: string };

export function listenPlan(flags: ListenFlags): ListenPlanResult {
  const page = { host: flags.host, port: flags.port };
  const metricsHost = flags.metricsHost ?? (isLoopback(flags.host) ? flags.host : METRICS_LOOPBACK);
  const sameHost = metricsHost === flags.host;
  // port 0 (any free port) stays 0; otherwise the next one, so a wildcard page listener never collides with it.
  const metricsPort = flags.metricsPort ?? (sameHost ? flags.port : flags.port === 0 ? 0 : flags.port + 1);
  if (metricsPort > 65535) return { ok: false, message: `--port ${flags.port} leaves no port for /metrics on ${metricsHost}: choose one with --metrics-port` };
  if (sameHost && metricsPort === flags.port) return { ok: true, plan: { page, metrics: null } };
  return { ok: true, plan: { page, metrics: { host: metricsHost, port: metricsPort } } };
}
