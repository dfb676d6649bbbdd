// An endpoint's charts on the page: response time and block lag over the
// last 24 hours in view, the last 90 days folded under them (a <details>
// opens without script). Each chart has its one-line summary beside it.
import type { EndpointComponent, TimeSeries } from '../status-model.ts';
import { lagSummary, responseSummary } from './chart-summary.ts';
import { escapeMarkup as h } from './escape.ts';
import { slug } from './html-parts.ts';
import { chartSvg } from './svg-chart.ts';

interface Figure {
  readonly key: string;
  readonly title: string;
  readonly series: TimeSeries;
  readonly summary: string;
  readonly unit: string;
  readonly limit: number | null;
}

export function endpointCharts(endpoint: EndpointComponent, maxLagBlocks: number): string {
  const figures = (range: 'hourly' | 'daily', words: string): Figure[] => [
    {
      key: `${range}-response`,
      title: `${endpoint.name}: response time (median time to first byte), ${words}`,
      series: endpoint.charts.responseMs[range],
      summary: responseSummary(endpoint.charts.responseMs[range]),
      unit: 'ms',
      limit: null,
    },
    {
      key: `${range}-lag`,
      title: `${endpoint.name}: blocks behind the network (largest), ${words}`,
      series: endpoint.charts.lagBlocks[range],
      summary: lagSummary(endpoint.charts.lagBlocks[range], maxLagBlocks),
      unit: 'blocks',
      limit: maxLagBlocks,
    },
  ];
  const id = slug(endpoint.id);
  return `<div class="chart-pair">${figures('hourly', 'last 24 hours').map((f) => figure(id, f)).join('')}</div>
<details class="charts" id="charts-${id}"><summary>Last 90 days: response time and block lag</summary>
<div class="chart-pair">${figures('daily', 'last 90 days').map((f) => figure(id, f)).join('')}</div>
</details>`;
}

function figure(id: string, f: Figure): string {
  const chartId = `chart-${id}-${f.key}`;
  return `<figure class="chart-figure">${chartSvg({ id: chartId, title: f.title, series: f.series, unit: f.unit, limit: f.limit })}<figcaption>${h(f.summary)}</figcaption></figure>`;
}
