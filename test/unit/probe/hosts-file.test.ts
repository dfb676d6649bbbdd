// The hosts-file parser against a hosts(5) file as distributions ship it
// (test/fixtures/hosts/hosts.txt): names are matched without case and
// trailing dot, every address of a name is kept in file order, comments and
// malformed lines are skipped as the C library skips them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHostsFile } from '../../../src/probe/hosts-file.ts';

const table = parseHostsFile(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'hosts', 'hosts.txt'), 'utf8'));

describe('parseHostsFile', () => {
  it('keeps every address of a name, in file order, each once, both families', () => {
    expect(table.get('rpc.example.com')).toEqual([
      { address: '203.0.113.7', family: 4 },
      { address: '2001:db8::7', family: 6 },
      { address: '203.0.113.8', family: 4 },
    ]);
  });

  it('reads aliases without case or trailing dot, and ignores a comment after them', () => {
    expect(table.get('rpc-alias.example.com')).toEqual([{ address: '203.0.113.7', family: 4 }]);
    expect(table.has('#')).toBe(false);
    expect(table.has('pinned')).toBe(false);
  });

  it('reads tab-separated and indented lines', () => {
    expect(table.get('tabbed.example')).toEqual([{ address: '198.51.100.4', family: 4 }]);
    expect(table.get('build-host')).toEqual([{ address: '127.0.1.1', family: 4 }]);
    expect(table.get('localhost')).toEqual([{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }]);
  });

  it('skips commented-out lines, lines whose first field is not an address, and addresses without a name', () => {
    expect(table.has('commented.example')).toBe(false);
    expect(table.has('broken.example')).toBe(false);
    expect(table.has('not-an-address')).toBe(false);
    expect([...table.values()].flat().some((e) => e.address === '203.0.113.9')).toBe(false);
  });

  it('reads Windows line endings the same', () => {
    expect(parseHostsFile('10.0.0.1 a.example\r\n10.0.0.2 b.example\r\n').get('b.example')).toEqual([{ address: '10.0.0.2', family: 4 }]);
  });
});
