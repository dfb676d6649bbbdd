// Bench worker: N sequential fresh-connection HTTPS probes of one server by
// one client, in a process of its own; reports this process's CPU time
// (user + system, process.cpuUsage) over the measured probes only, after a
// warm-up (JIT, the SecureContext cache, the first certificate parse).
// With `profile`, the measured probes run under V8's sampling profiler and
// the result carries where the time went (the CPU numbers of such a run are
// inflated by the profiler and are not used as measurements).
import { performance } from 'node:perf_hooks';
import { summarizeProfile, type ProfileSummary } from '../support/cpu-profile-summary.ts';
import { profiled } from '../support/inspector-profile.ts';
import { rawHttpsGet, rawSecureContext } from '../support/raw-https-client.ts';
import { httpJsonNetwork, probeClean, transportOnce } from '../support/vantage-client.ts';
import { runWorker } from '../support/worker-ipc.ts';

export type CpuClient = 'vantage-probe' | 'vantage-transport' | 'raw';

export interface ProbeCpuInput {
  readonly client: CpuClient;
  readonly port: number;
  readonly caFile: string;
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

function client(input: ProbeCpuInput): () => Promise<unknown> {
  if (input.client === 'raw') {
    const target = { host: '127.0.0.1', port: input.port, path: '/', secureContext: rawSecureContext(input.caFile) };
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
  const once = client(input);
  for (let i = 0; i < input.warmup; i++) await once();
  const measured = async () => {
    const cpu = process.cpuUsage();
    const wall = performance.now();
    for (let i = 0; i < input.probes; i++) await once();
    return { cpu: process.cpuUsage(cpu), wallMs: performance.now() - wall };
  };
  if (input.profile) {
    const { result, profile } = await profiled(measured);
    return { probes: input.probes, userUs: result.cpu.user, systemUs: result.cpu.system, wallMs: result.wallMs, profile: summarizeProfile(profile, 25) };
  }
  const { cpu, wallMs } = await measured();
  return { probes: input.probes, userUs: cpu.user, systemUs: cpu.system, wallMs, profile: null };
});
