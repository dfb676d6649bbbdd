// Run under `valgrind --tool=callgrind --instr-atstart=no` by
// bench/instructions.ts: warms one client up, switches callgrind's
// instrumentation on (callgrind_control), runs the measured probes, switches
// it off. The instruction count of exactly those probes is then in
// callgrind's output file: a measure that does not move with other work on
// the machine, unlike CPU time.
//   vantage-check  the CLI's main() running `check --config FILE --json` on
//                  configs of `warmup`, then `probes` endpoints (the CLI path
//                  without process start)
//   vantage-probe  probeEndpoint of one http-json endpoint, `probes` times
//   raw            the raw floor (support/raw-https-client.ts)
// `tree` is the checkout whose src/ is measured (another one for before/after).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { rawHttpsGet, rawSecureContext } from '../support/raw-https-client.ts';
import { workerInput } from '../support/worker-ipc.ts';

export interface InstructionsInput {
  readonly client: 'vantage-check' | 'vantage-probe' | 'raw';
  readonly tree: string;
  readonly configs: { readonly warm: string; readonly measured: string };
  /** The address the raw client connects to, and the name it checks. */
  readonly address: string;
  readonly name: string;
  readonly port: number;
  readonly caFile: string;
  readonly warmup: number;
  readonly probes: number;
}

const input = workerInput<InstructionsInput>();
const callgrind = (...args: string[]) => promisify(execFile)('callgrind_control', [...args, String(process.pid)]);

type Run = (stage: 'warm' | 'measured') => Promise<void>;

async function client(): Promise<Run> {
  if (input.client === 'raw') {
    const target = { host: input.address, servername: input.name === 'localhost' ? undefined : input.name, port: input.port, path: '/', secureContext: rawSecureContext(input.caFile) };
    return async (stage) => {
      for (let i = 0; i < (stage === 'warm' ? input.warmup : input.probes); i++) {
        if ((await rawHttpsGet(target)).status !== 200) throw new Error('raw client: not 200');
      }
    };
  }
  const { main } = (await import(join(input.tree, 'src/cli/main.ts'))) as typeof import('../../src/cli/main.ts');
  const check = async (config: string) => {
    const stdout = new PassThrough();
    const chunks: Buffer[] = [];
    stdout.on('data', (c: Buffer) => chunks.push(c));
    await main(['check', '--config', config, '--json'], { stdout, stderr: new PassThrough(), env: {}, signal: new AbortController().signal });
    const report = JSON.parse(Buffer.concat(chunks).toString()) as { status: string };
    if (report.status !== 'up') throw new Error(`vantage check of ${config}: ${report.status}`);
  };
  if (input.client === 'vantage-check') return (stage) => check(input.configs[stage]);
  const { prepareConfig } = (await import(join(input.tree, 'src/config/index.ts'))) as typeof import('../../src/config/index.ts');
  const { probeEndpoint } = (await import(join(input.tree, 'src/engine/probe-endpoint.ts'))) as typeof import('../../src/engine/probe-endpoint.ts');
  const { config } = await prepareConfig(input.configs.warm);
  const network = config.networks[0]!;
  return async (stage) => {
    for (let i = 0; i < (stage === 'warm' ? input.warmup : input.probes); i++) {
      const probe = await probeEndpoint(network, network.endpoints[0]!);
      if (probe.reasons.length > 0) throw new Error(`probe: ${probe.reasons[0]!.message}`);
    }
  };
}

const run = await client();
await run('warm');
await callgrind('--instr=on');
await run('measured');
await callgrind('--instr=off');
