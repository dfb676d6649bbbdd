// The networks part of the page: each network with its endpoints, their
// status in words, what each probe region sees, the 90-day uptime bars and
// the charts.
import { formatPercent } from '../daily-uptime.ts';
import type { EndpointComponent, NetworkComponent, RegionView, UptimeHistory } from '../status-model.ts';
import { listWords, spanWords } from '../time-words.ts';
import { escapeMarkup as h } from './escape.ts';
import { endpointCharts } from './html-charts.ts';
import { slug, statusLabel, time } from './html-parts.ts';

/** Uptime at or above this is a good day. */
const GOOD_DAY = 0.999;
/** At or above this a day had some downtime; below it, much. */
const MINOR_DAY = 0.99;

export function networkSection(n: NetworkComponent, days: number): string {
  const heading = `net-${slug(n.id)}`;
  return `<section class="network" aria-labelledby="${heading}">
<div class="head"><h3 id="${heading}">${h(n.name)} <span class="chain">${h(n.chain)}</span></h3>${statusLabel(n.status)}</div>
${n.detail ? `<p class="detail net-detail">${h(n.detail)}</p>` : ''}
<div class="net-uptime">${uptimeFigure(n.uptime, `${n.name}, all endpoints`, days)}</div>
<ul class="endpoints">
${n.endpoints.map((e) => endpointItem(e, n.maxLagBlocks, days)).join('\n')}
</ul>
</section>`;
}

function endpointItem(e: EndpointComponent, maxLagBlocks: number, days: number): string {
  return `<li id="c-${slug(e.id)}">
<div class="row"><h4 class="name">${h(e.name)}</h4>${statusLabel(e.status)}</div>
${e.detail ? `<p class="detail">${h(e.detail)} <span class="meta">(since ${time(e.since)})</span></p>` : ''}
${e.regions ? `<p class="regions">${h(regionSentence(e.regions))}</p>` : ''}
${uptimeFigure(e.uptime, e.name, days)}
${endpointCharts(e, maxLagBlocks)}
</li>`;
}

/** "Down from us-east-1 and eu-west-1; up from ap-southeast-1." */
export function regionSentence(view: RegionView): string {
  const total = view.down.length + view.degraded.length + view.up.length + view.unknown.length;
  if (view.down.length + view.degraded.length + view.unknown.length === 0) {
    return total === 1 ? `Up from ${view.up[0]}.` : `Up from all ${total} probe regions.`;
  }
  const parts = [
    view.down.length ? `down from ${listWords(view.down)}` : null,
    view.degraded.length ? `degraded from ${listWords(view.degraded)}` : null,
    view.up.length ? `up from ${listWords(view.up)}` : null,
    view.unknown.length ? `no current data from ${listWords(view.unknown)}` : null,
  ].filter((p): p is string => p !== null);
  const text = parts.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function uptimeFigure(uptime: UptimeHistory, name: string, days: number): string {
  const bars = uptime.days.map((d, i) => {
    const kind = d.ratio === null ? (d.maintenanceMs > 0 ? 'maint' : 'none') : d.ratio >= GOOD_DAY ? 'good' : d.ratio >= MINOR_DAY ? 'minor' : 'bad';
    // No data is drawn short, so it differs from a good day by shape as well as colour.
    const [y, height] = kind === 'none' ? [14, 6] : [0, 20];
    const measured = d.ratio === null ? (d.maintenanceMs > 0 ? 'no data outside maintenance' : 'no data') : `${formatPercent(d.ratio)} uptime`;
    const maintenance = d.maintenanceMs > 0 ? `; maintenance ${spanWords(d.maintenanceMs)} (left out)` : '';
    const bar = `<rect class="d-${kind}" x="${i * 4}" y="${y}" width="3" height="${height}"><title>${d.date}: ${measured}${maintenance}</title></rect>`;
    // Maintenance days also carry a mark beneath the bar: a shape, not only a colour.
    return d.maintenanceMs > 0 ? `${bar}<rect class="d-mark" x="${i * 4}" y="22" width="3" height="3"/>` : bar;
  });
  return `<figure class="uptime">
<svg viewBox="0 0 ${days * 4 - 1} 25" preserveAspectRatio="none" aria-hidden="true" focusable="false">${bars.join('')}</svg>
<figcaption>${h(uptimeCaption(uptime, name, days))}</figcaption>
</figure>`;
}

/** The bars in words: overall uptime, the worst days, and maintenance left out. */
export function uptimeCaption(uptime: UptimeHistory, name: string, days: number): string {
  const measured = uptime.days.filter((d) => d.ratio !== null);
  const maintenanceDays = uptime.days.filter((d) => d.maintenanceMs > 0).length;
  const maintenance = maintenanceDays ? ` Maintenance on ${maintenanceDays} day${maintenanceDays === 1 ? '' : 's'}, left out of uptime.` : '';
  if (uptime.ratio === null) return `${name}: no uptime data yet.${maintenance}`;
  const span = measured.length < days ? `${measured.length} day${measured.length === 1 ? '' : 's'} of data` : `${days} days`;
  const lowDays = measured.filter((d) => d.ratio! < GOOD_DAY).sort((a, b) => a.ratio! - b.ratio!);
  const low = lowDays.length === 0
    ? 'no day below 99.9%'
    : `${lowDays.length} day${lowDays.length === 1 ? '' : 's'} below 99.9%, lowest ${lowDays.slice(0, 3).map((d) => `${d.date} (${formatPercent(d.ratio!)})`).join(', ')}`;
  return `${name}: ${formatPercent(uptime.ratio)} uptime over ${span}; ${low}.${maintenance}`;
}
