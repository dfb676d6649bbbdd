// Bench worker: one full round (runRound, the engine `vantage check` and the
// Lambda use) over many http-json endpoints, each its own 127.0.0.1 port.
// Reports wall and CPU time per round and this process's peak RSS. Run as a
// bundle (bench/support/bundle-worker.ts) so the process is shaped like the
// probe Lambda's: the config is defaulted as the Lambda does it, without the
// YAML parser and zod, which the Lambda bundle does not carry.
import { performance } from 'node:perf_hooks';
import { Redactor } from '../../src/config/redactor.ts';
import { applyDefaults } from '../../src/config/resolved-config.ts';
import type { ConfigInput } from '../../src/config/schema.ts';
import { runRound } from '../../src/engine/round.ts';
import { runWorker } from '../support/worker-ipc.ts';

export interface ScaleInput {
  readonly ports: readonly number[];
  readonly https: boolean;
  readonly caFile: string | null;
  readonly concurrency: number;
  readonly endpointsPerNetwork: number;
  readonly rounds: number;
}

export interface ScaleRound {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly up: number;
  readonly notUp: readonly string[];
}

export interface ScaleResult {
  readonly rounds: ScaleRound[];
  /** process.resourceUsage().maxRSS, KiB, after all rounds. */
  readonly maxRssKb: number;
  readonly rssBeforeKb: number;
  /** Peaks of process.memoryUsage() sampled every 20 ms, MiB. */
  readonly peakMb: { readonly rss: number; readonly heapTotal: number; readonly heapUsed: number; readonly external: number };
}

runWorker<ScaleInput, ScaleResult>(async (input) => {
  const scheme = input.https ? 'https' : 'http';
  const networks: ConfigInput['networks'] = [];
  for (let n = 0; n * input.endpointsPerNetwork < input.ports.length; n++) {
    networks.push({
      id: `net-${n}`,
      chain: 'http-json',
      endpoints: input.ports.slice(n * input.endpointsPerNetwork, (n + 1) * input.endpointsPerNetwork).map((port, i) => ({
        id: `e${i}`, url: `${scheme}://127.0.0.1:${port}/`, heightPointer: '/height', ...(input.caFile ? { tls: { caFile: input.caFile } } : {}),
      })),
    });
  }
  const config = applyDefaults({ input: { version: 1, probe: { concurrency: input.concurrency }, networks } as ConfigInput, file: null, baseDir: process.cwd() });
  const redactor = new Redactor();
  const rssBeforeKb = process.resourceUsage().maxRSS;
  const rounds: ScaleRound[] = [];
  // Where the peak comes from: V8's heap (reserved vs live) or native memory.
  const peakMb = { rss: 0, heapTotal: 0, heapUsed: 0, external: 0 };
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peakMb) as Array<keyof typeof peakMb>) peakMb[k] = Math.max(peakMb[k], Math.round((m[k] / 2 ** 20) * 10) / 10);
  }, 20);
  for (let r = 0; r < input.rounds; r++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await runRound(config, redactor, { region: 'bench' });
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const endpoints = report.networks.flatMap((n) => n.endpoints);
    rounds.push({
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      up: endpoints.filter((e) => e.status === 'up').length,
      notUp: endpoints.filter((e) => e.status !== 'up').slice(0, 3).map((e) => `${e.id}: ${e.reasons.map((x) => x.code).join(',')}`),
    });
  }
  clearInterval(sampler);
  return { rounds, maxRssKb: process.resourceUsage().maxRSS, rssBeforeKb, peakMb };
});
