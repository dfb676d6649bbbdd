// Part 7: time to detect, measured locally. `vantage run --serve --interval S`
// watches a real hardhat node; the node is stopped at a known instant and the
// part polls the local page (api/v2/summary.json's unresolved incidents, every 100 ms)
// until an incident for it opens. Stated beside it: the worst case for the
// local loop, S (the node stops just after a round) + the probe's timeout
// (a stopped node refuses at once, so far less in practice). The AWS figures
// are `vantage cost`'s (alarm periods, evaluation, suppressor wait), which
// add to these; docs/deploy.md records both.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLocalNode } from '../../src/demo/local-node.ts';
import { startVantage } from '../../test/support/vantage-process.ts';
import type { BenchSettings, PartResult, Row } from '../support/part-result.ts';
import { benchTempDir } from '../support/temp-dir.ts';

const TIMEOUT_MS = 2000;

interface Measurement {
  readonly intervalSeconds: number;
  readonly statedMs: number;
  readonly measuredMs: number;
}

/** [interval, samples]: each sample stops a fresh node at a random point of the interval. */
const RUNS: Readonly<Record<'quick' | 'full', readonly (readonly [number, number])[]>> = { quick: [[10, 1]], full: [[10, 4], [60, 2]] };

export async function detection(settings: BenchSettings): Promise<PartResult> {
  const measurements: Measurement[] = [];
  for (const [intervalSeconds, samples] of RUNS[settings.quick ? 'quick' : 'full']) {
    for (let i = 0; i < samples; i++) measurements.push(await measure(intervalSeconds));
  }
  const rows: Row[] = [...new Set(measurements.map((m) => m.intervalSeconds))].map((interval) => {
    const these = measurements.filter((m) => m.intervalSeconds === interval);
    const seconds = these.map((m) => (m.measuredMs / 1000).toFixed(1)).join(', ');
    const within = these.every((m) => m.measuredMs <= m.statedMs);
    return {
      measure: `--interval ${interval}: node stopped → local incident open`,
      value: `${seconds} s`,
      target: `≤ ${(these[0]!.statedMs / 1000).toFixed(0)} s (stated worst case)`,
      verdict: within ? 'PASS' : 'FALLS SHORT',
    };
  });
  return {
    id: 'detection',
    title: 'Time to detect (local run --serve, real hardhat node stopped)',
    rows,
    data: { measurements },
    notes: [
      'The node is stopped at a random point of the round interval; measured from its process exit to the first poll that finds the incident open.',
      'Stated worst case for the local loop: one interval + the probe timeout. In AWS the alarm adds its periods, evaluation and suppressor wait (vantage cost).',
    ],
  };
}

async function measure(intervalSeconds: number): Promise<Measurement> {
  const node = await startLocalNode();
  const dir = benchTempDir(`detection-${intervalSeconds}`);
  const config = join(dir, 'vantage.yaml');
  writeFileSync(config, `version: 1
status: { title: Detection }
networks:
  - id: local
    chain: evm
    endpoints:
      - { id: node, url: "${node.url}", timeoutMs: ${TIMEOUT_MS} }
`);
  const vantage = await startVantage(['run', '--config', config, '--serve', '--port', '0', '--interval', String(intervalSeconds)]);
  try {
    await until(async () => (await incidents(vantage.url)) !== null, 120_000);
    // Stop somewhere inside the interval, not in step with the rounds.
    await new Promise((r) => setTimeout(r, Math.random() * intervalSeconds * 1000));
    await node.stop();
    const stoppedAt = performance.now();
    await until(async () => ((await incidents(vantage.url)) ?? 0) > 0, (intervalSeconds + 30) * 1000, 100);
    return { intervalSeconds, statedMs: intervalSeconds * 1000 + TIMEOUT_MS, measuredMs: performance.now() - stoppedAt };
  } finally {
    await vantage.stop();
  }
}

/** Unresolved incidents on the local page; null before the first round rendered it. */
async function incidents(url: string): Promise<number | null> {
  const response = await fetch(`${url}/api/v2/summary.json`, { signal: AbortSignal.timeout(2000) });
  if (!response.ok) return null;
  return ((await response.json()) as { incidents: unknown[] }).incidents.length;
}

async function until(check: () => Promise<boolean>, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (performance.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
