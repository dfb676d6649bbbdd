// Reading X509Certificate's distinguished-name text back into attributes.
import { describe, expect, it } from 'vitest';
import { distinguishedName } from '../../../src/probe/peer-certificate.ts';

describe('distinguishedName', () => {
  it('one attribute per line; repeats become arrays in order', () => {
    expect(distinguishedName('C=DE\nOU=one\nOU=two\nCN=a.example\nCN=b.example')).toEqual({ C: 'DE', OU: ['one', 'two'], CN: ['a.example', 'b.example'] });
  });

  it('undoes RFC 2253 escapes, hex ones included (a control byte stays for node text to strip)', () => {
    expect(distinguishedName('O=Org\\, Inc. \\<a\\>\\; b\\=c\nCN=line\\0Abreak \\+ \\\\ end')).toEqual({ O: 'Org, Inc. <a>; b=c', CN: 'line\nbreak + \\ end' });
  });

  it('splits a multi-valued RDN at an unescaped " + "', () => {
    expect(distinguishedName('CN=x \\+ y + L=Bern')).toEqual({ CN: 'x + y', L: 'Bern' });
  });

  it('an empty name, or a line without "=", gives no attributes', () => {
    expect(distinguishedName('')).toEqual({});
    expect(distinguishedName('garbage')).toEqual({});
  });
});
