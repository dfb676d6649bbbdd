import { describe, expect, it } from 'vitest';
import { RefreshingRead } from '../../../../functions/status/refreshing-read.ts';

describe('a read reused until it is due', () => {
  it('reads at first, reuses the answer until it is `everyMs` old, then reads again', async () => {
    const read = new RefreshingRead<number>(10 * 60_000);
    let reads = 0;
    const get = (at: number) => read.get(at, async () => ++reads, 0, 'x', []);
    expect(await get(0)).toBe(1);
    expect(await get(9 * 60_000)).toBe(1);
    expect(await get(10 * 60_000)).toBe(2);
    // A clock that went back reads again rather than trusting an answer from the future.
    expect(await get(5 * 60_000)).toBe(3);
  });

  it('stands in the last answer when a read fails, or the fallback without one, and says so', async () => {
    const read = new RefreshingRead<string>(1000);
    const warnings: string[] = [];
    const failing = async (): Promise<string> => { throw new Error('throttled'); };
    expect(await read.get(0, failing, 'none', 'charts', warnings)).toBe('none');
    expect(await read.get(1, async () => 'fresh', 'none', 'charts', warnings)).toBe('fresh');
    expect(await read.get(5000, failing, 'none', 'charts', warnings)).toBe('fresh');
    expect(warnings).toEqual(['charts: throttled', 'charts: throttled']);
    // A failed read is tried again next time.
    expect(read.due(5001)).toBe(true);
  });
});
