// The status page in a real browser (Debian's Chromium through playwright-core;
// no browser is ever downloaded), served by `vantage run --serve` probing real
// hardhat nodes, one of which falls behind.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';
import { startHardhat, type HardhatNode } from '../support/hardhat.ts';
import { eventually, startVantage, type VantageProcess } from '../support/vantage-process.ts';

const OUTPUT = join(import.meta.dirname, '..', '..', 'test-output', 'e2e');
/** Debian's package; npm test installs it when missing (scripts/ensure-test-tools.js). */
const CHROMIUM = '/usr/bin/chromium';
// playwright creates a fresh temporary --user-data-dir for every launch (and refuses one in args).
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run',
];

let nodes: HardhatNode[] = [];
let vantage: VantageProcess;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function open(options: { javaScriptEnabled: boolean; width?: number }): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled, viewport: { width: options.width ?? 1100, height: 1300 }, colorScheme: 'light' });
  contexts.push(context);
  const page = await context.newPage();
  const response = await page.goto(`${vantage.url}/`);
  expect(response?.status()).toBe(200);
  return page;
}

/** The list item of one endpoint on the page. */
const endpointRow = (page: Page, id: string) => page.locator('li').filter({ has: page.getByRole('heading', { level: 4, name: id, exact: true }) });

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  nodes = await Promise.all([startHardhat(), startHardhat(), startHardhat()]);
  // node-b stays 10 blocks behind node-a and node-c: lagging (max 3).
  await Promise.all([nodes[0]!.mine(15), nodes[1]!.mine(5), nodes[2]!.mine(15)]);
  const dir = mkdtempSync(join(tmpdir(), 'vantage-e2e-'));
  const config = join(dir, 'vantage.yaml');
  writeFileSync(config, `version: 1
status: { title: Example Node API status }
networks:
  - id: local-evm
    chain: evm
    blockTimeSeconds: 1
    maxLagBlocks: 3
    maxHeadAgeSeconds: 3600
    endpoints:
      - { id: node-a, url: "${nodes[0]!.url}" }
      - { id: node-b, url: "${nodes[1]!.url}" }
      - { id: node-c, url: "${nodes[2]!.url}" }
      - { id: node-d, url: "http://127.0.0.1:${await freePort()}", timeoutMs: 2000 }
`);
  vantage = await startVantage(['run', '--config', config, '--serve', '--port', '0', '--interval', '1']);
  await eventually(
    async () => (await fetch(`${vantage.url}/api/v2/summary.json`)).json() as Promise<{ components: { id: string; status: string }[] }>,
    (s) => s.components.some((c) => c.id === 'local-evm/node-b' && c.status === 'degraded_performance'),
    'node-b degraded in summary.json',
  );
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await vantage?.stop('SIGTERM');
  await Promise.all(nodes.map((n) => n.stop()));
});

