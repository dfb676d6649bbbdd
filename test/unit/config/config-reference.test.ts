// docs/config.md is generated from the schema (`npm run docs:config`): it
// must be exactly what the generator writes now, name every key the schema
// has, document the defaults the loader really applies, and its complete
// example must be a config the loader accepts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { configReference, referenceExample, REFERENCE_FILE } from '../../../src/config/config-reference.ts';
import { configJsonSchema } from '../../../src/config/json-schema.ts';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { createCa } from '../../support/certificates.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const committed = readFileSync(join(ROOT, REFERENCE_FILE), 'utf8');

type Schema = Record<string, unknown>;

interface Key {
  /** e.g. ['networks', 'endpoints', 'tls', 'caFile'] (list levels dropped). */
  readonly path: readonly string[];
  readonly schema: Schema;
  /** The chain family whose network schema holds the key; null outside networks. */
  readonly family: string | null;
}

/** Every key of every object in the JSON Schema, found without the generator's help. */
function schemaKeys(schema: Schema, path: readonly string[] = [], family: string | null = null): Key[] {
  const keys: Key[] = [];
  for (const option of [...((schema['anyOf'] ?? schema['oneOf'] ?? []) as Schema[])]) {
    const chain = ((option['properties'] ?? {}) as Record<string, Schema>)['chain']?.['const'];
    keys.push(...schemaKeys(option, path, typeof chain === 'string' ? chain : family));
  }
  if (schema['items'] && typeof schema['items'] === 'object') keys.push(...schemaKeys(schema['items'] as Schema, path, family));
  for (const [name, child] of Object.entries((schema['properties'] ?? {}) as Record<string, Schema>)) {
    keys.push({ path: [...path, name], schema: child, family }, ...schemaKeys(child, [...path, name], family));
  }
  return keys;
}

const KEYS = schemaKeys(configJsonSchema());

/** Key and default cells of every table row of the reference, list markers dropped: `accounts[].address` → accounts.address. */
const ROWS = [...committed.matchAll(/^\| `([^`]+)` \| [^|]+ \| ([^|]+) \|/gm)].map((m) => ({ key: m[1]!.replaceAll('[]', ''), default: m[2]! }));
const ROW_KEYS = ROWS.map((r) => r.key);
const rowsFor = (path: readonly string[]) => ROWS.filter((r) => path.join('.') === r.key || path.join('.').endsWith(`.${r.key}`));

describe(REFERENCE_FILE, () => {
  it('is exactly what `npm run docs:config` writes from the schema now', () => {
    expect(committed, `${REFERENCE_FILE} is stale: run \`npm run docs:config\` and commit it`).toBe(configReference());
  });

  it('has a row for every key of the schema, under its own path', () => {
    expect(KEYS.length).toBeGreaterThan(60);
    expect(ROW_KEYS.length).toBeGreaterThan(40);
    expect(KEYS.filter((k) => rowsFor(k.path).length === 0).map((k) => k.path.join('.'))).toEqual([]);
  });

  it('every key of the schema says what it does (a .describe() text)', () => {
    expect(KEYS.filter((k) => typeof k.schema['description'] !== 'string' || k.schema['description'] === '').map((k) => k.path.join('.'))).toEqual([]);
  });

  it('states the bounds of the durations', () => {
    expect(committed).toContain('| `timeoutMs` | integer | `5000` | whole number, > 0, ≤ 120000 |');
    expect(committed).toContain('| `slowMs` | integer | `2000` | whole number, > 0, ≤ 120000 |');
  });

  it('documents per family the expect keys DESIGN.md lists', () => {
    const section = (chain: string) => committed.split(`### chain: ${chain}\n`)[1]!.split('\n### ')[0]!;
    expect(section('evm')).toContain('`expect.chainId`');
    expect(section('algorand')).toMatch(/`expect\.genesisId`[\s\S]*`expect\.genesisHash`[\s\S]*`accounts\[\]\.warnDays`/);
    expect(section('substrate')).toContain('`expect.genesisHash`');
    expect(section('cometbft')).toContain('`expect.network`');
    expect(section('bitcoin')).toContain('`expect.chain`');
    expect(section('solana')).toContain('`expect.genesisHash`');
    expect(section('http-json')).toMatch(/`endpoints\[\]\.heightPointer` \| string \| \*\*required\*\*/);
  });
});

describe('the defaults the reference states', () => {
  // Enough of everything for each default to show: regions for outageRegions,
  // central for namespace, an account for its warnDays.
  const minimal = applyDefaults(parseConfigText(stringify({
    version: 1,
    probe: { regions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'] },
    central: { account: '111111111111', region: 'us-east-1' },
    networks: [{
      id: 'n', chain: 'algorand',
      accounts: [{ address: 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY' }],
      endpoints: [{ id: 'e', url: 'http://127.0.0.1:1' }],
    }],
  }), { file: null, baseDir: ROOT }));

  /** A network of one family with nothing set but what it requires. */
  const minimalNetwork = (chain: string) => applyDefaults(parseConfigText(stringify({
    version: 1,
    networks: [{ id: 'n', chain, endpoints: [{ id: 'e', url: 'http://127.0.0.1:1', ...(chain === 'http-json' ? { heightPointer: '/h' } : {}) }] }],
  }), { file: null, baseDir: ROOT })).networks[0];

  /** Where a key's effective value lands in the resolved config (a network key: in a network of the family that has it). */
  function resolvedValue(path: readonly string[], family: string | null): unknown {
    const [first, ...rest] = path;
    const network = family === null || family === 'algorand' ? minimal.networks[0] : minimalNetwork(family);
    let at: unknown = first === 'networks' ? network : first === 'defaults' ? minimal.networks[0]!.endpoints[0] : minimal;
    for (const part of first === 'networks' || first === 'defaults' ? rest : path) {
      at = (at as Record<string, unknown>)[part];
      if (Array.isArray(at)) at = at[0];
    }
    return at;
  }

  // Each path once (the endpoint keys repeat in every family), but once per default where families differ (maxFinalityLagSeconds).
  const withDefaults = [...new Map(KEYS.filter((k) => 'default' in k.schema).map((k) => [`${k.path.join('.')} ${JSON.stringify(k.schema['default'])}`, k])).values()];

  it('covers every default the loader applies, and a row shows each', () => {
    expect(new Set(withDefaults.map((k) => k.path.at(-1))).size).toBeGreaterThanOrEqual(15);
    const shown = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
    expect(withDefaults.filter((k) => !rowsFor(k.path).some((r) => r.default === shown(k.schema['default']))).map((k) => k.path.join('.'))).toEqual([]);
  });

  it.each(withDefaults.map((k) => [`${k.path.join('.')}${k.family ? ` (${k.family})` : ''}`, k] as const))('%s: the documented default is the applied one', (_, key) => {
    expect(resolvedValue(key.path, key.family)).toEqual(key.schema['default']);
  });
});

describe('the complete example at the end of the reference', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-reference-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is in the reference and loads (schema and cross-field rules), every family present', async () => {
    const text = stringify(referenceExample(), { lineWidth: 0 });
    expect(committed).toContain(text.trimEnd());
    const ca = await createCa();
    writeFileSync(join(dir, 'private-ca.pem'), ca.cert);
    writeFileSync(join(dir, 'vantage.yaml'), text);
    const config = applyDefaults(loadConfigFile(join(dir, 'vantage.yaml')));
    expect(config.networks.map((n) => n.chain)).toEqual(['algorand', 'evm', 'substrate', 'cometbft', 'bitcoin', 'solana', 'http-json']);
  });
});
