import { describe, expect, it } from 'vitest';
import { renderHtml, uptimeCaption } from '../../../src/status/render/html.ts';
import { DARK, LIGHT, type Palette } from '../../../src/status/render/page-style.ts';
import { uptimeHistory } from '../../../src/status/daily-uptime.ts';
import { alarmName } from '../../../src/alarms/alarm-names.ts';
import { modelFromAlarms } from '../../../src/status/alarm-model.ts';
import { LAYOUT, maintenanceModel, sampleModel, t } from '../../support/reports.ts';
import { regionSentence } from '../../../src/status/render/html-components.ts';

const options = { pageUrl: null, refreshSeconds: null, sourceNote: 'Checked every 2 s by the local prober.' };

/** WCAG 2 relative luminance contrast ratio. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('status page colours', () => {
  for (const [scheme, p] of [['light', LIGHT], ['dark', DARK]] as [string, Palette][]) {
    it(`meets WCAG AA text contrast (4.5:1) for every status and text colour in the ${scheme} scheme`, () => {
      for (const colour of [p.text, p.muted, p.link, ...Object.values(p.status)]) {
        expect(contrast(colour, p.background), `${colour} on ${p.background}`).toBeGreaterThanOrEqual(4.5);
        expect(contrast(colour, p.surface), `${colour} on ${p.surface}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    it(`meets WCAG AA non-text contrast (3:1) for the uptime bars, the maintenance bar and the chart line in the ${scheme} scheme`, () => {
      for (const colour of [p.bar.good, p.bar.minor, p.bar.bad, p.bar.maintenance, p.chart]) {
        expect(contrast(colour, p.background), colour).toBeGreaterThanOrEqual(3);
        expect(contrast(colour, p.surface), colour).toBeGreaterThanOrEqual(3);
      }
    });
  }
});

describe('status page HTML', () => {
  it('is one self-contained document: no scripts when live refresh is off, no external URLs at all', async () => {
    const html = renderHtml(await sampleModel(), options);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('has the landmarks and heading structure assistive technology navigates by', async () => {
    const html = renderHtml(await sampleModel(), options);
    expect(html.match(/<header class="site">/g)).toHaveLength(1);
    expect(html.match(/<main id="main"/g)).toHaveLength(1);
    expect(html.match(/<footer class="site">/g)).toHaveLength(1);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain('<a class="skip" href="#main">Skip to content</a>');
    for (const id of ['open-incidents', 'networks', 'past-incidents']) expect(html).toContain(`<section aria-labelledby="${id}">`);
  });

  it('says every status in words next to its icon, not by colour alone', async () => {
    const html = renderHtml(await sampleModel(), options);
    expect(html).toContain('<span>Partial System Outage</span>');
    expect(html).toContain('<span class="badge s-degraded_performance"><span class="icon" aria-hidden="true">!</span> Degraded performance</span>');
    expect(html).toContain('<span class="badge s-major_outage"><span class="icon" aria-hidden="true">✕</span> Major outage</span>');
    expect(html).toContain('37 blocks behind the network (max 3)');
    expect(html).toContain('api-1: 60.00% uptime over 1 day of data; 1 day below 99.9%, lowest 2025-11-20 (60.00%).');
  });

  it('shows open incidents with their updates, past ones folded, the page note and the last-updated time', async () => {
    const html = renderHtml(await sampleModel(), options);
    const open = html.slice(html.indexOf('id="open-incidents"'), html.indexOf('id="networks"'));
    expect(open).toContain('rpc-3 on eth-main: degraded performance');
    expect(open).toContain('rpc-3 (eth-main): 37 blocks behind the network (max 3), seen from eu-west-1.');
    const past = html.slice(html.indexOf('id="past-incidents"'));
    expect(past).toMatch(/<details class="incident i-critical" id="incident-[0-9a-f]{12}">\n<summary><strong>api-1 on algo-main: major outage<\/strong>/);
    expect(html).toContain('<p class="notice" role="note">Probes in ap-southeast-1 stopped reporting: statuses may be out of date.</p>');
    expect(html).toContain('Last updated <time datetime="2025-11-20T10:04:00.000Z">2025-11-20 10:04:00 UTC</time>. Checked every 2 s by the local prober.');
  });

  it('shows a network-wide finding (a stalled chain) under the network heading', () => {
    const model = modelFromAlarms({
      namespace: 'Vantage', layout: LAYOUT, transitions: [], uptime: [], now: t(5), historyStart: t(-100),
      alarms: [{ name: alarmName('Vantage', { kind: 'stale-head', network: 'algo-main' }), state: 'ALARM', updatedAt: t(1), value: 95, regions: [] }],
    });
    const html = renderHtml(model, options);
    expect(html).toContain('<p class="detail net-detail">newest block is 95 s old: the chain may have stalled</p>');
    expect(html).toContain('<h3 id="net-algo-main">algo-main <span class="chain">algorand</span></h3><span class="badge s-degraded_performance">');
  });

  it('escapes the title and ids from the config', async () => {
    const html = renderHtml(await sampleModel('<img src=x onerror=alert(1)>'), options);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('adds the live-refresh script only when asked, hidden controls it reveals itself', async () => {
    const html = renderHtml(await sampleModel(), { ...options, refreshSeconds: 5 });
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toContain('setInterval(tick,5000)');
    expect(html).toContain('<div id="live" class="live meta" hidden></div>');
  });
});

describe('uptime caption', () => {
  it('reads "no data yet" before the first day of data, and lists the worst days otherwise', () => {
    const now = '2025-11-20T12:00:00.000Z';
    expect(uptimeCaption(uptimeHistory(new Map(), now), 'rpc-1', 90)).toBe('rpc-1: no uptime data yet.');
    const ratios = new Map([['2025-11-18', 1], ['2025-11-19', 0.95], ['2025-11-20', 0.9995]]);
    expect(uptimeCaption(uptimeHistory(ratios, now), 'rpc-1', 90)).toBe('rpc-1: 98.31% uptime over 3 days of data; 1 day below 99.9%, lowest 2025-11-19 (95.00%).');
  });
});

describe('status page HTML: maintenance, charts, regions, history', () => {
  it('lists maintenance in progress and scheduled with its times, and shows covered components under maintenance in words', async () => {
    const html = renderHtml(await maintenanceModel(), options);
    const section = html.slice(html.indexOf('<h2 id="maintenance">'), html.indexOf('<section aria-labelledby="networks">'));
    expect(section.match(/<article class="maintenance" id="maintenance-(\w+)"/g)).toEqual(['<article class="maintenance" id="maintenance-now"', '<article class="maintenance" id="maintenance-next"']);
    expect(section).toContain('<strong>In progress</strong>: <time datetime="2025-11-20T10:00:00.000Z">2025-11-20 10:00:00 UTC</time> to <time datetime="2025-11-20T10:30:00.000Z">2025-11-20 10:30:00 UTC</time> (30 min).');
    expect(section).toContain('<strong>Scheduled</strong>:');
    expect(html).toContain('<span>Service Under Maintenance</span>');
    expect(html).toContain('<span class="badge s-under_maintenance"><span class="icon" aria-hidden="true">⚙\uFE0E</span> Under maintenance</span>');
    expect(html).toContain('Maintenance: Algod upgrade (until 2025-11-20 10:30 UTC)');
  });

  it('marks maintenance days in the bars by a shape as well as a colour, and says in the caption that they are left out', async () => {
    const html = renderHtml(await maintenanceModel(), options);
    const rpc1 = html.slice(html.indexOf('id="c-eth-main-rpc-1"'), html.indexOf('id="c-eth-main-rpc-2"'));
    expect(rpc1).toContain('<rect class="d-mark" x="356" y="22" width="3" height="3"/>');
    expect(rpc1).toContain('<title>2025-11-20: 100% uptime; maintenance 60 min (left out)</title>');
    expect(rpc1).toContain('rpc-1: 100% uptime over 1 day of data; no day below 99.9%. Maintenance on 1 day, left out of uptime.');
  });

  it('gives every endpoint four charts, each an image with a title and a summary in words beside it, the 90-day pair folded', async () => {
    const model = await sampleModel();
    const html = renderHtml(model, options);
    const endpoints = model.networks.flatMap((n) => n.endpoints).length;
    const figures = [...html.matchAll(/<figure class="chart-figure"><svg class="chart" [^>]*role="img" aria-labelledby="([^"]+)"><title id="\1">([^<]+)<\/title>[\s\S]*?<\/svg><figcaption>([^<]+)<\/figcaption><\/figure>/g)];
    expect(figures).toHaveLength(4 * endpoints);
    expect(figures.slice(0, 4).map((f) => f[2])).toEqual([
      'rpc-1: response time (median time to first byte), last 24 hours',
      'rpc-1: blocks behind the network (largest), last 24 hours',
      'rpc-1: response time (median time to first byte), last 90 days',
      'rpc-1: blocks behind the network (largest), last 90 days',
    ]);
    // rpc-1 answered in 5 ms in the rounds before it timed out (all in the 10:00 hour); the local
    // history keeps times in 5% bins, and 5 ms falls in the bin whose middle is 0.1 × 1.05^80.5 = 5.08 ms.
    expect(figures[0]![3]).toBe('Median response 5.1 ms over 24 h (1 of 24 hours measured); slowest hour 5.1 ms at 10:00 UTC.');
    expect(figures[1]![3]).toBe('No lag over 24 h (1 of 24 hours measured; limit 3 blocks).');
    expect(html.match(/<details class="charts" id="charts-[^"]+"><summary>Last 90 days: response time and block lag<\/summary>/g)).toHaveLength(endpoints);
    expect(new Set(figures.map((f) => f[1])).size).toBe(figures.length);
    expect(html).not.toMatch(/ style="/);
  });

  it('says which probe regions see each endpoint down or degraded, and nothing of regions for the one local prober', () => {
    const model = modelFromAlarms({
      namespace: 'Vantage', layout: LAYOUT, transitions: [], uptime: [], now: t(5), historyStart: t(-100),
      alarms: [{ name: alarmName('Vantage', { kind: 'regional', network: 'eth-main', endpoint: 'rpc-1' }), state: 'ALARM', updatedAt: t(1), value: 1, regions: ['eu-west-1'] }],
    });
    const html = renderHtml(model, options);
    expect(html).toContain('<p class="regions">Down from eu-west-1; up from us-east-1.</p>');
    expect(html).toContain('<p class="regions">Up from all 2 probe regions.</p>');
    expect(regionSentence({ down: ['us-east-1', 'eu-west-1'], degraded: ['sa-east-1'], up: ['ap-southeast-1'], unknown: ['eu-north-1'] }))
      .toBe('Down from us-east-1 and eu-west-1; degraded from sa-east-1; up from ap-southeast-1; no current data from eu-north-1.');
    expect(regionSentence({ down: [], degraded: [], up: ['local'], unknown: [] })).toBe('Up from local.');
  });

  it('groups past incidents and completed maintenance by the UTC day they began, newest first, with how long each lasted', async () => {
    const sample = renderHtml(await sampleModel(), options);
    const past = sample.slice(sample.indexOf('id="past-incidents"'));
    expect(past).toContain('<h3 class="history-day" id="day-2025-11-20"><time datetime="2025-11-20">2025-11-20</time></h3>');
    expect(past).toContain('<summary><strong>api-1 on algo-main: major outage</strong> <span class="meta">resolved <time datetime="2025-11-20T10:03:00.000Z">2025-11-20 10:03:00 UTC</time>, lasted 2 min</span></summary>');
    const html = renderHtml(await maintenanceModel(), options);
    const history = html.slice(html.indexOf('id="past-incidents"'));
    expect(history).toContain('<summary><strong>Maintenance: Disk swap</strong> <span class="meta">completed <time datetime="2025-11-20T09:00:00.000Z">2025-11-20 09:00:00 UTC</time>, lasted 60 min</span></summary>');
  });
});

