// The human view of a cost estimate: one table per side, totals, and the
// ratio a reader actually wants.
import type { DetectionTime } from '../alarms/time-to-detect.ts';
import type { CostEstimate, CostLine, CostSide } from './estimate.ts';
import { increasesNeeded } from './quotas.ts';
import { PRICE_REGION, PRICES_READ_ON } from './prices.ts';

const HEADERS = ['SERVICE', 'ITEM', 'QUANTITY', 'UNIT', 'USD/UNIT', 'USD/MONTH'] as const;

export function formatCost(estimate: CostEstimate, configName: string, tenSeconds?: CostEstimate): string {
  const s = estimate.shape;
  const m = s.metricLayout;
  const out = [
    `Monthly cost estimate for ${configName}`,
    `${plural(s.endpoints, 'endpoint')} × ${plural(s.regions.length, 'region')} (${s.regions.join(', ')}), ${s.schedule}${s.roundsPerInvocation > 1 ? ` with ${s.roundsPerInvocation} rounds (every ${s.everySeconds} s)` : ''} = ${count(s.runsPerMonthPerRegion)} invocations/month per region, ${plural(s.shards, 'shard')}`,
    `${plural(s.metrics, 'custom metric')} (${count(m.endpointRegion)} per endpoint and region, ${count(m.endpoint)} region-less alarm metrics, ${count(m.network)} per network, ${count(m.other)} other)`,
    `Alarms: ${s.strategy}. ${capital(s.strategyReason)}.`,
    `${plural(s.alarms, 'metric alarm')} (${s.insightsAlarms} Metrics Insights), ${plural(s.compositeAlarms, 'composite alarm')}${s.alarmStacks > 0 ? `, in ${plural(s.alarmStacks, 'alarm stack')} beside the central stack` : ', in the central stack'}`,
    `${PRICE_REGION} list prices read ${PRICES_READ_ON}, before any free tier (see docs/cost.md).`,
    ...estimate.warnings.map((w) => `WARNING: ${w}`),
    '',
    'VANTAGE',
    ...table(estimate.vantage),
    `  ${usd(estimate.perEndpointUsd)} per endpoint-month, ${usd(estimate.perEndpointRegionUsd)} per endpoint-region-month`,
    '',
    'CLOUDWATCH SYNTHETICS: one canary per endpoint per region on the same schedule (running the checks only:',
    'no chain heights, lag or exposure checks, and its alarms, dashboard, logs and S3 artifacts come on top;',
    'a canary runs at most once a minute)',
    ...table(estimate.synthetics),
    '',
    ratio(estimate),
    '',
    ...quotaLines(estimate),
    '',
    ...detectionLines(estimate, tenSeconds),
  ];
  return `${out.join('\n')}\n`;
}

function quotaLines(estimate: CostEstimate): string[] {
  const rows = estimate.quotas.map((q) => [q.quota, count(q.used), count(q.limit), q.adjustable ? 'yes' : 'NO', q.note]);
  const increases = increasesNeeded(estimate.quotas);
  return [
    'QUOTAS (account defaults)',
    ...grid(['QUOTA', 'USED', 'DEFAULT', 'ADJUSTABLE', 'NOTE'], rows, new Set([1, 2])),
    increases.length === 0
      ? 'Quota increases needed: none.'
      : `Quota increases needed: ${increases.map((q) => `${q.quota} to at least ${count(q.used)}`).join('; ')}.`,
  ];
}

function detectionLines(estimate: CostEstimate, tenSeconds?: CostEstimate): string[] {
  const other = new Map((tenSeconds?.detection ?? []).map((d) => [d.kind, d]));
  const cell = (d: DetectionTime | undefined) => (d ? `${seconds(d.totalSeconds)} (${d.billing}, ${d.periodSeconds} s × ${d.datapointsToAlarm}/${d.evaluationPeriods})` : '—');
  const rows = estimate.detection.map((d) => [d.kind, cell(d), ...(tenSeconds ? [cell(other.get(d.kind))] : [])]);
  const header = ['ALARM', 'AS GIVEN', ...(tenSeconds ? ['WITH everySeconds: 10'] : [])];
  const lines = [
    'TIME TO DETECT (worst case, problem start to notification)',
    ...grid(header, rows, new Set()),
    `  = sampling interval (the problem starts just after a probe) + probe timeout + ${estimate.detection[0]?.publishSeconds ?? 5} s to publish and ingest (assumed:`,
    '    AWS gives no figure) + (datapoints to alarm − 1) × period + evaluation interval (10 s high-resolution, 60 s otherwise)',
    '    + the suppressor wait (60 s, or 20 s below a minute) when it notifies through a composite with a maintenance',
    '    suppressor; SNS delivery not counted.',
  ];
  if (tenSeconds) {
    lines.push(`  With everySeconds: 10 the deployment costs ${usd(tenSeconds.vantage.totalUsd)} a month (${usd(tenSeconds.perEndpointRegionUsd)} per endpoint-region-month); alarms: ${tenSeconds.shape.strategy}.`);
    lines.push(...tenSeconds.warnings.map((w) => `  WARNING (everySeconds: 10): ${w}`));
  }
  return lines;
}

function grid(header: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const render = (r: readonly string[]) => `  ${r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()}`;
  return [render(header), ...rows.map(render)];
}

function seconds(n: number): string {
  return n >= 120 ? `${Math.round(n)} s (${(n / 60).toFixed(1)} min)` : `${Math.round(n)} s`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function ratio(estimate: CostEstimate): string {
  const v = estimate.vantage.totalUsd;
  const s = estimate.synthetics.totalUsd;
  if (v <= 0) return 'Synthetics would cost more than Vantage for these checks.';
  return `Synthetics would cost ${(s / v).toFixed(1)}× what Vantage costs for these checks (${usd(s)} vs ${usd(v)} a month).`;
}

function table(side: CostSide): string[] {
  const rows = side.lines.map(cells);
  rows.push(['', 'total', '', '', '', usd(side.totalUsd)]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const right = new Set([2, 4, 5]);
  const render = (r: readonly string[]) => `  ${r.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()}`;
  return [render(HEADERS), ...rows.map(render)];
}

function cells(l: CostLine): string[] {
  return [l.category, l.item, quantity(l.quantity), l.unit, unitPrice(l.unitUsd), usd(l.monthlyUsd)];
}

function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function quantity(n: number): string {
  if (Number.isInteger(n) || n >= 100) return count(n);
  return n.toPrecision(3);
}

/** Tiny prices read better per thousand or per million units: 0.20/1M, not 2.00e-7. */
function unitPrice(n: number): string {
  if (n === 0) return '0';
  const [scaled, suffix] = n >= 0.01 ? [n, ''] : n * 1000 >= 0.01 ? [n * 1000, '/1k'] : [n * 1_000_000, '/1M'];
  const cents = Math.abs(scaled * 100 - Math.round(scaled * 100)) < 1e-9;
  return `${cents ? scaled.toFixed(2) : String(Number(scaled.toPrecision(4)))}${suffix}`;
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}
