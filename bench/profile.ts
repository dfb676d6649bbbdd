// Profiles one CPU-bench client with node --cpu-prof and prints where its
// time goes (by area and by function). Used to explain and fix missed CPU
// targets:
//
//   node bench/profile.ts [vantage-probe|vantage-transport|raw] [probes=2000]
//
// Loopback only; bounded in count. Profiles land in bench/results/profiles/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchCertificates } from './support/bench-certificates.ts';
import { BENCH_DIR, runInChild, startService } from './support/child-process.ts';
import { summarizeProfile } from './support/cpu-profile-summary.ts';
import type { LoopbackServerReady } from './servers/loopback-server.ts';
import type { CpuClient, ProbeCpuResult } from './workers/probe-cpu.ts';

const client = (process.argv[2] ?? 'vantage-probe') as CpuClient;
const probes = Number(process.argv[3] ?? 2000);
const INCLUSIVE = ['checkServerIdentity', 'getPeerCertificate', 'openConnection', 'handshake', 'request', 'probeEndpoint', 'Client', 'connect', 'destroy', 'close'];

const dir = join(BENCH_DIR, 'results', 'profiles', client);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const certs = await benchCertificates();
const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', { tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs: 0, kind: 'json' }, { timeoutMs: 15_000 });
try {
  const result = await runInChild<ProbeCpuResult>('workers/probe-cpu.ts', { client, port: server.ready.ports[0]!, caFile: certs.caFile, warmup: 200, probes }, {
    timeoutMs: 180_000,
    execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100'],
  });
  console.log(`${client}: ${((result.userUs + result.systemUs) / result.probes).toFixed(0)} µs CPU per probe (user ${(result.userUs / result.probes).toFixed(0)}, system ${(result.systemUs / result.probes).toFixed(0)}), profiled`);
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  const summary = summarizeProfile(join(dir, file), INCLUSIVE, 25);
  console.log(`\nsampled busy time ${summary.busyMs} ms (includes the warm-up and module loading)\n\nby area:`);
  for (const a of summary.byArea) console.log(`  ${a.area.padEnd(26)} ${String(a.ms).padStart(6)} ms  ${a.share.toFixed(1).padStart(5)} %`);
  console.log('\ninclusive:');
  for (const f of summary.inclusive) console.log(`  ${f.name.padEnd(26)} ${String(f.ms).padStart(6)} ms  ${f.share.toFixed(1).padStart(5)} %`);
  console.log('\ntop self time:');
  for (const f of summary.topFunctions) console.log(`  ${f.share.toFixed(1).padStart(5)} %  ${f.name.slice(0, 40).padEnd(40)} ${f.where}`);
  console.log(`\nprofile: ${join(dir, file)}`);
} finally {
  await server.stop();
}
