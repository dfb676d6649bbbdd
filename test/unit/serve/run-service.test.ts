// The one line `vantage run` prints per round: it must name everything that
// makes the round not up, so "degraded" never stands next to "all up".
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/report.ts';
import { roundLine } from '../../../src/serve/run-service.ts';
import { report } from '../../support/reports.ts';

const AT = '2025-11-20T10:00:00.000Z';

describe('roundLine', () => {
  it('says all endpoints are up, with the UTC time marked as such', () => {
    expect(roundLine(report(AT, { eth: [{ id: 'a' }, { id: 'b' }] }))).toBe('10:00:00Z up       all endpoints up (10 ms)');
  });

  it('names each endpoint that is not up with its reason codes, a reference endpoint marked as one', () => {
    const r = report(AT, { eth: [{ id: 'a', reasons: ['lagging', 'slow'] }, { id: 'b', reasons: ['connect_refused'] }, { id: 'ref', reference: true, reasons: ['timeout'] }] });
    expect(roundLine(r)).toBe('10:00:00Z down     eth/a lagging+slow, eth/b connect_refused, eth/ref (reference) timeout (10 ms)');
  });

  it('names an account whose participation key needs attention when every endpoint is up', () => {
    const base = report(AT, { algo: [{ id: 'api-1' }] });
    const account = { address: 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY', status: 'degraded' as const, participation: 'Online', voteLastValid: 10, daysToExpiry: 9.1, reasons: [{ code: 'partkey_expiring' as const, message: 'expires in 9.1 days' }] };
    const r: Report = { ...base, status: 'degraded', networks: [{ ...base.networks[0]!, status: 'degraded', accounts: [account] }] };
    expect(roundLine(r)).toBe('10:00:00Z degraded algo/account WHNXGKYO… partkey_expiring (10 ms)');
  });
});
