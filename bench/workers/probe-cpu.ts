// Bench worker: N sequential fresh-connection HTTPS probes of one server by
// one client, in a process of its own; reports this process's CPU time
// (user + system, process.cpuUsage) over the measured probes only, after a
// warm-up (JIT, the SecureContext cache, the first certificate parse).
// With `profile`, the measured probes run under V8's sampling profiler and
// the result carries where the time went (the CPU numbers of such a run are
// inflated by the profiler and are not used as measurements).
//
// 'vantage-check' is the CLI path in-process: the CLI's main() running
// `check --config FILE --json` on configs of `warmup` and then `probes`
// http-json endpoints (probe.concurrency 1; support/cli-configs.ts), the
// second measured: config load, resolution, probes, agreement, the report.
// It is what part 1's CLI-path measurement runs, minus process start, so
// that its profile shows where that CPU goes.
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { summarizeProfile, type ProfileSummary } from '../support/cpu-profile-summary.ts';
import { profiled } from '../support/inspector-profile.ts';
import { rawHttpsGet, rawSecureContext } from '../support/raw-https-client.ts';
import { httpJsonNetwork, probeClean, transportOnce } from '../support/vantage-client.ts';
import { runWorker } from '../support/worker-ipc.ts';

export type CpuClient = 'vantage-probe' | 'vantage-transport' | 'raw' | 'vantage-check';

export interface ProbeCpuInput {
  readonly client: CpuClient;
  readonly port: number;
  readonly caFile: string;
  /** For 'vantage-check': config files of `warmup` and of `probes` endpoints. */
  readonly checkConfigs?: { readonly warm: string; readonly measured: string };
  /** Name for SNI, the certificate check and Host (the raw client connects to 127.0.0.1). */
  readonly servername?: string;
  readonly warmup: number;
  readonly probes: number;
  readonly profile?: boolean;
}

export interface ProbeCpuResult {
  readonly probes: number;
  readonly userUs: number;
  readonly systemUs: number;
  readonly wallMs: number;
  readonly profile: ProfileSummary | null;
}

async function check(configFile: string, endpoints: number): Promise<void> {
  const { main } = await import('../../src/cli/main.ts');
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  await main(['check', '--config', configFile, '--json'], { stdout, stderr: new PassThrough(), env: {}, signal: new AbortController().signal });
  const report = JSON.parse(Buffer.concat(chunks).toString()) as { networks: Array<{ endpoints: Array<{ status: string }> }> };
  const up = report.networks.flatMap((n) => n.endpoints).filter((e) => e.status === 'up').length;
  if (up !== endpoints) throw new Error(`vantage check: ${up} of ${endpoints} endpoints up`);
}

function client(input: ProbeCpuInput): () => Promise<unknown> {
  if (input.client === 'raw') {
    const target = { host: '127.0.0.1', servername: input.servername, port: input.port, path: '/', secureContext: rawSecureContext(input.caFile) };
    return async () => {
      const response = await rawHttpsGet(target);
      if (response.status !== 200) throw new Error(`raw client: status ${response.status}`);
    };
  }
  const network = httpJsonNetwork([`https://127.0.0.1:${input.port}/`], input.caFile).networks[0]!;
  const endpoint = network.endpoints[0]!;
  return input.client === 'vantage-probe' ? () => probeClean(network, endpoint) : () => transportOnce(endpoint);
}

runWorker<ProbeCpuInput, ProbeCpuResult>(async (input) => {
  const configs = input.checkConfigs;
  const once = input.client === 'vantage-check' ? null : client(input);
  if (once) for (let i = 0; i < input.warmup; i++) await once();
  else await check(configs!.warm, input.warmup);
  const measured = async () => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    if (once) for (let i = 0; i < input.probes; i++) await once();
    else await check(configs!.measured, input.probes);
    return { cpu: process.cpuUsage(cpu), wallMs: performance.now() - wall };
  };
  if (input.profile) {
    const { result, profile } = await profiled(measured);
    return { probes: input.probes, userUs: result.cpu.user, systemUs: result.cpu.system, wallMs: result.wallMs, profile: summarizeProfile(profile, 25) };
  }
  const { cpu, wallMs } = await measured();
  return { probes: input.probes, userUs: cpu.user, systemUs: cpu.system, wallMs, profile: null };
});
