// What the public page says about an endpoint degraded by finality, cadence
// or late blocks: plain words from the report's numbers, never the operator
// message (which names hosts).
import { describe, expect, it } from 'vitest';
import { blockIntervalWords, finalityLagWords, observeEndpoint } from '../../../src/status/public-findings.ts';
import { endpointReport, LAYOUT } from '../../support/reports.ts';

const ETH = LAYOUT.networks[0]!;

describe('public words for finality and cadence', () => {
  it('says how far the finalized head is behind, in minutes', () => {
    const e = endpointReport({ id: 'rpc-1', reasons: ['finality_lagging'], finalityLagSeconds: 1518 });
    expect(observeEndpoint(e, ETH)).toEqual({ status: 'degraded_performance', key: 'finality_lagging', detail: 'finalized head 25 min behind the head' });
  });

  it('says how often blocks come against how often they should', () => {
    const e = endpointReport({ id: 'rpc-1', reasons: ['slow_blocks'], blockIntervalSeconds: 30.4 });
    expect(observeEndpoint(e, ETH).detail).toBe('blocks every 30 s, expected ~12 s');
  });

  it('keeps a digit for sub-10-second block times (Algorand, Solana)', () => {
    expect(blockIntervalWords(7.46, 2.8)).toBe('blocks every 7.5 s, expected ~2.8 s');
    expect(blockIntervalWords(1.25, 0.4)).toBe('blocks every 1.3 s, expected ~0.4 s');
    expect(blockIntervalWords(1260, 600)).toBe('blocks every 21 min, expected ~10 min');
    expect(finalityLagWords(95)).toBe('finalized head 95 s behind the head');
  });

  it('never shows the operator message (which names hosts and node advice)', () => {
    const e = endpointReport({ id: 'rpc-1', reasons: [{ code: 'finality_lagging', message: "finalized head is 25.3 min behind the head (…); this node's finality is stuck: check 10.0.0.7" }], finalityLagSeconds: 1518 });
    expect(observeEndpoint(e, ETH).detail).not.toContain('10.0.0.7');
  });

  it('falls back to words without numbers when the report has none', () => {
    const e = endpointReport({ id: 'rpc-1', reasons: ['finality_lagging', 'slow_blocks'] });
    expect(observeEndpoint(e, ETH).detail).toBe('finalized head far behind the head; blocks are produced slowly');
  });
});

const late = (arrival: Parameters<typeof endpointReport>[0]['arrival']) => endpointReport({
  id: 'rpc-1',
  reasons: [{ code: 'late_blocks', message: 'blocks arrive 2.1 s after the fastest endpoint (p50 of 7 blocks; max 1000 ms), watched at 10.0.0.7:8545' }],
  arrival,
});

describe('the public words for late_blocks', () => {
  it('say how late blocks arrive after the fastest endpoint, as degraded performance', () => {
    const seen = observeEndpoint(late({ blocks: 7, p50Ms: 2140, maxMs: 2600, missed: 0, resolutionMs: 250 }), ETH);
    expect(seen).toEqual({ status: 'degraded_performance', key: 'late_blocks', detail: 'blocks arrive 2.1 s after the fastest endpoint' });
  });

  it('add how many new blocks were not seen in time', () => {
    const seen = observeEndpoint(late({ blocks: 5, p50Ms: 7000, maxMs: 9000, missed: 4, resolutionMs: 250 }), ETH);
    expect(seen.detail).toBe('blocks arrive 7.0 s after the fastest endpoint (4 of 5 blocks not seen in time)');
  });

  it('fall back to plain words without figures', () => {
    expect(observeEndpoint(late(null), ETH).detail).toBe('new blocks arrive late');
  });
});
