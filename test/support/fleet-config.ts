// Generated configs for fleet-scale tests and benchmarks: `networks` networks
// of `endpoints` endpoints each, families in turn, ids as long as the config
// allows (64 characters), probed from `regions`. Written as YAML so they go
// through the same loader as a user's file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TEN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1',
] as const;

const FAMILIES = ['evm', 'algorand', 'substrate', 'cometbft', 'bitcoin', 'solana', 'http-json'] as const;

export interface FleetShape {
  readonly networks: number;
  readonly endpoints: number;
  readonly regions: readonly string[];
  readonly everySeconds?: 10 | 30 | 60;
  readonly namespace?: string;
  readonly shards?: number;
  /** Extra top-level YAML (e.g. a maintenance list). */
  readonly extra?: string;
}

/** A 64-character id: a readable head, padded with its own letter. */
export function longId(head: string, pad: string): string {
  return `${head}${pad.repeat(64 - head.length)}`;
}

export function fleetYaml(shape: FleetShape): string {
  const lines = [
    'version: 1',
    `probe: { regions: [${shape.regions.join(', ')}], shards: ${shape.shards ?? 1}${shape.everySeconds ? `, everySeconds: ${shape.everySeconds}` : ''} }`,
    `central: { account: "111111111111", region: us-east-1${shape.namespace ? `, namespace: ${shape.namespace}` : ''} }`,
    `alerting: { outageRegions: ${Math.min(2, shape.regions.length)}, email: [ops@example.com] }`,
    'networks:',
  ];
  for (let n = 0; n < shape.networks; n++) {
    const family = FAMILIES[n % FAMILIES.length]!;
    lines.push(`  - id: ${longId(`n${String(n).padStart(2, '0')}-${family}-`, 'n')}`, `    chain: ${family}`, '    endpoints:');
    for (let e = 0; e < shape.endpoints; e++) {
      const id = longId(`e${String(e).padStart(2, '0')}-`, 'e');
      const url = `https://rpc-${e}.n${n}.example.com${family === 'http-json' ? '/height' : ''}`;
      const extra = family === 'http-json' ? ', heightPointer: /height, timePointer: /time' : '';
      lines.push(`      - { id: ${id}, url: "${url}"${extra} }`);
    }
  }
  if (shape.extra) lines.push(shape.extra);
  return `${lines.join('\n')}\n`;
}

/** Writes the config to a fresh temporary directory and returns its path. */
export function writeFleetConfig(shape: FleetShape, name = 'fleet'): string {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-fleet-'));
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, fleetYaml(shape));
  return file;
}
