// Bench worker: `vantage check --config FILE --json` as a user runs it,
// through the CLI's own main(), in a fresh process: the first check includes
// loading the CLI (what one `vantage check` costs), the repeats are what
// each round of a long-running `vantage run` costs. Config load, secrets,
// every probe, agreement, the report and its JSON text are all inside.
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { runWorker } from '../support/worker-ipc.ts';

export interface FullRoundInput {
  readonly configFile: string;
  readonly rounds: number;
}

export interface FullRoundCheck {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly exitCode: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly endpoints: number;
  readonly withHeight: number;
}

export interface FullRoundResult {
  /** Process start → CLI loaded (Node start-up, module loading). */
  readonly loadWallMs: number;
  readonly loadCpuMs: number;
  readonly checks: FullRoundCheck[];
}

interface ReportShape {
  networks: Array<{ endpoints: Array<{ status: string; chain: { height: number | null } | null }> }>;
}

runWorker<FullRoundInput, FullRoundResult>(async (input) => {
  const { main } = await import('../../src/cli/main.ts');
  const loadWallMs = performance.now();
  const loadCpu = process.cpuUsage();
  const checks: FullRoundCheck[] = [];
  for (let r = 0; r < input.rounds; r++) {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    const cpu = process.cpuUsage();
    const started = performance.now();
    const exitCode = await main(['check', '--config', input.configFile, '--json'], {
      stdout, stderr: new PassThrough(), env: {}, signal: new AbortController().signal,
    });
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const report = JSON.parse(Buffer.concat(chunks).toString()) as ReportShape;
    const endpoints = report.networks.flatMap((n) => n.endpoints);
    const statuses: Record<string, number> = {};
    for (const e of endpoints) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
    checks.push({ wallMs, cpuMs: (used.user + used.system) / 1000, exitCode, statuses, endpoints: endpoints.length, withHeight: endpoints.filter((e) => e.chain?.height != null).length });
  }
  return { loadWallMs, loadCpuMs: (loadCpu.user + loadCpu.system) / 1000, checks };
});
