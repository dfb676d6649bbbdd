import { describe, expect, it } from 'vitest';
import { referenceHeight } from '../../../src/agreement/reference-height.ts';

describe('referenceHeight', () => {
  it('is null when no endpoint answered', () => {
    expect(referenceHeight([])).toBeNull();
  });

  it('is the highest height when one or two endpoints answer', () => {
    expect(referenceHeight([7])).toBe(7);
    expect(referenceHeight([5, 9])).toBe(9);
  });

  it('is the 2nd-highest with three or more, so one endpoint alone cannot raise it', () => {
    expect(referenceHeight([10, 40, 1_000_000])).toBe(40);
    expect(referenceHeight([40, 40, 39, 12])).toBe(40);
  });
});
