// Bench worker: N sequential fresh-connection HTTPS probes of one server by
// one client, in a process of its own; reports this process's CPU time
// (user + system, process.cpuUsage) over the measured probes only, after a
// warm-up (JIT, the SecureContext cache, the first certificate parse).
import { performance } from 'node:perf_hooks';
import { httpJsonNetwork, probeClean, transportOnce } from '../support/vantage-client.ts';
import { rawHttpsGet, rawSecureContext } from '../support/raw-https-client.ts';
import { runWorker } from '../support/worker-ipc.ts';

export type CpuClient = 'vantage-probe' | 'vantage-transport' | 'raw';

export interface ProbeCpuInput {
  readonly client: CpuClient;
  readonly port: number;
  readonly caFile: string;
  readonly warmup: number;
  readonly probes: number;
}

export interface ProbeCpuResult {
  readonly probes: number;
  readonly userUs: number;
  readonly systemUs: number;
  readonly wallMs: number;
}

runWorker<ProbeCpuInput, ProbeCpuResult>(async (input) => {
  const url = `https://127.0.0.1:${input.port}/`;
  let once: () => Promise<unknown>;
  if (input.client === 'raw') {
    const target = { host: '127.0.0.1', port: input.port, path: '/', secureContext: rawSecureContext(input.caFile) };
    once = async () => {
      const response = await rawHttpsGet(target);
      if (response.status !== 200) throw new Error(`raw client: status ${response.status}`);
    };
  } else {
    const network = httpJsonNetwork([url], input.caFile).networks[0]!;
    const endpoint = network.endpoints[0]!;
    once = input.client === 'vantage-probe' ? () => probeClean(network, endpoint) : () => transportOnce(endpoint);
  }
  for (let i = 0; i < input.warmup; i++) await once();
  const cpu = process.cpuUsage();
  const wall = performance.now();
  for (let i = 0; i < input.probes; i++) await once();
  const used = process.cpuUsage(cpu);
  return { probes: input.probes, userUs: used.user, systemUs: used.system, wallMs: performance.now() - wall };
});
