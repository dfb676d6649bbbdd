import { describe, expect, it } from 'vitest';
import { CHAIN_FAMILIES } from '../../../src/config/families.ts';
import { adapterFor } from '../../../src/chains/registry.ts';

const allAdapters = () => CHAIN_FAMILIES.map(adapterFor);

describe('chain adapter registry', () => {
  it('has an adapter for every chain family the config accepts', () => {
    for (const family of CHAIN_FAMILIES) expect(adapterFor(family).family).toBe(family);
  });

  it('gives an exposure check to exactly the families whose DESIGN names exposure calls', () => {
    const withCheck = allAdapters().filter((a) => a.checkExposure).map((a) => a.family).sort();
    expect(withCheck).toEqual(['algorand', 'evm', 'substrate']);
    for (const adapter of allAdapters()) expect(adapter.exposureCalls.length > 0).toBe(adapter.checkExposure !== undefined);
  });

  it('gives every family the block arrival height call DESIGN names, declared among its read calls', () => {
    const calls = Object.fromEntries(allAdapters().map((a) => [a.family, [a.heightCall?.mode, ...(a.heightCall?.calls ?? [])]]));
    expect(calls).toEqual({
      evm: ['poll', 'eth_blockNumber'],
      algorand: ['long-poll', 'GET /v2/status', 'GET /v2/status/wait-for-block-after/{round}'],
      substrate: ['poll', 'chain_getHeader'],
      cometbft: ['poll', 'GET /status'],
      bitcoin: ['poll', 'getblockcount'],
      solana: ['poll', 'getSlot(processed)'],
      'http-json': ['poll', 'the configured method (GET or POST) on the endpoint URL'],
    });
    for (const adapter of allAdapters()) for (const call of adapter.heightCall!.calls) expect(adapter.readCalls).toContain(call);
  });

  it('gives the account watch to Algorand only', () => {
    expect(allAdapters().filter((a) => a.readAccounts).map((a) => a.family)).toEqual(['algorand']);
  });
});
