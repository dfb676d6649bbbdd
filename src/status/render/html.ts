// index.html, pre-rendered: complete with JavaScript off, no external assets,
// readable on a phone, landmarks and headings for assistive technology, and
// every status said in words (and an icon), never by colour alone.
import { IMPACT_LABEL, STATUS_LABEL, type ComponentStatus, type Indicator } from '../component-status.ts';
import { formatPercent } from '../daily-uptime.ts';
import type { EndpointComponent, Incident, NetworkComponent, StatusModel, UptimeHistory } from '../status-model.ts';
import { escapeMarkup as h } from './escape.ts';
import { liveRefreshScript } from './page-script.ts';
import { PAGE_CSS } from './page-style.ts';
import type { RenderOptions } from './render-options.ts';

/** Resolved incidents listed on the page (all of them are in history.json and the feed). */
const PAST_INCIDENTS_ON_PAGE = 20;

const STATUS_ICON: Readonly<Record<ComponentStatus, string>> = {
  operational: '✓',
  degraded_performance: '!',
  partial_outage: '◐',
  major_outage: '✕',
};

const INDICATOR_ICON: Readonly<Record<Indicator, string>> = { none: '✓', minor: '!', major: '◐', critical: '✕' };

/** Uptime at or above this is a good day. */
const GOOD_DAY = 0.999;
/** At or above this a day had some downtime; below it, much. */
const MINOR_DAY = 0.99;

