// The concurrency limit of a round, exactly: each task is a promise the test
// settles by hand, so how many are in flight is counted, not timed.
import { describe, expect, it } from 'vitest';
import { mapConcurrent } from '../../../src/engine/map-concurrent.ts';

/** Lets every queued promise callback run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

function tasks(count: number) {
  const started: number[] = [];
  const finish = new Map<number, (value: string) => void>();
  const fn = (item: number) => {
    started.push(item);
    return new Promise<string>((resolve) => finish.set(item, resolve));
  };
  return { items: Array.from({ length: count }, (_, i) => i), started, finish, fn };
}

describe('mapConcurrent', () => {
  it('starts at most `limit` tasks, and the next one only when one finishes', async () => {
    const { items, started, finish, fn } = tasks(5);
    const all = mapConcurrent(items, 2, fn);
    await settle();
    expect(started).toEqual([0, 1]);
    finish.get(1)!('b');
    await settle();
    expect(started).toEqual([0, 1, 2]);
    finish.get(0)!('a');
    finish.get(2)!('c');
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    finish.get(4)!('e');
    finish.get(3)!('d');
    // Results in input order, whatever order the tasks finished in.
    expect(await all).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('runs everything at once when the limit is above the number of items, and handles none', async () => {
    const { items, started, finish, fn } = tasks(3);
    const all = mapConcurrent(items, 32, fn);
    await settle();
    expect(started).toEqual([0, 1, 2]);
    for (const [i, resolve] of finish) resolve(String(i));
    expect(await all).toEqual(['0', '1', '2']);
    expect(await mapConcurrent([], 4, fn)).toEqual([]);
  });
});
