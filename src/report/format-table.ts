// The human view of a report: one block per network, one row per endpoint,
// its reasons underneath. Status is words and a mark, colour only on top.
// The only escape sequences written are its own colours: every text from the
// report passes stripControls() first, a last line of defence behind the
// cleaning of node text where it enters a message.
import { stripControls as safe } from './node-text.ts';
import type { Status } from './reasons.ts';
import type { EndpointReport, NetworkReport, Report } from './report.ts';

export interface TableOptions {
  readonly color: boolean;
}

const MARK: Readonly<Record<Status, string>> = { up: '✓', degraded: '!', down: '✗' };
const COLOR: Readonly<Record<Status, string>> = { up: '\x1b[32m', degraded: '\x1b[33m', down: '\x1b[31m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

const HEADERS = [
  'ENDPOINT', 'STATUS', 'HEIGHT', 'LAG', 'HEAD AGE', 'FINALITY LAG', 'BLOCK INTERVAL', 'DNS', 'CONNECT', 'TLS', 'TTFB', 'TOTAL', 'CERT DAYS',
] as const;
/** Shown for networks that watch block arrival: the median delay after the fastest endpoint. */
const ARRIVAL_HEADER = 'ARRIVAL P50';

export function formatTable(report: Report, options: TableOptions): string {
  const paint = (status: Status, text: string) => (options.color ? `${COLOR[status]}${text}${RESET}` : text);
  const dim = (text: string) => (options.color ? `${DIM}${text}${RESET}` : text);
  const lines: string[] = [
    `${paint(report.status, `${MARK[report.status]} ${report.status.toUpperCase()}`)}  region ${safe(report.region)} · ${safe(report.startedAt)} · ${report.durationMs} ms`,
  ];
  for (const network of report.networks) {
    lines.push('', networkTitle(network, paint));
    const arrival = network.endpoints.some((e) => e.arrival !== null);
    const headers: readonly string[] = arrival ? [...HEADERS, ARRIVAL_HEADER] : HEADERS;
    const rows = network.endpoints.map((e) => (arrival ? [...endpointCells(e), arrivalCell(e)] : endpointCells(e)));
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    lines.push(`  ${dim(headers.map((h, i) => h.padEnd(widths[i]!)).join('  ').trimEnd())}`);
    network.endpoints.forEach((endpoint, r) => {
      const cells = rows[r]!.map((cell, i) => cell.padEnd(widths[i]!));
      cells[1] = paint(endpoint.status, cells[1]!);
      lines.push(`  ${cells.join('  ').trimEnd()}`);
      for (const reason of endpoint.reasons) lines.push(`      ${paint(endpoint.status, reason.code)}: ${safe(reason.message)}`);
    });
    for (const account of network.accounts) {
      const days = account.daysToExpiry === null ? '' : `, key expires in ${account.daysToExpiry.toFixed(1)} days`;
      lines.push(`  account ${safe(account.address)}  ${paint(account.status, `${MARK[account.status]} ${account.status}`)}  ${safe(account.participation ?? 'unknown')}${days}`);
      for (const reason of account.reasons) lines.push(`      ${paint(account.status, reason.code)}: ${safe(reason.message)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function networkTitle(network: NetworkReport, paint: (s: Status, t: string) => string): string {
  const reference = network.referenceHeight === null ? 'no reference height' : `reference height ${network.referenceHeight}`;
  return `${safe(network.id)} (${network.chain})  ${paint(network.status, `${MARK[network.status]} ${network.status}`)}  ${reference}`;
}

function endpointCells(e: EndpointReport): string[] {
  const t = e.timings;
  return [
    safe(e.reference ? `${e.id} (ref)` : e.id),
    `${MARK[e.status]} ${e.status}`,
    num(e.chain?.height),
    num(e.chain?.lagBlocks),
    e.chain?.headAgeSeconds === null || e.chain?.headAgeSeconds === undefined ? '-' : `${e.chain.headAgeSeconds.toFixed(1)} s`,
    secondsCell(e.chain?.finalityLagSeconds),
    secondsCell(e.chain?.blockIntervalSeconds),
    msCell(t.dnsMs),
    msCell(t.connectMs),
    msCell(t.tlsMs),
    msCell(t.ttfbMs),
    msCell(t.totalMs),
    e.tls?.daysToExpiry === null || e.tls?.daysToExpiry === undefined ? '-' : e.tls.daysToExpiry.toFixed(1),
  ];
}

function arrivalCell(e: EndpointReport): string {
  if (!e.arrival) return '-';
  if (e.arrival.p50Ms === null) return 'no new block';
  const missed = e.arrival.missed > 0 ? ` (${e.arrival.missed}/${e.arrival.blocks} missed)` : '';
  return `${msCell(e.arrival.p50Ms)}${missed}`;
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(v));

/** Seconds in a readable unit: "0 s", "0.40 s", "12.0 s", "13.2 min" (a Solana slot needs its second digit). */
function secondsCell(v: number | null | undefined): string {
  if (v === null || v === undefined) return '-';
  if (v === 0) return '0 s';
  if (v < 1) return `${v.toFixed(2)} s`;
  if (v < 120) return `${v.toFixed(1)} s`;
  if (v < 7200) return `${(v / 60).toFixed(1)} min`;
  return `${(v / 3600).toFixed(1)} h`;
}
const msCell = (v: number | null) => (v === null ? '-' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
