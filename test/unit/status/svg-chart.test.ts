// The chart builder, checked against coordinates worked out by hand from its
// geometry: plot from x 40 to 312 and y 14 (top) to 100 (zero), one value at
// the middle of each bucket.
import { describe, expect, it } from 'vitest';
import { chartSvg, niceCeiling } from '../../../src/status/render/svg-chart.ts';
import type { TimeSeries } from '../../../src/status/status-model.ts';

const hourly = (values: (number | null)[], start = '2025-11-20T00:00:00.000Z'): TimeSeries => ({ start, stepSeconds: 3600, values });
const chart = (series: TimeSeries, extra: { limit?: number | null; unit?: string; title?: string } = {}) =>
  chartSvg({ id: 'c1', title: extra.title ?? 'rpc-1: response time', series, unit: extra.unit ?? 'ms', limit: extra.limit });

/** Attribute lists of every element with this tag. */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag} ([^>]*?)/?>`, 'g'))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}
const texts = (svg: string): Record<string, string>[] => [...svg.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)]
  .map((m) => ({ ...Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])), text: m[2]! }));

describe('niceCeiling', () => {
  it.each([
    [0, 1], [-3, 1], [0.3, 0.5], [1, 1], [3, 5], [12, 20], [42, 50], [180, 200], [250, 250], [2001, 2500],
  ])('rounds %d up to %d', (value, expected) => {
    expect(niceCeiling(value)).toBe(expected);
  });
});

describe('SVG chart builder', () => {
  it('scales values to a round top (40 → 50) and draws a gap as two runs: a lone value as a dot, the rest as a line', () => {
    // x = 40 + (i + 0.5) × 272 / 4 → 74, 142, 210, 278; y = 100 − v / 50 × 86.
    const svg = chart(hourly([10, null, 30, 40]));
    expect(elements(svg, 'circle')).toEqual([{ class: 'chart-dot', cx: '74', cy: '82.8', r: '2' }]);
    expect(elements(svg, 'polyline')).toEqual([{ class: 'chart-line', points: '210,48.4 278,31.2' }]);
    expect(elements(svg, 'line').filter((l) => l['class'] === 'chart-grid').map((l) => l['y1'])).toEqual(['100', '57', '14']);
  });

  it('labels the y axis 0, half and top with the unit above it, and the x axis every 6th hour in UTC', () => {
    const svg = chart(hourly([10, null, 30, 40]));
    const labels = texts(svg).map((t) => [t.text, t['x'], t['y'], t['text-anchor']]);
    expect(labels).toEqual([
      ['0', '36', '103.5', 'end'],
      ['25', '36', '60.5', 'end'],
      ['50', '36', '17.5', 'end'],
      ['ms', '40', '9', 'start'],
      ['00:00', '74', '116', 'middle'],
    ]);
  });

  it('labels 24 hourly buckets at 06:00, 12:00 and 18:00, and 90 daily buckets at the last day and every 30 days before', () => {
    const day = hourly(Array(24).fill(1), '2025-11-19T11:00:00.000Z');
    // Bucket i starts at 11:00 + i h: 12:00 is i = 1, 18:00 i = 7, 00:00 i = 13, 06:00 i = 19; x = 40 + (i + 0.5) × 272 / 24.
    expect(texts(chart(day)).slice(4).map((t) => [t.text, t['x']])).toEqual([['12:00', '57'], ['18:00', '125'], ['00:00', '193'], ['06:00', '261']]);
    const days: TimeSeries = { start: '2025-08-23T00:00:00.000Z', stepSeconds: 86_400, values: Array(90).fill(2) };
    // 2025-08-23 + 29 days = 09-21, + 59 = 10-21, + 89 = 11-20 (the last, anchored at its end).
    expect(texts(chart(days)).slice(4).map((t) => [t.text, t['x'], t['text-anchor']])).toEqual([
      ['09-21', '129.2', 'middle'],
      ['10-21', '219.8', 'middle'],
      ['11-20', '310.5', 'end'],
    ]);
  });

  it('draws the limit as a dashed line and makes room for it above the data (limit 3 → top 5)', () => {
    const svg = chart(hourly([0, 1]), { limit: 3, unit: 'blocks' });
    expect(elements(svg, 'line').find((l) => l['class'] === 'chart-limit')).toEqual({ class: 'chart-limit', x1: '40', y1: '48.4', x2: '312', y2: '48.4' });
    expect(texts(svg).slice(0, 4).map((t) => t.text)).toEqual(['0', '2.5', '5', 'blocks']);
    // 0 and 1 on a 0–5 axis: y 100 and 82.8.
    expect(elements(svg, 'polyline')[0]!['points']).toBe('108,100 244,82.8');
  });

  it('says "No data" and draws no line when nothing was measured, on a 0–1 axis', () => {
    const svg = chart(hourly([null, null, null]));
    expect(elements(svg, 'polyline')).toEqual([]);
    expect(elements(svg, 'circle')).toEqual([]);
    expect(texts(svg).find((t) => t['class'] === 'chart-empty')!.text).toBe('No data');
    expect(texts(svg).slice(0, 3).map((t) => t.text)).toEqual(['0', '0.5', '1']);
  });

  it('draws a single measured value as a dot in the middle of the plot', () => {
    const svg = chart(hourly([7]));
    // One bucket: x = 40 + 0.5 × 272 = 176; top niceCeiling(7) = 10: y = 100 − 0.7 × 86 = 39.8.
    expect(elements(svg, 'circle')).toEqual([{ class: 'chart-dot', cx: '176', cy: '39.8', r: '2' }]);
    expect(elements(svg, 'polyline')).toEqual([]);
    expect(svg).not.toContain('No data');
  });

  it('is an accessible image named by its title, with its axes in words, and escapes the title', () => {
    const svg = chart(hourly([5, 6]), { title: 'rpc <1> & co' });
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 320 120" role="img" aria-labelledby="c1-t"><title id="c1-t">rpc &lt;1&gt; &amp; co<\/title><desc>/);
    expect(svg).toContain('<desc>One value per hour from 2025-11-20 00:00 to 2025-11-20 01:00 UTC; vertical axis 0 to 10 ms.</desc>');
    // Styled by classes only: the page's CSP allows no style attribute.
    expect(svg).not.toMatch(/style=|<style/);
  });
});
