// What the public page says about late blocks: the delay customers feel, in
// seconds, built from the report's arrival figures (never the operator's
// message, which names hosts).
import { describe, expect, it } from 'vitest';
import { observeEndpoint } from '../../../src/status/public-findings.ts';
import { endpointReport, LAYOUT } from '../../support/reports.ts';

const network = LAYOUT.networks[0]!;
const late = (arrival: Parameters<typeof endpointReport>[0]['arrival']) => endpointReport({
  id: 'rpc-1',
  reasons: [{ code: 'late_blocks', message: 'blocks arrive 2.1 s after the fastest endpoint (p50 of 7 blocks; max 1000 ms), watched at 10.0.0.7:8545' }],
  arrival,
});

describe('the public words for late_blocks', () => {
  it('say how late blocks arrive after the fastest endpoint, as degraded performance', () => {
    const seen = observeEndpoint(late({ blocks: 7, p50Ms: 2140, maxMs: 2600, missed: 0, resolutionMs: 250 }), network);
    expect(seen).toEqual({ status: 'degraded_performance', key: 'late_blocks', detail: 'blocks arrive 2.1 s after the fastest endpoint' });
  });

  it('add how many new blocks were not seen in time', () => {
    const seen = observeEndpoint(late({ blocks: 5, p50Ms: 7000, maxMs: 9000, missed: 4, resolutionMs: 250 }), network);
    expect(seen.detail).toBe('blocks arrive 7.0 s after the fastest endpoint (4 of 5 blocks not seen in time)');
  });

  it('fall back to plain words without figures', () => {
    expect(observeEndpoint(late(null), network).detail).toBe('new blocks arrive late');
  });
});
