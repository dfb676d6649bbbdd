// Part 1, the CLI path: CPU per fresh HTTPS probe as a user pays it, through
// `node bin/vantage.js check --config FILE --json` itself (config load,
// resolution, the verified connection, HTTP, the http-json adapter,
// agreement, the report), against the raw floor measured the same way.
//
// Each side runs as whole processes twice per round: one with N+W sequential
// probes (probe.concurrency 1), one with W. Process start, module loading,
// config load and the first W (coldest) probes are in both, so the
// difference ÷ N is the CPU of one warm probe and its share of the round's
// per-endpoint work. CPU is each process's own user + system time (all
// threads: V8's compiler and GC helpers too), read inside it at exit
// (support/rusage-preload.ts).
import { join } from 'node:path';
import { runMeasured, BENCH_DIR, ROOT } from '../support/child-process.ts';
import { writeCheckConfig } from '../support/cli-configs.ts';
import type { LoopbackName } from '../support/loopback-name.ts';
import { median } from '../support/stats.ts';
import { benchTempDir } from '../support/temp-dir.ts';

export interface CliCpuSetup {
  readonly port: number;
  readonly caFile: string;
  readonly host: LoopbackName;
  /** Probes that count (N) and probes in both runs (W). */
  readonly measured: number;
  readonly warm: number;
  readonly rounds: number;
}

export interface CliCpuResult {
  /** µs per probe, per round. */
  readonly vantageUs: number[];
  readonly rawUs: number[];
  /** vantage ÷ raw within each round. */
  readonly ratios: number[];
  /** CPU µs of each whole process, per round: N+W and W endpoints (or raw probes). */
  readonly runs: Readonly<Record<'vantageFull' | 'vantageBase' | 'rawFull' | 'rawBase', number[]>>;
}

/**
 * Per probe from the least-disturbed process of each kind: on a shared
 * machine, others' work only ever adds CPU time to a process (cache and
 * core contention), so each kind's minimum is its closest reading of the
 * undisturbed cost.
 */
export function fromMinima(result: CliCpuResult, measured: number): { vantageUs: number; rawUs: number; ratio: number } {
  const min = (v: readonly number[]) => Math.min(...v);
  const vantageUs = (min(result.runs.vantageFull) - min(result.runs.vantageBase)) / measured;
  const rawUs = (min(result.runs.rawFull) - min(result.runs.rawBase)) / measured;
  return { vantageUs, rawUs, ratio: vantageUs / rawUs };
}

/** CPU µs of one `vantage check` of the config; throws unless every endpoint came back up. */
async function checkCpu(configFile: string, endpoints: number): Promise<number> {
  const run = await runMeasured([join(ROOT, 'bin', 'vantage.js'), 'check', '--config', configFile, '--json'], { timeoutMs: 180_000 });
  let report: { status?: string; networks?: Array<{ endpoints: Array<{ status: string; reasons: Array<{ code: string; message: string }> }> }> };
  try {
    report = JSON.parse(run.stdout) as typeof report;
  } catch {
    throw new Error(`vantage check exited ${run.exitCode} without a JSON report: ${run.stderr.split('\n')[0] ?? ''}`);
  }
  const all = report.networks?.flatMap((n) => n.endpoints) ?? [];
  const bad = all.filter((e) => e.status !== 'up');
  if (all.length !== endpoints || bad.length > 0) {
    const first = bad[0]?.reasons[0];
    throw new Error(`vantage check: ${all.length - bad.length} of ${endpoints} endpoints up${first ? ` (${first.code}: ${first.message})` : ''}`);
  }
  return run.cpuUs;
}

async function rawCpu(setup: CliCpuSetup, count: number): Promise<number> {
  const input = { host: setup.host.listen[0]!, servername: setup.host.name === 'localhost' ? undefined : setup.host.name, port: setup.port, caFile: setup.caFile, count };
  const run = await runMeasured([join(BENCH_DIR, 'workers', 'raw-probes.ts'), JSON.stringify(input)], { timeoutMs: 180_000 });
  if (run.exitCode !== 0) throw new Error(`raw probes exited ${run.exitCode}: ${run.stderr.split('\n')[0] ?? ''}`);
  return run.cpuUs;
}

export async function cliCpu(setup: CliCpuSetup, pause: () => Promise<void>): Promise<CliCpuResult> {
  const dir = benchTempDir('cli-cpu');
  const { measured: n, warm: w } = setup;
  const target = { name: setup.host.name, port: setup.port, caFile: setup.caFile };
  const configs = { full: writeCheckConfig(dir, n + w, target), base: writeCheckConfig(dir, w, target) };
  type Run = 'vantage-full' | 'vantage-base' | 'raw-full' | 'raw-base';
  const runs: Run[] = ['vantage-full', 'raw-full', 'vantage-base', 'raw-base'];
  const result: CliCpuResult = { vantageUs: [], rawUs: [], ratios: [], runs: { vantageFull: [], vantageBase: [], rawFull: [], rawBase: [] } };
  for (let round = 0; round < setup.rounds; round++) {
    const cpu = new Map<Run, number>();
    // Rotate the order each round, so no run always goes first.
    for (let i = 0; i < runs.length; i++) {
      const run = runs[(i + round) % runs.length]!;
      if (run === 'vantage-full') cpu.set(run, await checkCpu(configs.full, n + w));
      else if (run === 'vantage-base') cpu.set(run, await checkCpu(configs.base, w));
      else cpu.set(run, await rawCpu(setup, run === 'raw-full' ? n + w : w));
      await pause();
    }
    const vantage = (cpu.get('vantage-full')! - cpu.get('vantage-base')!) / n;
    const raw = (cpu.get('raw-full')! - cpu.get('raw-base')!) / n;
    result.vantageUs.push(vantage);
    result.rawUs.push(raw);
    result.ratios.push(vantage / raw);
    result.runs.vantageFull.push(cpu.get('vantage-full')!);
    result.runs.vantageBase.push(cpu.get('vantage-base')!);
    result.runs.rawFull.push(cpu.get('raw-full')!);
    result.runs.rawBase.push(cpu.get('raw-base')!);
  }
  return result;
}

/** Spread of per-round values around their median, in percent (half the min–max range). */
export function spreadPercent(values: readonly number[]): number {
  const m = median(values);
  return m === 0 ? 0 : ((Math.max(...values) - Math.min(...values)) / 2 / m) * 100;
}
