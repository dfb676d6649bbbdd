// Finality judged over plain data: lag in blocks and seconds, finality_lagging
// past the network's maximum, and whose fault the message says it is.
import { describe, expect, it } from 'vitest';
import type { FinalityReading } from '../../../src/chains/adapter.ts';
import { judgeFinality, type FinalityInput, type FinalitySettings } from '../../../src/agreement/finality.ts';
import type { ReasonCode } from '../../../src/report/reasons.ts';

const EVM: FinalitySettings = { family: 'evm', blockTimeSeconds: 12, maxFinalityLagSeconds: 1200 };
const at = (id: string, finality: FinalityReading | null, codes: ReasonCode[] = []): FinalityInput => ({ id, finality, codes });
const finalized = (finalizedHeight: number | null, lagBlocks: number, lagSeconds: number | null = null): FinalityReading => ({ finalizedHeight, lagBlocks, lagSeconds });

describe('judgeFinality', () => {
  it('takes the seconds from the blocks\' timestamps when the adapter had them, not blocks × blockTimeSeconds', () => {
    const result = judgeFinality([at('a', finalized(1000, 64, 790))], EVM);
    // 64 × 12 would be 768: the timestamps win.
    expect(result.get('a')).toEqual({ finalizedHeight: 1000, finalityLagBlocks: 64, finalityLagSeconds: 790, reasons: [] });
  });

  it('estimates the seconds as blocks × blockTimeSeconds where there are no timestamps (Substrate)', () => {
    const result = judgeFinality([at('a', finalized(500, 3))], { family: 'substrate', blockTimeSeconds: 6, maxFinalityLagSeconds: 120 });
    expect(result.get('a')).toEqual({ finalizedHeight: 500, finalityLagBlocks: 3, finalityLagSeconds: 18, reasons: [] });
  });

  it('gives every field as null, and no reason, when the endpoint could not say (no finalized tag)', () => {
    expect(judgeFinality([at('a', null)], EVM).get('a')).toEqual({ finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, reasons: [] });
  });

  it('is not lagging at exactly the maximum, and lagging one second past it', () => {
    const result = judgeFinality([at('edge', finalized(1, 100, 1200)), at('past', finalized(1, 100, 1201)), at('ok', finalized(1, 64, 768))], EVM);
    expect(result.get('edge')!.reasons).toEqual([]);
    expect(result.get('past')!.reasons.map((r) => r.code)).toEqual(['finality_lagging']);
  });

  it('blames the node, with what to check, when its peers finalize normally', () => {
    const result = judgeFinality([at('stuck', finalized(19_000_000, 125, 1518)), at('ok-1', finalized(19_000_061, 64, 768)), at('ok-2', finalized(19_000_061, 64, 768))], EVM);
    expect(result.get('stuck')!.reasons).toEqual([{
      code: 'finality_lagging',
      message: 'finalized head is 25.3 min behind the head (finalized block 19000000, 125 blocks behind; max 20.0 min); '
        + "this node's finality is stuck or behind: check that its consensus client (beacon node) is synced and has peers",
    }]);
    expect(result.get('ok-1')!.reasons).toEqual([]);
  });

  it('says the chain itself is not finalizing when every endpoint that can say lags', () => {
    const result = judgeFinality([at('a', finalized(100, 200, 2400)), at('b', finalized(100, 201, 2412)), at('no-tag', null)], EVM);
    for (const id of ['a', 'b']) {
      expect(result.get(id)!.reasons[0]!.message).toMatch(/; every endpoint of the network sees it: the chain itself is not finalizing; nothing to fix on one node/);
    }
    expect(result.get('no-tag')!.reasons).toEqual([]);
  });

  it('does not let a syncing or wrong-chain endpoint make a node fault look like the chain\'s', () => {
    const result = judgeFinality([at('lagging', finalized(1, 200, 2400)), at('syncing', finalized(1, 9000, 108_000), ['syncing']), at('ok', finalized(1, 64, 768))], EVM);
    expect(result.get('lagging')!.reasons[0]!.message).toContain("this node's finality is stuck or behind");
    // Two lagging, but one is syncing: still not "every endpoint".
    const two = judgeFinality([at('lagging', finalized(1, 200, 2400)), at('syncing', finalized(1, 9000, 108_000), ['syncing'])], EVM);
    expect(two.get('lagging')!.reasons[0]!.message).toContain("this node's finality is stuck or behind");
  });

  it('with one endpoint alone, blames nobody in particular beyond the node', () => {
    const result = judgeFinality([at('only', finalized(1, 200, 2400))], EVM);
    expect(result.get('only')!.reasons[0]!.message).not.toContain('every endpoint');
  });

  it('counts Solana\'s lag in slots and names no block (its finalized height is a block height, not a slot)', () => {
    const result = judgeFinality([at('sol', finalized(1233, 300))], { family: 'solana', blockTimeSeconds: 0.4, maxFinalityLagSeconds: 60 });
    expect(result.get('sol')).toEqual({
      finalizedHeight: 1233, finalityLagBlocks: 300, finalityLagSeconds: 120,
      reasons: [{
        code: 'finality_lagging',
        message: "finalized head is 2.0 min behind the head (300 slots behind; max 60.0 s); this node's finality is stuck or behind: check that it keeps up replaying and voting (its root is behind the cluster)",
      }],
    });
  });

  it('reports the lag but judges nothing where finality is not judged (maxFinalityLagSeconds null)', () => {
    const result = judgeFinality([at('a', finalized(7, 0, 0))], { family: 'cometbft', blockTimeSeconds: 6, maxFinalityLagSeconds: null });
    expect(result.get('a')).toEqual({ finalizedHeight: 7, finalityLagBlocks: 0, finalityLagSeconds: 0, reasons: [] });
  });
});
