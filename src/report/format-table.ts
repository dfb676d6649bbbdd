// The human view of a report: one block per network, one row per endpoint,
// its reasons underneath, then each of its addresses that is not up. Status is words and a mark, colour only on top.
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

interface Column {
  readonly header: string;
  readonly cell: (e: EndpointReport) => string;
  /** Shown only when some endpoint of the network has a value (the WebSocket phases, block arrival). */
  readonly optional?: (e: EndpointReport) => boolean;
}

const COLUMNS: readonly Column[] = [
  { header: 'ENDPOINT', cell: (e) => safe(e.reference ? `${e.id} (ref)` : e.id) },
  { header: 'STATUS', cell: (e) => `${MARK[e.status]} ${e.status}` },
  { header: 'HEIGHT', cell: (e) => num(e.chain?.height) },
  { header: 'LAG', cell: (e) => num(e.chain?.lagBlocks) },
  { header: 'HEAD AGE', cell: (e) => (e.chain?.headAgeSeconds === null || e.chain?.headAgeSeconds === undefined ? '-' : `${e.chain.headAgeSeconds.toFixed(1)} s`) },
  { header: 'FINALITY LAG', cell: (e) => secondsCell(e.chain?.finalityLagSeconds) },
  { header: 'BLOCK INTERVAL', cell: (e) => secondsCell(e.chain?.blockIntervalSeconds) },
  { header: 'DNS', cell: (e) => msCell(e.timings.dnsMs) },
  { header: 'CONNECT', cell: (e) => msCell(e.timings.connectMs) },
  { header: 'TLS', cell: (e) => msCell(e.timings.tlsMs) },
  { header: 'UPGRADE', cell: (e) => msCell(e.timings.upgradeMs), optional: (e) => e.timings.upgradeMs !== null },
  { header: 'TTFB', cell: (e) => msCell(e.timings.ttfbMs) },
  { header: '1ST NOTIFY', cell: (e) => msCell(e.timings.firstNotificationMs), optional: (e) => e.timings.firstNotificationMs !== null },
  { header: 'TOTAL', cell: (e) => msCell(e.timings.totalMs) },
  { header: 'CERT DAYS', cell: (e) => (e.tls?.daysToExpiry === null || e.tls?.daysToExpiry === undefined ? '-' : e.tls.daysToExpiry.toFixed(1)) },
  // For networks that watch block arrival: the median delay after the fastest endpoint.
  { header: 'ARRIVAL P50', cell: (e) => arrivalCell(e), optional: (e) => e.arrival !== null },
];

export function formatTable(report: Report, options: TableOptions): string {
  const paint = (status: Status, text: string) => (options.color ? `${COLOR[status]}${text}${RESET}` : text);
  const dim = (text: string) => (options.color ? `${DIM}${text}${RESET}` : text);
  const lines: string[] = [
    `${paint(report.status, `${MARK[report.status]} ${report.status.toUpperCase()}`)}  region ${safe(report.region)} · ${safe(report.startedAt)} · ${report.durationMs} ms`,
  ];
  for (const network of report.networks) {
    lines.push('', networkTitle(network, paint));
    const columns = COLUMNS.filter((c) => !c.optional || network.endpoints.some(c.optional));
    const rows = network.endpoints.map((e) => columns.map((c) => c.cell(e)));
    const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => r[i]!.length)));
    lines.push(`  ${dim(columns.map((c, i) => c.header.padEnd(widths[i]!)).join('  ').trimEnd())}`);
    network.endpoints.forEach((endpoint, r) => {
      const cells = rows[r]!.map((cell, i) => cell.padEnd(widths[i]!));
      cells[1] = paint(endpoint.status, cells[1]!);
      lines.push(`  ${cells.join('  ').trimEnd()}`);
      for (const reason of endpoint.reasons) lines.push(`      ${paint(endpoint.status, reason.code)}: ${safe(reason.message)}`);
      lines.push(...addressLines(endpoint, paint, dim));
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

/**
 * Under an endpoint, each of its other addresses that is not up: its status,
 * its codes, and its height and first byte where it had them (the messages
 * are in the endpoint's address_unhealthy lines above). A skipped address
 * (no IPv6 route from here) is shown dim.
 */
function addressLines(e: EndpointReport, paint: (s: Status, t: string) => string, dim: (t: string) => string): string[] {
  const lines: string[] = [];
  for (const a of e.addresses) {
    if (a.primary || a.status === 'up') continue;
    const where = `↳ ${safe(a.address)} (IPv${a.family})`;
    if (a.status === 'skipped') {
      lines.push(`    ${dim(`${where}  skipped: no route from here (probe.ipv6: auto)`)}`);
      continue;
    }
    const facts = [
      ...new Set(a.reasons.map((r) => r.code)),
      ...(a.height === null ? [] : [`height ${a.height}`]),
      ...(a.ttfbMs === null ? [] : [`ttfb ${msCell(a.ttfbMs)}`]),
    ];
    lines.push(`    ${where}  ${paint(a.status, `${MARK[a.status]} ${a.status}`)}  ${facts.join(', ')}`);
  }
  return lines;
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
