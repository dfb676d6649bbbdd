// wrong_chain: the endpoint's chain identity differs from the network's expect.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';

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
      const shown = quote(actual);
      const expected = JSON.stringify(wanted);
      // Cleaning can make the two look alike: then say what the difference is.
      const hidden = shown === expected ? ' (the node\'s value differs by control or invisible characters)' : '';
      reasons.push(reason('wrong_chain', `${key} is ${shown}, expected ${expected}${hidden}`));
    }
  }
  return reasons;
}
