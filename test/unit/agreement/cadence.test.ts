// Block cadence judged over plain data: seconds per block from the span read,
// slow_blocks past cadenceFactor × blockTimeSeconds, and whose it is.
import { describe, expect, it } from 'vitest';
import type { CadenceReading } from '../../../src/chains/adapter.ts';
import { blockInterval, judgeCadence, type CadenceInput, type CadenceSettings } from '../../../src/agreement/cadence.ts';
import { cadenceBase, cadenceReading } from '../../../src/chains/finality-cadence.ts';
import type { ReasonCode } from '../../../src/report/reasons.ts';

const EVM: CadenceSettings = { family: 'evm', blockTimeSeconds: 12, cadenceFactor: 2 };
const at = (id: string, cadence: CadenceReading | null, codes: ReasonCode[] = []): CadenceInput => ({ id, cadence, codes });
const span = (seconds: number, blocks = 32): CadenceReading => ({ blocks, seconds });

describe('the block the interval is measured back to', () => {
  it('is 32 below the head', () => {
    expect(cadenceBase(1000)).toEqual({ height: 968, blocks: 32 });
  });

  it('is block 1 near genesis, with fewer blocks (a genesis timestamp is written by hand), and none below block 2', () => {
    expect(cadenceBase(33)).toEqual({ height: 1, blocks: 32 });
    expect(cadenceBase(10)).toEqual({ height: 1, blocks: 9 });
    expect(cadenceBase(2)).toEqual({ height: 1, blocks: 1 });
    expect(cadenceBase(1)).toBeNull();
    expect(cadenceBase(0)).toBeNull();
  });

  it('is no lower than the oldest block a pruned node keeps', () => {
    expect(cadenceBase(1000, 990)).toEqual({ height: 990, blocks: 10 });
    expect(cadenceBase(1000, 1000)).toBeNull();
  });

  it('gives no reading when a timestamp is missing or time ran backwards; 0 s is a reading (blocks sharing a second)', () => {
    expect(cadenceReading(null, 100, 32)).toBeNull();
    expect(cadenceReading(100, null, 32)).toBeNull();
    expect(cadenceReading(100, 101, 32)).toBeNull();
    expect(cadenceReading(100, 100, 32)).toEqual({ blocks: 32, seconds: 0 });
  });
});

describe('judgeCadence', () => {
  it('averages the span: 384 s over 32 blocks is 12 s per block, on time', () => {
    expect(judgeCadence([at('a', span(384))], EVM).get('a')).toEqual({ blockIntervalSeconds: 12, reasons: [] });
  });

  it('keeps sub-second intervals to the millisecond (Solana slots)', () => {
    expect(blockInterval(span(13, 32))).toBe(0.406);
  });

  it('is not slow at exactly cadenceFactor × blockTimeSeconds, slow past it', () => {
    const result = judgeCadence([at('edge', span(24 * 32)), at('slow', span(24 * 32 + 1)), at('ok', span(384))], EVM);
    expect(result.get('edge')!.reasons).toEqual([]);
    expect(result.get('slow')!.reasons.map((r) => r.code)).toEqual(['slow_blocks']);
  });

  it('says the chain is slow when every endpoint sees it', () => {
    const result = judgeCadence([at('a', span(960)), at('b', span(961))], EVM);
    expect(result.get('a')).toEqual({
      blockIntervalSeconds: 30,
      reasons: [{
        code: 'slow_blocks',
        message: 'blocks every 30.0 s over the last 32 blocks, expected ~12 s (max cadenceFactor 2 × 12 s); '
          + 'every endpoint of the network sees it: the chain itself is producing blocks slowly (block producers offline or a network problem), nothing to fix on one node',
      }],
    });
  });

  it('points at a minority fork when the other endpoints see normal blocks', () => {
    const result = judgeCadence([at('fork', span(960)), at('ok', span(384))], EVM);
    expect(result.get('fork')!.reasons[0]!.message).toMatch(/; other endpoints of the network see normal blocks: this node may follow a minority fork/);
  });

  it('names the span it measured near genesis', () => {
    const result = judgeCadence([at('young', span(300, 10))], EVM);
    expect(result.get('young')!.reasons[0]!.message).toMatch(/^blocks every 30\.0 s over the last 10 blocks, expected ~12 s .*; the chain, or the branch this node follows, is producing blocks slowly$/);
  });

  it('does not count a syncing endpoint as a peer that sees normal blocks', () => {
    const result = judgeCadence([at('a', span(960)), at('b', span(960)), at('syncing', span(384), ['syncing'])], EVM);
    expect(result.get('a')!.reasons[0]!.message).toContain('the chain itself is producing blocks slowly');
  });

  it('writes sub-10-second block times with their digits, and counts Solana\'s span in slots', () => {
    const result = judgeCadence([at('sol', span(32, 32))], { family: 'solana', blockTimeSeconds: 0.4, cadenceFactor: 2 });
    expect(result.get('sol')!.reasons[0]!.message).toMatch(/^blocks every 1 s over the last 32 slots, expected ~0\.4 s \(max cadenceFactor 2 × 0\.4 s\)/);
  });

  it('gives null and no reason without a reading, and judges nothing where cadenceFactor is null', () => {
    expect(judgeCadence([at('a', null)], EVM).get('a')).toEqual({ blockIntervalSeconds: null, reasons: [] });
    expect(judgeCadence([at('a', span(99_999))], { family: 'substrate', blockTimeSeconds: 6, cadenceFactor: null }).get('a')!.reasons).toEqual([]);
  });
});
