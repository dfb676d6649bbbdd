// wrong_chain: the endpoint's chain identity differs from the network's expect.
import { reason, type Reason } from './reasons.ts';

export function identityMismatches(
  expect: Readonly<Record<string, string | number>>,
  identity: Readonly<Record<string, string | number>>,
): Reason[] {
  const reasons: Reason[] = [];
  for (const [key, wanted] of Object.entries(expect)) {
    const actual = identity[key];
    // Not read (the call failed): that failure is already a reason of its own.
    if (actual === undefined) continue;
    if (String(actual) !== String(wanted)) {
      reasons.push(reason('wrong_chain', `${key} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}`));
    }
  }
  return reasons;
}
