// probe.resolvers entries: every form node's Resolver.setServers takes is
// accepted, and each wrong one gets the message that says how to fix it.
import { Resolver } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { resolverAddressProblem } from '../../../src/config/resolver-address.ts';

describe('resolverAddressProblem', () => {
  it.each(['1.1.1.1', '8.8.8.8:53', '127.0.0.1:5353', '::1', '[::1]:53', '[2606:4700:4700::1111]', '2001:db8::1'])(
    '%s is a resolver, and Resolver.setServers takes it',
    (text) => {
      expect(resolverAddressProblem(text)).toBeNull();
      expect(() => new Resolver().setServers([text])).not.toThrow();
    },
  );

  it.each([
    ['dns.google', /^must be an IP address, not a name/],
    ['resolver.internal:53', /^must be an IP address, not a name/],
    ['1.1.1', /^must be an IP address with an optional port/],
    ['[1.1.1.1]:53', /^must be an IP address with an optional port/],
    ['1.1.1.1:0', /^port must be a number from 1 to 65535/],
    ['1.1.1.1:', /^port must be a number from 1 to 65535/],
    ['[::1]:70000', /^port must be a number from 1 to 65535/],
    ['', /^must be an IP address with an optional port/],
  ])('%s is refused: %s', (text, message) => {
    expect(resolverAddressProblem(text)).toMatch(message);
  });
});
