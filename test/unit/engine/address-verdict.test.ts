// DESIGN.md "Every address on its own", as plain data: which address is the
// primary, and what the other addresses add to their endpoint.
import { describe, expect, it } from 'vitest';
import { choosePrimary, judgeAddresses } from '../../../src/engine/address-verdict.ts';
import type { AddressProbe } from '../../../src/engine/probe-endpoint.ts';
import { reason, type Reason } from '../../../src/report/reasons.ts';
import { emptyTimings } from '../../../src/report/timings.ts';

function address(name: string, reasons: Reason[] = [], over: Partial<AddressProbe> = {}): AddressProbe {
  return {
    address: name, family: name.includes(':') ? 6 : 4, primary: false, skipped: false, reasons,
    timings: { ...emptyTimings(), ttfbMs: reasons.length === 0 ? 3 : null }, tls: null,
    chain: { height: 100, headTimeSeconds: null, headAgeSeconds: null, syncing: false, peers: null, identity: {}, finality: null, cadence: null }, ...over,
  };
}

const refused = (a: string) => reason('connect_refused', `connection refused by rpc.example:443 at ${a}`);
const withPrimary = (list: AddressProbe[]) => {
  const primary = choosePrimary(list);
  return list.map((a) => (a === primary ? { ...a, primary: true } : a));
};
const noHeightFindings = () => [];

describe('choosePrimary', () => {
  it('is the best address by status, not the first resolved', () => {
    const list = [address('10.0.0.1', [refused('10.0.0.1')]), address('10.0.0.2', [reason('slow', 's')]), address('10.0.0.3')];
    expect(choosePrimary(list)?.address).toBe('10.0.0.3');
  });

  it('takes the first of equals, and never a skipped one', () => {
    expect(choosePrimary([address('10.0.0.1'), address('10.0.0.2')])?.address).toBe('10.0.0.1');
    expect(choosePrimary([address('2001:db8::1', [], { skipped: true }), address('10.0.0.2', [refused('10.0.0.2')])])?.address).toBe('10.0.0.2');
    expect(choosePrimary([address('2001:db8::1', [], { skipped: true })])).toBeNull();
  });
});

describe('judgeAddresses', () => {
  it('an address worse than the primary adds one address_unhealthy naming it, its status and its worst code', () => {
    const list = withPrimary([address('10.0.0.1'), address('10.0.0.2', [reason('slow', 'ttfb 3000 ms'), refused('10.0.0.2')])]);
    const verdict = judgeAddresses(list, noHeightFindings);
    expect(verdict.reasons).toEqual([reason('address_unhealthy', 'address 10.0.0.2 is down: connect_refused, connection refused by rpc.example:443 at 10.0.0.2')]);
    expect(verdict.addresses.map((a) => [a.address, a.primary, a.status])).toEqual([['10.0.0.1', true, 'up'], ['10.0.0.2', false, 'down']]);
  });

  it('adds nothing when every address is down (none is worse than the primary), nor for an address as bad as the primary', () => {
    const down = withPrimary([address('10.0.0.1', [refused('10.0.0.1')]), address('10.0.0.2', [refused('10.0.0.2')])]);
    expect(judgeAddresses(down, noHeightFindings).reasons).toEqual([]);
    const slow = withPrimary([address('10.0.0.1', [reason('slow', 'a')]), address('10.0.0.2', [reason('cert_expiring', 'b')])]);
    expect(judgeAddresses(slow, noHeightFindings).reasons).toEqual([]);
  });

  it('judges every address\'s height: a backend the agreement finds lagging is worse than a primary that agrees', () => {
    const list = withPrimary([address('10.0.0.1'), address('10.0.0.2', [], { chain: { height: 80, headTimeSeconds: null, headAgeSeconds: null, syncing: false, peers: null, identity: {}, finality: null, cadence: null } })]);
    const lagging = (a: AddressProbe) => (a.chain?.height === 80 ? [reason('lagging', 'height 80 is 20 blocks behind reference 100 (max 3)')] : []);
    const verdict = judgeAddresses(list, lagging);
    expect(verdict.reasons).toEqual([reason('address_unhealthy', 'address 10.0.0.2 is degraded: lagging, height 80 is 20 blocks behind reference 100 (max 3)')]);
    expect(verdict.addresses[1]).toMatchObject({ status: 'degraded', height: 80, reasons: [reason('lagging', 'height 80 is 20 blocks behind reference 100 (max 3)')] });
  });

  it('an exposure finding on another address is the endpoint\'s own finding, not address health', () => {
    const open = reason('exposed_admin_api', 'admin_nodeInfo answers from outside');
    const list = withPrimary([address('10.0.0.1'), address('10.0.0.2', [open])]);
    expect(judgeAddresses(list, noHeightFindings).reasons).toEqual([reason('exposed_admin_api', 'address 10.0.0.2: admin_nodeInfo answers from outside')]);
    // Said once when the primary has it too.
    const both = withPrimary([address('10.0.0.1', [open]), address('10.0.0.2', [open])]);
    expect(judgeAddresses(both, noHeightFindings).reasons).toEqual([]);
  });

  it('a skipped address is listed as skipped, with no reasons, and never judged', () => {
    const list = withPrimary([address('10.0.0.1'), address('2001:db8::1', [reason('no_route', 'no route')], { skipped: true })]);
    const verdict = judgeAddresses(list, () => [reason('lagging', 'x')]);
    expect(verdict.addresses[1]).toMatchObject({ address: '2001:db8::1', family: 6, status: 'skipped', reasons: [], primary: false });
    expect(verdict.reasons).toEqual([]);
  });
});
