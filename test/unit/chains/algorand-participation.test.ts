import { describe, expect, it } from 'vitest';
import { judgeParticipation, type ParticipationInput } from '../../../src/chains/algorand-participation.ts';

const ADDRESS = 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY';
const ROUND = 1_000_000;
/** The round `days` days after ROUND at 2.8 s per round. */
const after = (days: number) => ROUND + Math.round((days * 86_400) / 2.8);

const judge = (over: Partial<ParticipationInput>) => judgeParticipation({
  address: ADDRESS, status: 'Online', voteLastValid: after(30), round: ROUND, blockTimeSeconds: 2.8, warnDays: 14, ...over,
});

describe('judgeParticipation', () => {
  it('computes days to expiry as (voteLastValid − round) × blockTime / 86400', () => {
    expect(judge({ voteLastValid: ROUND + 280_800 }).daysToExpiry).toBe(9.1);
    expect(judge({ voteLastValid: ROUND + 280_800, blockTimeSeconds: 3.5 }).daysToExpiry).toBe(11.38);
  });

  it('says nothing about an Online key further away than warnDays', () => {
    expect(judge({})).toEqual({ participation: 'Online', voteLastValid: after(30), daysToExpiry: 30, reasons: [] });
  });

  it('flags a key under warnDays, and not one exactly at warnDays', () => {
    expect(judge({ voteLastValid: after(14) }).reasons).toEqual([]);
    expect(judge({ voteLastValid: after(13.9) }).reasons.map((r) => r.code)).toEqual(['partkey_expiring']);
  });

  it('speaks in hours when less than a day is left', () => {
    const [r] = judge({ voteLastValid: after(0.25) }).reasons;
    expect(r!.message).toBe(`account ${ADDRESS}: participation key expires in 6.0 hours (round ${after(0.25)}, warnDays 14); register a new key before then`);
  });

  it('reports a key whose last valid round has passed as expired', () => {
    const verdict = judge({ voteLastValid: after(-2) });
    expect(verdict.daysToExpiry).toBe(-2);
    expect(verdict.reasons[0]!.message).toContain('participation key expired at round');
  });

  it.each(['Offline', 'NotParticipating'])('flags a %s account as partkey_expiring', (status) => {
    const verdict = judge({ status, voteLastValid: undefined });
    expect(verdict).toMatchObject({ participation: status, voteLastValid: null, daysToExpiry: null });
    expect(verdict.reasons).toEqual([{ code: 'partkey_expiring', message: `account ${ADDRESS} is ${status}: it does not vote; register its participation key online` }]);
  });

  it('reports an Online account without participation data as invalid_response', () => {
    expect(judge({ voteLastValid: undefined }).reasons).toEqual([
      { code: 'invalid_response', message: `account ${ADDRESS} is Online but algod reports no participation.vote-last-valid` },
    ]);
  });

  it.each([
    ['a string', '48000000', 'vote-last-valid "48000000" is not a JSON number'],
    ['negative', -1, 'vote-last-valid -1 is not a non-negative whole number'],
  ])('reports vote-last-valid sent as %s as invalid_response', (_what, value, message) => {
    const verdict = judge({ voteLastValid: value });
    expect(verdict.voteLastValid).toBeNull();
    expect(verdict.reasons).toEqual([{ code: 'invalid_response', message: `account ${ADDRESS}: ${message}` }]);
  });

  it.each([['missing', undefined], ['lower case', 'online'], ['a number', 1]])('reports a status that is %s as invalid_response', (_what, status) => {
    const verdict = judge({ status });
    expect(verdict.participation).toBeNull();
    expect(verdict.reasons[0]!.code).toBe('invalid_response');
  });

  it('leaves days to expiry unknown when the round is unknown', () => {
    expect(judge({ round: null })).toMatchObject({ daysToExpiry: null, reasons: [] });
  });
});
