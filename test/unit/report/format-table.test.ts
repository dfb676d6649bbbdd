// The table is the last line of defence for a terminal: even a report whose
// messages were never cleaned (built by hand here, past every adapter) prints
// no escape sequence but the table's own colours.
import { describe, expect, it } from 'vitest';
import { formatTable } from '../../../src/report/format-table.ts';
import type { Report } from '../../../src/report/report.ts';

const ESC = '\u001b';

const hostile: Report = {
  schemaVersion: 1, startedAt: '2025-06-01T00:00:00.000Z', durationMs: 5, region: 'local', status: 'down',
  networks: [{
    id: 'eth', chain: 'evm', status: 'down', referenceHeight: null,
    endpoints: [{
      id: 'a', url: 'https://a.example.com/', reference: false, status: 'down',
      reasons: [{ code: 'rpc_error', message: `eth_chainId returned error -32000: ${ESC}[2K${ESC}[1A${ESC}]0;pwned\u0007all fine\r\u202eok\u009b2J` }],
      timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3 }, tls: null, chain: null, arrival: null,
    }],
    accounts: [{
      address: 'ADDR', status: 'down', participation: `Online${ESC}[8m`, voteLastValid: null, daysToExpiry: null,
      reasons: [{ code: 'invalid_response', message: `account ADDR: line one\nline two${ESC}[31m` }],
    }],
  }],
};

/** The table's own colours: red, green, yellow, dim and reset. */
const OWN_COLOURS = /\u001b\[(?:3[123]|2|0)m/g;

describe('formatTable with text that was never cleaned', () => {
  it('prints each reason on one line, without the escapes, controls and bidi overrides it carried', () => {
    const text = formatTable(hostile, { color: false });
    expect(text).toContain('      rpc_error: eth_chainId returned error -32000: all fine ok2J\n');
    expect(text).toContain('      invalid_response: account ADDR: line one line two\n');
    expect(text).toContain('  account ADDR  ✗ down  Online\n');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('with colour on, its own colour codes are the only escape sequences', () => {
    const text = formatTable(hostile, { color: true });
    expect(text).toContain(`${ESC}[31m`);
    expect(text.replace(OWN_COLOURS, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('formatTable with block arrival', () => {
  const arrivalReport = (arrival: Report['networks'][number]['endpoints'][number]['arrival'][]): Report => ({
    schemaVersion: 1, startedAt: '2025-06-01T00:00:00.000Z', durationMs: 8200, region: 'local', status: 'degraded',
    networks: [{
      id: 'eth', chain: 'evm', status: 'degraded', referenceHeight: 40,
      endpoints: arrival.map((a, i) => ({
        id: `e${i}`, url: `https://e${i}.example.com/`, reference: false, status: 'up' as const, reasons: [],
        timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3 }, tls: null,
        chain: { height: 40, lagBlocks: 0, headAgeSeconds: 1, syncing: false, peers: null, finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null }, arrival: a,
      })),
      accounts: [],
    }, {
      id: 'plain', chain: 'evm', status: 'up', referenceHeight: 40,
      endpoints: [{
        id: 'p', url: 'https://p.example.com/', reference: false, status: 'up', reasons: [],
        timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3 }, tls: null,
        chain: { height: 40, lagBlocks: 0, headAgeSeconds: 1, syncing: false, peers: null, finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null }, arrival: null,
      }],
      accounts: [],
    }],
  });

  it('adds an ARRIVAL P50 column to networks that watch arrival, with the missed blocks, and only to them', () => {
    const text = formatTable(arrivalReport([
      { blocks: 7, p50Ms: 0, maxMs: 0, missed: 0, resolutionMs: 250 },
      { blocks: 7, p50Ms: 2497, maxMs: 2502, missed: 2, resolutionMs: 250 },
      { blocks: 0, p50Ms: null, maxMs: null, missed: 0, resolutionMs: 250 },
      null,
    ]), { color: false });
    const [eth, plain] = text.split('\nplain (evm)');
    const rows = eth!.split('\n').filter((l) => /^ {2}(ENDPOINT|e\d)/.test(l));
    expect(rows[0]).toMatch(/CERT DAYS {2}ARRIVAL P50$/);
    expect(rows.slice(1).map((r) => r.slice(rows[0]!.indexOf('ARRIVAL P50')))).toEqual(['0.0 ms', '2497 ms (2/7 missed)', 'no new block', '-']);
    expect(plain).not.toContain('ARRIVAL');
  });
});

describe('formatTable finality lag and block interval columns', () => {
  const chain = (finalityLagSeconds: number | null, blockIntervalSeconds: number | null) => ({
    height: 1, lagBlocks: 0, headAgeSeconds: 1, syncing: false, peers: null,
    finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds, blockIntervalSeconds,
  });
  const row = (id: string, c: ReturnType<typeof chain>) => ({
    id, url: 'https://x.example/', reference: false, status: 'up' as const, reasons: [],
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3 }, tls: null, chain: c, arrival: null,
  });
  const report: Report = {
    schemaVersion: 1, startedAt: '2025-06-01T00:00:00.000Z', durationMs: 5, region: 'local', status: 'up',
    networks: [{
      id: 'n', chain: 'solana', status: 'up', referenceHeight: 1, accounts: [],
      endpoints: [row('instant', chain(0, 6.02)), row('slots', chain(12.8, 0.406)), row('eth', chain(792, 12)), row('unknown', chain(null, null))],
    }],
  };

  it('writes seconds in the unit a person reads: 0 s, sub-second digits, minutes; "-" when unknown', () => {
    const lines = formatTable(report, { color: false }).split('\n');
    const cells = (id: string) => lines.find((l) => l.startsWith(`  ${id} `))!.split(/\s{2,}/).slice(6, 8);
    expect(lines.find((l) => l.includes('ENDPOINT'))).toMatch(/HEAD AGE {2}FINALITY LAG {2}BLOCK INTERVAL {2}DNS/);
    expect(cells('instant')).toEqual(['0 s', '6.0 s']);
    expect(cells('slots')).toEqual(['12.8 s', '0.41 s']);
    expect(cells('eth')).toEqual(['13.2 min', '12.0 s']);
    expect(cells('unknown')).toEqual(['-', '-']);
  });
});
