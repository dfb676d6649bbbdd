// The human view of a cost estimate: one table per side, totals, and the
// ratio a reader actually wants.
import type { CostEstimate, CostLine, CostSide } from './estimate.ts';
import { PRICE_REGION, PRICES_READ_ON } from './prices.ts';

const HEADERS = ['SERVICE', 'ITEM', 'QUANTITY', 'UNIT', 'USD/UNIT', 'USD/MONTH'] as const;

export function formatCost(estimate: CostEstimate, configName: string): string {
  const s = estimate.shape;
  const out = [
    `Monthly cost estimate for ${configName}`,
    `${plural(s.endpoints, 'endpoint')} × ${plural(s.regions.length, 'region')} (${s.regions.join(', ')}), ${s.schedule} = ${count(s.runsPerMonthPerRegion)} runs/month per region, ${plural(s.shards, 'shard')}`,
    `${plural(s.metrics, 'custom metric')}, ${plural(s.alarms, 'metric alarm')}, ${plural(s.compositeAlarms, 'composite alarm')}`,
    `${PRICE_REGION} list prices read ${PRICES_READ_ON}, before any free tier (see docs/cost.md).`,
    '',
    'VANTAGE',
    ...table(estimate.vantage),
    '',
    'CLOUDWATCH SYNTHETICS: one canary per endpoint per region on the same schedule (running the checks only:',
    'no chain heights, lag or exposure checks, and its alarms, dashboard, logs and S3 artifacts come on top)',
    ...table(estimate.synthetics),
    '',
    ratio(estimate),
  ];
  return `${out.join('\n')}\n`;
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
  return `${n} ${word}${n === 1 ? '' : 's'}`;
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
