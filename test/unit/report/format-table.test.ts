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
      timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, totalMs: 3, upgradeMs: null, firstNotificationMs: null }, tls: null, chain: null, addresses: [],
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
