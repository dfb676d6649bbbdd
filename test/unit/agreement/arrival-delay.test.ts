// Block arrival latency from plain sightings: the rules of DESIGN.md ("Block
// arrival latency") worked out by hand for each case.
import { describe, expect, it } from 'vitest';
import { judgeArrival, type Sighting, type WatchRecord } from '../../../src/agreement/arrival-delay.ts';

const SETTINGS = { maxDelayMs: 1000, windowSeconds: 10, plausibleNewHeights: 50 };
/** Window closes at 10 000 ms: heights first seen before 9 000 ms are judged. */
const WINDOW = { baseline: 100, closedAtMs: 10_000 };

const record = (id: string, sightings: Array<[height: number, atMs: number]>, extra: Partial<WatchRecord> = {}): WatchRecord => ({
  id, sightings: sightings.map(([height, atMs]): Sighting => ({ height, atMs })), resolutionMs: 250, failure: null, ...extra,
});

describe('judgeArrival', () => {
  it('times each endpoint against the first sight of each new height by any endpoint', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000], [103, 3000]]),
      record('b', [[101, 1050], [102, 2050], [103, 3050]]),
      record('late', [[100, 1000], [101, 3500], [102, 4500], [103, 5500]]),
    ], WINDOW, SETTINGS);
    expect(result.get('a')).toEqual({ arrival: { blocks: 3, p50Ms: 0, maxMs: 0, missed: 0, resolutionMs: 250 }, reasons: [] });
    expect(result.get('b')!.arrival).toEqual({ blocks: 3, p50Ms: 50, maxMs: 50, missed: 0, resolutionMs: 250 });
    expect(result.get('late')).toEqual({
      arrival: { blocks: 3, p50Ms: 2500, maxMs: 2500, missed: 0, resolutionMs: 250 },
      reasons: [{ code: 'late_blocks', message: 'blocks arrive 2.5 s after the fastest endpoint (p50 of 3 blocks; max 1000 ms)' }],
    });
  });

  it('t0 of a height is whoever showed it first, so the fastest endpoint can change from block to block', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2400]]),
      record('b', [[101, 1300], [102, 2000]]),
    ], WINDOW, SETTINGS);
    // a: 101 at t0, 102 400 ms after b; b: 101 300 ms after a, 102 at t0.
    expect(result.get('a')!.arrival).toMatchObject({ blocks: 2, p50Ms: 0, maxMs: 400 });
    expect(result.get('b')!.arrival).toMatchObject({ blocks: 2, p50Ms: 0, maxMs: 300 });
  });

  it('an answer carrying a height sees every height up to it: a jump shows the skipped ones at once', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000], [103, 3000]]),
      record('jumper', [[103, 3000]]),
    ], WINDOW, SETTINGS);
    // 101 2000 ms late, 102 1000 ms late, 103 on time: nearest-rank median of [0, 1000, 2000] is 1000, not over 1000.
    expect(result.get('jumper')).toEqual({ arrival: { blocks: 3, p50Ms: 1000, maxMs: 2000, missed: 0, resolutionMs: 250 }, reasons: [] });
  });

  it('heights at or below the head when the window opened do not count', () => {
    const result = judgeArrival([
      record('a', [[99, 500], [100, 1000]]),
      record('b', [[100, 4000]]),
    ], WINDOW, SETTINGS);
    expect(result.get('a')!.arrival).toEqual({ blocks: 0, p50Ms: null, maxMs: null, missed: 0, resolutionMs: 250 });
    expect(result.get('b')!.reasons).toEqual([]);
  });

  it('a height first seen in the last maxDelayMs of the window is judged for nobody, not missed by the slower ones', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 9200]]),
      record('b', [[101, 1100]]),
    ], WINDOW, SETTINGS);
    expect(result.get('a')!.arrival).toMatchObject({ blocks: 1, missed: 0 });
    expect(result.get('b')!.arrival).toMatchObject({ blocks: 1, p50Ms: 100, missed: 0 });
  });

  it('a judged height never shown is missed, counted as the time from its first sight to the close', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000], [103, 3000]]),
      record('stuck', [[101, 1200]]),
    ], WINDOW, SETTINGS);
    // Samples: 101 200 ms, 102 missed (≥ 8000 ms), 103 missed (≥ 7000 ms): the median is a missed one.
    expect(result.get('stuck')).toEqual({
      arrival: { blocks: 3, p50Ms: 7000, maxMs: 8000, missed: 2, resolutionMs: 250 },
      reasons: [{
        code: 'late_blocks',
        message: 'blocks arrive more than 7.0 s after the fastest endpoint: 2 of 3 blocks not shown before the 10 s window closed (max 1000 ms)',
      }],
    });
  });

  it('says why a watch that saw nothing failed', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000]]),
      record('dead', [], { failure: 'could not connect (connect_refused: connection refused by 127.0.0.1:9)' }),
    ], WINDOW, SETTINGS);
    expect(result.get('dead')!.arrival).toMatchObject({ blocks: 2, missed: 2 });
    expect(result.get('dead')!.reasons[0]!.message).toMatch(/2 of 2 blocks not shown .*; the watch could not connect \(connect_refused: connection refused by 127\.0\.0\.1:9\)$/);
  });

  it('a few missed blocks under a fast median keep the endpoint on time, and are counted', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000], [103, 3000], [104, 8500]]),
      record('b', [[101, 1010], [102, 2010], [103, 3010]]),
    ], WINDOW, SETTINGS);
    expect(result.get('b')).toEqual({ arrival: { blocks: 4, p50Ms: 10, maxMs: 1500, missed: 1, resolutionMs: 250 }, reasons: [] });
  });

  it('a late median with a missed block says both', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000], [103, 3000]]),
      record('slow', [[101, 3000], [102, 4000]]),
    ], WINDOW, SETTINGS);
    expect(result.get('slow')!.reasons[0]!.message)
      .toBe('blocks arrive 2.0 s after the fastest endpoint (p50 of 3 blocks, 1 not shown before the 10 s window closed; max 1000 ms)');
  });

  it('the median is the nearest rank: with an even count, half the blocks late is not late', () => {
    const half = judgeArrival([
      record('a', [[101, 1000], [102, 2000]]),
      record('b', [[101, 1000], [102, 7000]]),
    ], WINDOW, SETTINGS);
    expect(half.get('b')).toEqual({ arrival: { blocks: 2, p50Ms: 0, maxMs: 5000, missed: 0, resolutionMs: 250 }, reasons: [] });
    const both = judgeArrival([
      record('a', [[101, 1000], [102, 2000]]),
      record('b', [[101, 2500], [102, 7000]]),
    ], WINDOW, SETTINGS);
    expect(both.get('b')!.arrival.p50Ms).toBe(1500);
    expect(both.get('b')!.reasons.map((r) => r.code)).toEqual(['late_blocks']);
  });

  it('a median of exactly maxDelayMs is not over it', () => {
    const result = judgeArrival([
      record('a', [[101, 1000]]),
      record('b', [[101, 2000]]),
    ], WINDOW, SETTINGS);
    expect(result.get('b')).toMatchObject({ arrival: { p50Ms: 1000 }, reasons: [] });
  });

  it('an answer that goes back (a load balancer between nodes) neither re-counts nor un-sees a height', () => {
    const result = judgeArrival([
      record('a', [[101, 1000], [102, 2000], [103, 3000]]),
      record('flappy', [[102, 2000], [101, 2300], [103, 3100], [102, 3200]]),
    ], WINDOW, SETTINGS);
    expect(result.get('flappy')!.arrival).toEqual({ blocks: 3, p50Ms: 100, maxMs: 1000, missed: 0, resolutionMs: 250 });
  });

  it('a height implausibly far above the opening head (a lying endpoint) sets no t0 and makes nobody late', () => {
    const result = judgeArrival([
      record('liar', [[100 + 51, 500], [999_999, 600]]),
      record('a', [[101, 1000], [102, 2000]]),
    ], WINDOW, SETTINGS);
    expect(result.get('a')).toEqual({ arrival: { blocks: 2, p50Ms: 0, maxMs: 0, missed: 0, resolutionMs: 250 }, reasons: [] });
    expect(result.get('liar')!.arrival).toMatchObject({ blocks: 2, missed: 2 });
  });

  it('without a baseline (no endpoint answered before the window) nothing is judged', () => {
    const result = judgeArrival([record('a', [[101, 1000]]), record('b', [])], { baseline: null, closedAtMs: 10_000 }, SETTINGS);
    expect([...result.values()].map((r) => r.arrival)).toEqual([
      { blocks: 0, p50Ms: null, maxMs: null, missed: 0, resolutionMs: 250 },
      { blocks: 0, p50Ms: null, maxMs: null, missed: 0, resolutionMs: 250 },
    ]);
  });

  it('a window cut short by the run deadline judges what was seen until the cut', () => {
    const sightings: Array<[number, number]> = [[101, 1000], [102, 2000], [103, 3000], [104, 4000]];
    const result = judgeArrival([record('a', sightings), record('b', sightings.map(([h, t]) => [h, t + 300]))], { baseline: 100, closedAtMs: 3500 }, SETTINGS);
    // Closed at 3500: only 101 and 102 (t0 before 2500) are judged.
    expect(result.get('b')!.arrival).toEqual({ blocks: 2, p50Ms: 300, maxMs: 300, missed: 0, resolutionMs: 250 });
  });

  it('keeps each endpoint\'s own resolution', () => {
    const result = judgeArrival([record('push', [[101, 1000]], { resolutionMs: 0 }), record('poll', [[101, 1100]])], WINDOW, SETTINGS);
    expect(result.get('push')!.arrival.resolutionMs).toBe(0);
    expect(result.get('poll')!.arrival.resolutionMs).toBe(250);
  });
});
