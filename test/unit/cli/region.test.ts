// DESIGN.md "Region": --region NAME, else AWS_REGION inside Lambda, else "local".
import { describe, expect, it } from 'vitest';
import { probeRegion } from '../../../src/cli/region.ts';

describe('probeRegion', () => {
  it('takes the flag first', () => {
    expect(probeRegion('eu-west-1', { AWS_LAMBDA_FUNCTION_NAME: 'probe', AWS_REGION: 'us-east-1' })).toBe('eu-west-1');
  });

  it('takes AWS_REGION only inside Lambda', () => {
    expect(probeRegion(undefined, { AWS_LAMBDA_FUNCTION_NAME: 'probe', AWS_REGION: 'us-east-1' })).toBe('us-east-1');
    expect(probeRegion(undefined, { AWS_REGION: 'us-east-1' })).toBe('local');
  });

  it('is "local" otherwise', () => {
    expect(probeRegion(undefined, {})).toBe('local');
  });
});
