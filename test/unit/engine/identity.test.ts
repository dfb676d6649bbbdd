// wrong_chain names both values; a node decides how long its value is, the
// message does not grow with it.
import { describe, expect, it } from 'vitest';
import { identityMismatches } from '../../../src/engine/identity.ts';

describe('identityMismatches', () => {
  it('names the key, the value found and the value expected', () => {
    expect(identityMismatches({ chainId: 1 }, { chainId: 5 })).toEqual([{ code: 'wrong_chain', message: 'chainId is 5, expected 1' }]);
  });

  it('is silent where the identity matches or was not read', () => {
    expect(identityMismatches({ chainId: 1, network: 'cosmoshub-4' }, { chainId: 1 })).toEqual([]);
  });

  it('shows a 32-byte hex hash in full', () => {
    const hash = `0x${'b0'.repeat(32)}`;
    expect(identityMismatches({ genesisHash: `0x${'91'.repeat(32)}` }, { genesisHash: hash })[0]!.message).toContain(`is "${hash}", expected`);
  });

  it('clips an enormous value a node sends to 200 characters of node text', () => {
    const [found] = identityMismatches({ network: 'cosmoshub-4' }, { network: 'z'.repeat(50_000) });
    expect(found!.message).toBe(`network is "${'z'.repeat(200)}…", expected "cosmoshub-4"`);
  });

  it('shows the node\'s value without the escape sequences it carries, saying they are the difference', () => {
    const [found] = identityMismatches({ network: 'cosmoshub-4' }, { network: '\u001b[2K\u001b[1Acosmoshub-4\u0007\r' });
    expect(found!.message).toBe('network is "cosmoshub-4", expected "cosmoshub-4" (the node\'s value differs by control or invisible characters)');
  });
});
