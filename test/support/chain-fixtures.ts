// Recorded chain responses from test/fixtures/chains/<family>/<name>.json
// (sources in that folder's README.md).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'chains');

/** A fresh copy each call, so a test may change it freely. */
// `any` on purpose: recorded JSON that tests reshape freely.
export function chainFixture(family: string, name: string): Record<string, any> {
  return JSON.parse(readFileSync(join(ROOT, family, `${name}.json`), 'utf8')) as Record<string, any>;
}
