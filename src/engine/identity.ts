// wrong_chain: the endpoint's chain identity differs from the network's expect.
import { clip } from '../config/redactor.ts';
import { reason, type Reason } from '../report/reasons.ts';

/** Room for any real identity in full (a 0x-prefixed 32-byte hash is 66 characters), not for a node's garbage. */
const SHOWN = 100;

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
      reasons.push(reason('wrong_chain', `${key} is ${clip(JSON.stringify(actual), SHOWN)}, expected ${JSON.stringify(wanted)}`));
    }
  }
  return reasons;
}
