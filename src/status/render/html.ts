// index.html, pre-rendered: complete with JavaScript off, no external assets,
// readable on a phone, landmarks and headings for assistive technology, and
// every status said in words (and an icon), never by colour alone; every
// chart with its summary in words beside it.
import type { StatusModel } from '../status-model.ts';
import { escapeMarkup as h } from './escape.ts';
import { networkSection } from './html-components.ts';
import { historyByDay, maintenanceList, openIncident } from './html-incidents.ts';
import { INDICATOR_ICON, time } from './html-parts.ts';
import { liveRefreshScript } from './page-script.ts';
import { PAGE_CSS } from './page-style.ts';
import type { RenderOptions } from './render-options.ts';

export { uptimeCaption } from './html-components.ts';

export function renderHtml(model: StatusModel, options: RenderOptions): string {
  const open = model.incidents.filter((i) => i.resolvedAt === null);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`${model.title}: ${model.description}`)}</title>
<meta name="description" content="${h(`Live status of ${model.title}`)}">
<link rel="alternate" type="application/atom+xml" title="${h(`${model.title} incidents`)}" href="feed.atom">
<style>${PAGE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="wrap">
<h1>${h(model.title)}</h1>
<p id="overall" class="overall i-${model.indicator}"><span class="icon" aria-hidden="true">${INDICATOR_ICON[model.indicator]}</span> <span>${h(model.description)}</span></p>
<p id="updated" class="meta">Last updated ${time(model.generatedAt)}.${options.sourceNote ? ` ${h(options.sourceNote)}` : ''}</p>
<div id="live" class="live meta" hidden></div>
<div id="announce" class="sr-only" aria-live="polite"></div>
</div></header>
<main id="main" tabindex="-1"><div class="wrap" id="content">
${model.notes.map((n) => `<p class="notice" role="note">${h(n)}</p>`).join('\n')}
<section aria-labelledby="open-incidents">
<h2 id="open-incidents">Open incidents</h2>
${open.length === 0 ? '<p>No open incidents.</p>' : open.map(openIncident).join('\n')}
</section>
<section aria-labelledby="maintenance">
<h2 id="maintenance">Maintenance</h2>
${maintenanceList(model.maintenances)}
</section>
<section aria-labelledby="networks">
<h2 id="networks">Networks</h2>
<p class="legend">Bars show uptime per day (UTC) over the last ${model.uptimeDays} days, oldest on the left: green at least 99.9%, amber at least 99%, red below 99%, short grey no data, blue with a mark beneath: maintenance (left out of uptime). Hover a bar for its day. Charts show the median response time (time to first byte) and the largest block lag per hour, and per day under "Last 90 days"; the dashed line is the lag limit.</p>
${model.networks.map((n) => networkSection(n, model.uptimeDays)).join('\n')}
</section>
<section aria-labelledby="past-incidents">
<h2 id="past-incidents">Past incidents</h2>
${historyByDay(model.incidents, model.maintenances, model.uptimeDays)}
</section>
</div></main>
<footer class="site"><div class="wrap">
<p>Machine-readable status:</p>
<ul>
<li><a href="api/v2/summary.json">api/v2/summary.json</a> (Statuspage v2 format)</li>
<li><a href="api/v2/incidents.json">api/v2/incidents.json</a> (the newest 50 incidents)</li>
<li><a href="api/v2/scheduled-maintenances.json">api/v2/scheduled-maintenances.json</a> (maintenance windows)</li>
<li><a href="history.json">history.json</a> (daily uptime, response time and lag series, incidents)</li>
<li><a href="feed.atom">feed.atom</a> (incident and maintenance updates)</li>
${model.networks.map((n) => `<li><a href="badges/${encodeURIComponent(n.id)}.json">badges/${h(n.id)}.json</a> (shields.io badge)</li>`).join('\n')}
</ul>
<p>Probed from the customer side of the internet by Vantage.</p>
</div></footer>
${options.refreshSeconds ? `<script>${liveRefreshScript(options.refreshSeconds)}</script>` : ''}
</body>
</html>
`;
}
