import { describe, expect, it } from 'vitest';
import { fnv1a, inShard, shardOfEvent } from '../../../../functions/probe/shard.ts';

describe('shardOfEvent', () => {
  it('is the whole run for a scheduled event without input', () => {
    const scheduled = { version: '0', id: 'x', 'detail-type': 'Scheduled Event', source: 'aws.events', detail: {} };
    expect(shardOfEvent(scheduled)).toEqual({ shard: 0, of: 1 });
    expect(shardOfEvent(undefined)).toEqual({ shard: 0, of: 1 });
    expect(shardOfEvent({})).toEqual({ shard: 0, of: 1 });
  });

  it('reads { shard, of } from the EventBridge input', () => {
    expect(shardOfEvent({ shard: 2, of: 3 })).toEqual({ shard: 2, of: 3 });
  });

  it.each([
    [{ shard: 3, of: 3 }, 'event.shard must be a whole number from 0 to 2 (got 3)'],
    [{ shard: -1, of: 3 }, 'event.shard must be a whole number from 0 to 2 (got -1)'],
    [{ shard: 0 }, 'event.of must be a whole number from 1 to 100 (got undefined)'],
    [{ shard: '1', of: 2 }, 'event.shard must be a whole number from 0 to 1 (got "1")'],
    [{ shard: 0, of: 101 }, 'event.of must be a whole number from 1 to 100 (got 101)'],
  ])('rejects %j with a message naming the field', (event, message) => {
    expect(() => shardOfEvent(event)).toThrow(expect.objectContaining({ name: 'ShardEventError', message }));
  });
});

describe('inShard', () => {
  const ids = Array.from({ length: 40 }, (_, i) => `network-${i}`);

  it('puts every network in exactly one of N shards', () => {
    for (const of of [1, 2, 3, 7]) {
      for (const id of ids) {
        const owners = Array.from({ length: of }, (_, shard) => shard).filter((shard) => inShard(id, { shard, of }));
        expect(owners).toHaveLength(1);
      }
    }
  });

  it("keeps a network's shard when other networks come and go", () => {
    const before = ids.filter((id) => inShard(id, { shard: 1, of: 3 }));
    const after = [...ids, 'new-a', 'new-b'].reverse().filter((id) => inShard(id, { shard: 1, of: 3 }));
    expect(after.filter((id) => !id.startsWith('new-')).sort()).toEqual(before.sort());
  });

  it('spreads networks over the shards', () => {
    const sizes = [0, 1, 2].map((shard) => ids.filter((id) => inShard(id, { shard, of: 3 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(5);
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // http://www.isthe.com/chongo/src/fnv/test_fnv.c
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});
