// `vantage schema` prints a JSON Schema (draft 2020-12) that a standard
// validator (ajv, strict mode) compiles, and that agrees with the loader on
// the example configs and on unknown keys.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string): unknown => parse(readFileSync(join(ROOT, path), 'utf8'));

let validate: ReturnType<Ajv2020['compile']>;

beforeAll(() => {
  const printed = execFileSync(process.execPath, ['bin/vantage.js', 'schema'], { cwd: ROOT, encoding: 'utf8' });
  // Formats (email) are annotations in 2020-12; strict mode still rejects unknown keywords.
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: false });
  validate = ajv.compile(JSON.parse(printed) as object);
});

describe('vantage schema', () => {
  it.each([
    'examples/local.yaml',
    'test/fixtures/configs/valid/design-example.yaml',
    'test/fixtures/configs/valid/every-setting.yaml',
    'test/fixtures/configs/valid/every-setting.json',
  ])('accepts %s', (file) => {
    expect(validate(read(file)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown key, as the loader does', () => {
    const config = read('test/fixtures/configs/valid/design-example.yaml') as { networks: Array<{ endpoints: Array<Record<string, unknown>> }> };
    config.networks[0]!.endpoints[0]!['timeoutMS'] = 3000;
    expect(validate(config)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({
      instancePath: '/networks/0/endpoints/0',
      keyword: 'additionalProperties',
      params: { additionalProperty: 'timeoutMS' },
    }));
  });

  it('rejects an unknown top-level key and a wrong version', () => {
    expect(validate({ version: 1, networks: [], extra: true })).toBe(false);
    expect(validate(read('test/fixtures/configs/invalid/version-2.yaml'))).toBe(false);
  });

  it('rejects what the schema part of the loader rejects: a chain family that does not exist, maxLagBlocks 0', () => {
    expect(validate(read('test/fixtures/configs/invalid/unknown-chain.yaml'))).toBe(false);
    expect(validate(read('test/fixtures/configs/invalid/max-lag-zero.yaml'))).toBe(false);
    expect(validate(read('test/fixtures/configs/invalid/http-json-no-pointer.yaml'))).toBe(false);
  });
});