describe('status page in Chromium', () => {
  it('shows the lagging endpoint as degraded with its reason, and saves a screenshot', async () => {
    const page = await open({ javaScriptEnabled: true });
    await expect.poll(() => page.title()).toBe('Example Node API status: Partial System Outage');
    const lagging = endpointRow(page, 'node-b');
    await expect.poll(() => lagging.locator('.badge').innerText()).toBe('! Degraded performance');
    expect(await lagging.locator('.detail').innerText()).toMatch(/^10 blocks behind the network \(max 3\) \(since \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\)$/);
    expect(await endpointRow(page, 'node-d').locator('.badge').innerText()).toBe('✕ Major outage');
    expect(await endpointRow(page, 'node-a').locator('.badge').innerText()).toBe('✓ Operational');
    const open_ = page.locator('section[aria-labelledby="open-incidents"]');
    expect(await open_.getByRole('heading', { level: 3 }).allInnerTexts()).toEqual(
      expect.arrayContaining(['node-b on local-evm: degraded performance', 'node-d on local-evm: major outage']),
    );
    await page.screenshot({ path: join(OUTPUT, 'status-page.png'), fullPage: true });
  });

  it('updates itself while open when scripts run (the inline script passes the page CSP), and can be paused', async () => {
    const page = await open({ javaScriptEnabled: true });
    const pause = page.getByRole('button', { name: 'Pause live updates' });
    await pause.waitFor();
    await Promise.all([nodes[0]!.mine(10), nodes[2]!.mine(10)]);
    const detail = endpointRow(page, 'node-b').locator('.detail');
    await expect.poll(() => detail.innerText(), { timeout: 30_000 }).toMatch(/^20 blocks behind the network/);
    await pause.click();
    expect(await page.getByRole('button', { name: 'Resume live updates' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('works with JavaScript disabled: same content, no live controls', async () => {
    const page = await open({ javaScriptEnabled: false });
    expect((await page.locator('#overall').innerText()).replace(/\s+/g, ' ')).toBe('◐ Partial System Outage');
    expect(await endpointRow(page, 'node-b').locator('.badge').innerText()).toBe('! Degraded performance');
    expect(await endpointRow(page, 'node-b').locator('.detail').innerText()).toMatch(/blocks behind the network \(max 3\)/);
    expect(await page.locator('#live').isVisible()).toBe(false);
    expect(await page.getByRole('button').count()).toBe(0);
    expect(await page.locator('#updated').innerText()).toMatch(/^Last updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\. Checked every 1 s by the local prober\.$/);
    // Past incidents fold into <details>, which need no script.
    expect(await page.locator('figure.uptime figcaption').first().innerText()).toMatch(/uptime over 1 day of data/);
    await page.screenshot({ path: join(OUTPUT, 'status-page-no-js.png'), fullPage: true });
  });

  it('exposes landmarks and headings, and fits a phone screen without sideways scrolling', async () => {
    const page = await open({ javaScriptEnabled: false, width: 360 });
    for (const role of ['banner', 'main', 'contentinfo'] as const) expect(await page.getByRole(role).count(), role).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Example Node API status');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Open incidents', 'Maintenance', 'Networks', 'Past incidents']);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(OUTPUT, 'status-page-phone.png'), fullPage: true });
  });

  it('draws every endpoint\'s response-time and lag charts with JavaScript off, each an image with its summary beside it', async () => {
    const page = await open({ javaScriptEnabled: false });
    const row = endpointRow(page, 'node-b');
    // Two charts for the last 24 hours in view (images to assistive technology, named by their titles); the 90-day pair is folded until opened.
    expect(await row.getByRole('img').count()).toBe(2);
    expect(await row.getByRole('img', { name: 'node-b: blocks behind the network (largest), last 24 hours' }).count()).toBe(1);
    const charts = row.locator('svg.chart');
    expect(await charts.count()).toBe(4);
    const names = await charts.evaluateAll((svgs) => svgs.map((s) => s.querySelector('title')?.textContent));
    expect(names).toEqual([
      'node-b: response time (median time to first byte), last 24 hours',
      'node-b: blocks behind the network (largest), last 24 hours',
      'node-b: response time (median time to first byte), last 90 days',
      'node-b: blocks behind the network (largest), last 90 days',
    ]);
    const captions = await row.locator('figure.chart-figure figcaption').allInnerTexts();
    // The nodes started minutes ago: one hour measured (two if the run crossed an hour).
    expect(captions[0]).toMatch(/^Median response \d+(\.\d)? ms over 24 h \([12] of 24 hours measured\); slowest hour \d+(\.\d)? ms at \d{2}:00 UTC\.$/);
    expect(captions[1]).toMatch(/^Up to (10|20) blocks behind over 24 h \([12] of 24 hours measured\), most at \d{2}:00 UTC; over the limit of 3 blocks in [12] hours?\.$/);
    // The line is drawn: a dot for the one hour measured so far (a line if the run crossed an hour), with a size on screen.
    const mark = row.locator('svg.chart').first().locator('circle.chart-dot, polyline.chart-line');
    expect(await mark.count()).toBe(1);
    const box = (await mark.boundingBox())!;
    expect(box.width).toBeGreaterThan(0);
    // <details> opens without script: the 90-day charts render too.
    await row.getByText('Last 90 days: response time and block lag').click();
    expect(await row.getByRole('img').count()).toBe(4);
    expect(await row.locator('figure.chart-figure figcaption:visible').count()).toBe(4);
    await row.screenshot({ path: join(OUTPUT, 'status-page-charts.png') });
  });

  it('keeps the charts inside a 375 px phone screen: no sideways scrolling, every chart as wide as its column at most', async () => {
    const page = await open({ javaScriptEnabled: false, width: 375 });
    for (const summary of await page.locator('details.charts > summary').all()) await summary.click();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const widths = await page.locator('svg.chart').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().right));
    expect(widths.length).toBe(16);
    for (const right of widths) expect(right).toBeLessThanOrEqual(375);
    // Axis text stays legible: at least 8 CSS px tall at this width.
    const labelHeight = await page.locator('svg.chart text.chart-label').first().evaluate((t) => t.getBoundingClientRect().height);
    expect(labelHeight).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(OUTPUT, 'status-page-phone-charts.png'), fullPage: true });
  });
});

