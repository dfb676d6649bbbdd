// Config files for the CLI-path CPU measurement and its profile: `count`
// http-json endpoints on one bench server, by host name (support/loopback-name.ts),
// each its own URL, probed one at a time (probe.concurrency 1) so that CPU
// per probe is not blurred by overlapping probes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CheckTarget {
  readonly name: string;
  readonly port: number;
  readonly caFile: string;
}

/** `extra`: more top-level settings, e.g. { defaults: { timeoutMs } } for a run under valgrind. */
export function writeCheckConfig(dir: string, count: number, target: CheckTarget, extra: Record<string, unknown> = {}): string {
  const config = {
    version: 1,
    ...extra,
    probe: { concurrency: 1 },
    networks: [{
      id: 'bench',
      chain: 'http-json',
      endpoints: Array.from({ length: count }, (_, i) => ({
        id: `e${i}`, url: `https://${target.name}:${target.port}/e${i}`, heightPointer: '/height', tls: { caFile: target.caFile },
      })),
    }],
  };
  const file = join(dir, `check-${count}.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}
