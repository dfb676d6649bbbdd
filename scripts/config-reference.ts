// `npm run docs:config`: writes docs/config.md from the config schema
// (src/config/config-reference.ts). test/unit/config/config-reference.test.ts
// fails while the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference, REFERENCE_FILE } from '../src/config/config-reference.ts';

const file = join(import.meta.dirname, '..', REFERENCE_FILE);
writeFileSync(file, configReference());
console.log(`wrote ${REFERENCE_FILE}`);