export function renderHtml(model: StatusModel, options: RenderOptions): string {
  const open = model.incidents.filter((i) => i.resolvedAt === null);
  const past = model.incidents.filter((i) => i.resolvedAt !== null).slice(0, PAST_INCIDENTS_ON_PAGE);
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
<section aria-labelledby="networks">
<h2 id="networks">Networks</h2>
<p class="legend">Bars show uptime per day (UTC) over the last ${model.uptimeDays} days, oldest on the left: green at least 99.9%, amber at least 99%, red below 99%, short grey no data. Hover a bar for its day.</p>
${model.networks.map((n) => network(n, model.uptimeDays)).join('\n')}
</section>
<section aria-labelledby="past-incidents">
<h2 id="past-incidents">Past incidents</h2>
${past.length === 0 ? `<p>No incidents in the last ${model.uptimeDays} days.</p>` : past.map(pastIncident).join('\n')}
</section>
</div></main>
<footer class="site"><div class="wrap">
<p>Machine-readable status:</p>
<ul>
<li><a href="api/v2/summary.json">api/v2/summary.json</a> (Statuspage v2 format)</li>
<li><a href="history.json">history.json</a> (daily uptime and incidents)</li>
<li><a href="feed.atom">feed.atom</a> (incident updates)</li>
${model.networks.map((n) => `<li><a href="badges/${encodeURIComponent(n.id)}.json">badges/${h(n.id)}.json</a> (shields.io badge)</li>`).join('\n')}
</ul>
<p>Probed from the customer side of the internet by Vantage.</p>
</div></footer>
${options.refreshSeconds ? `<script>${liveRefreshScript(options.refreshSeconds)}</script>` : ''}
</body>
</html>
`;
}

function network(n: NetworkComponent, days: number): string {
  const heading = `net-${slug(n.id)}`;
  return `<section class="network" aria-labelledby="${heading}">
<div class="head"><h3 id="${heading}">${h(n.name)} <span class="chain">${h(n.chain)}</span></h3>${statusLabel(n.status)}</div>
${n.detail ? `<p class="detail net-detail">${h(n.detail)}</p>` : ''}
<div class="net-uptime">${uptimeFigure(n.uptime, `${n.name}, all endpoints`, days)}</div>
<ul class="endpoints">
${n.endpoints.map((e) => endpoint(e, days)).join('\n')}
</ul>
</section>`;
}

function endpoint(e: EndpointComponent, days: number): string {
  return `<li id="c-${slug(e.id)}">
<div class="row"><h4 class="name">${h(e.name)}</h4>${statusLabel(e.status)}</div>
${e.detail ? `<p class="detail">${h(e.detail)} <span class="meta">(since ${time(e.since)})</span></p>` : ''}
${uptimeFigure(e.uptime, e.name, days)}
</li>`;
}

function statusLabel(status: ComponentStatus): string {
  return `<span class="badge s-${status}"><span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span> ${STATUS_LABEL[status]}</span>`;
}

function uptimeFigure(uptime: UptimeHistory, name: string, days: number): string {
  const bars = uptime.days.map((d, i) => {
    const kind = d.ratio === null ? 'none' : d.ratio >= GOOD_DAY ? 'good' : d.ratio >= MINOR_DAY ? 'minor' : 'bad';
    // No data is drawn short, so it differs from a good day by shape as well as colour.
    const [y, height] = kind === 'none' ? [14, 6] : [0, 20];
    const tip = d.ratio === null ? `${d.date}: no data` : `${d.date}: ${formatPercent(d.ratio)} uptime`;
    return `<rect class="d-${kind}" x="${i * 4}" y="${y}" width="3" height="${height}"><title>${tip}</title></rect>`;
  });
  return `<figure class="uptime">
<svg viewBox="0 0 ${days * 4 - 1} 20" preserveAspectRatio="none" aria-hidden="true" focusable="false">${bars.join('')}</svg>
<figcaption>${h(uptimeCaption(uptime, name, days))}</figcaption>
</figure>`;
}

/** The bars in words: overall uptime, and the worst days. */
export function uptimeCaption(uptime: UptimeHistory, name: string, days: number): string {
  const measured = uptime.days.filter((d) => d.ratio !== null);
  if (uptime.ratio === null) return `${name}: no uptime data yet.`;
  const span = measured.length < days ? `${measured.length} day${measured.length === 1 ? '' : 's'} of data` : `${days} days`;
  const lowDays = measured.filter((d) => d.ratio! < GOOD_DAY).sort((a, b) => a.ratio! - b.ratio!);
  const low = lowDays.length === 0
    ? 'no day below 99.9%'
    : `${lowDays.length} day${lowDays.length === 1 ? '' : 's'} below 99.9%, lowest ${lowDays.slice(0, 3).map((d) => `${d.date} (${formatPercent(d.ratio!)})`).join(', ')}`;
  return `${name}: ${formatPercent(uptime.ratio)} uptime over ${span}; ${low}.`;
}

function openIncident(i: Incident): string {
  return `<article class="incident i-${i.impact}" id="incident-${h(i.id)}" aria-labelledby="t-${h(i.id)}">
<h3 id="t-${h(i.id)}">${h(i.title)}</h3>
<p class="meta">Impact: ${IMPACT_LABEL[i.impact]}. Started ${time(i.startedAt)}.</p>
${updates(i)}
</article>`;
}

function pastIncident(i: Incident): string {
  return `<details class="incident i-${i.impact}" id="incident-${h(i.id)}">
<summary><strong>${h(i.title)}</strong> <span class="meta">resolved ${time(i.resolvedAt!)}</span></summary>
<p class="meta">Impact: ${IMPACT_LABEL[i.impact]}. Started ${time(i.startedAt)}.</p>
${updates(i)}
</details>`;
}

function updates(i: Incident): string {
  const items = [...i.updates].reverse().map((u) => `<li>${time(u.at)} <strong>${u.status === 'resolved' ? 'Resolved' : 'Investigating'}</strong>: ${h(u.body)}</li>`);
  return `<ol class="updates" reversed>\n${items.join('\n')}\n</ol>`;
}

function time(iso: string): string {
  return `<time datetime="${h(iso)}">${h(readableUtc(iso))}</time>`;
}

function readableUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Ids for element ids: keep letters, digits, "-" and "_". */
function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-');
}
