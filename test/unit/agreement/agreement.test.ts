// Agreement over plain data: reference height, lag, ahead, head age, stale.
import { describe, expect, it } from 'vitest';
import { agree, headAge, type AgreementInput } from '../../../src/agreement/agreement.ts';
import type { ReasonCode } from '../../../src/report/reasons.ts';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const settings = { maxLagBlocks: 3, maxHeadAgeSeconds: 120 };

const at = (id: string, height: number | null, codes: ReasonCode[] = [], headTimeSeconds: number | null = null): AgreementInput =>
  ({ id, height, headTimeSeconds, headAgeSeconds: null, codes });

const codesOf = (result: ReturnType<typeof agree>, id: string) => result.endpoints.get(id)!.reasons.map((r) => r.code);

describe('agree: reference height and lag', () => {
  it('one endpoint far ahead of three does not raise the reference: it is ahead, the others are not lagging', () => {
    const result = agree([at('a', 100), at('b', 99), at('c', 100), at('liar', 1_000_000)], settings, NOW);
    expect(result.referenceHeight).toBe(100);
    expect(result.n).toBe(4);
    expect(codesOf(result, 'liar')).toEqual(['ahead']);
    expect(result.endpoints.get('liar')!.reasons[0]!.message).toBe(
      'height 1000000 is 999900 blocks above reference 100 (max 3): a fork, another network, or a proxy that lies',
    );
    for (const id of ['a', 'b', 'c']) expect(codesOf(result, id)).toEqual([]);
    expect(result.endpoints.get('liar')!.lagBlocks).toBe(-999_900);
    expect(result.endpoints.get('b')!.lagBlocks).toBe(1);
  });

  it('lagging only beyond maxLagBlocks', () => {
    const result = agree([at('top', 40), at('top2', 40), at('edge', 37), at('behind', 36), at('far', 10)], settings, NOW);
    expect(result.referenceHeight).toBe(40);
    expect(codesOf(result, 'edge')).toEqual([]);
    expect(codesOf(result, 'behind')).toEqual(['lagging']);
    expect(result.endpoints.get('far')!.reasons[0]!.message).toBe('height 10 is 30 blocks behind reference 40 (max 3)');
  });

  it('with two endpoints the reference is the higher one, so the lower one lags', () => {
    const result = agree([at('a', 50), at('b', 10)], settings, NOW);
    expect(result.referenceHeight).toBe(50);
    expect(codesOf(result, 'a')).toEqual([]);
    expect(codesOf(result, 'b')).toEqual(['lagging']);
  });

  it('endpoints on the wrong chain, syncing or answering nonsense neither count nor get a lag', () => {
    const result = agree([
      at('a', 100), at('b', 100), at('wrong', 5_000_000, ['wrong_chain']), at('sync', 4_000_000, ['syncing']),
      at('junk', 3_000_000, ['invalid_response']), at('down', null, ['timeout']),
    ], settings, NOW);
    expect(result.referenceHeight).toBe(100);
    expect(result.n).toBe(2);
    for (const id of ['wrong', 'sync', 'junk', 'down']) {
      expect(result.endpoints.get(id)).toMatchObject({ lagBlocks: null, reasons: [] });
    }
  });

  it('a slow or exposed endpoint still counts', () => {
    const result = agree([at('a', 100, ['slow']), at('b', 90, ['exposed_admin_api'])], settings, NOW);
    expect(result.n).toBe(2);
    expect(codesOf(result, 'b')).toEqual(['lagging']);
  });

  it('no heights: no reference, no lag', () => {
    const result = agree([at('a', null, ['timeout'])], settings, NOW);
    expect(result).toMatchObject({ referenceHeight: null, n: 0 });
    expect(result.endpoints.get('a')).toEqual({ lagBlocks: null, headAgeSeconds: null, reasons: [] });
  });
});

describe('agree: head age', () => {
  it('a head older than maxHeadAgeSeconds is stale_head', () => {
    const result = agree([at('old', 10, [], NOW / 1000 - 600), at('new', 10, [], NOW / 1000 - 5)], settings, NOW);
    expect(result.endpoints.get('old')!.reasons).toEqual([{ code: 'stale_head', message: 'newest block is 10.0 min old (max 120 s)' }]);
    expect(result.endpoints.get('old')!.headAgeSeconds).toBe(600);
    expect(codesOf(result, 'new')).toEqual([]);
    expect(result.endpoints.get('new')!.headAgeSeconds).toBe(5);
  });

  it('is never judged for families without head time (maxHeadAgeSeconds null)', () => {
    const result = agree([at('a', 10, [], NOW / 1000 - 1e6)], { maxLagBlocks: 3, maxHeadAgeSeconds: null }, NOW);
    expect(codesOf(result, 'a')).toEqual([]);
    expect(result.endpoints.get('a')!.headAgeSeconds).toBe(1e6);
  });

  it('stale and lagging are both reported', () => {
    const result = agree([at('a', 100), at('b', 100), at('c', 50, [], NOW / 1000 - 7200)], settings, NOW);
    expect(codesOf(result, 'c')).toEqual(['lagging', 'stale_head']);
  });
});

describe('headAge', () => {
  it('is clamped at 0 for a head in the future (clock skew)', () => {
    expect(headAge({ headTimeSeconds: NOW / 1000 + 30, headAgeSeconds: null }, NOW)).toBe(0);
  });

  it('prefers the age the node reports itself (Algorand) over a timestamp', () => {
    expect(headAge({ headTimeSeconds: NOW / 1000 - 100, headAgeSeconds: 2.345 }, NOW)).toBe(2.3);
  });

  it('is null without either', () => {
    expect(headAge({ headTimeSeconds: null, headAgeSeconds: null }, NOW)).toBeNull();
  });
});
