// Profiles the CPU-bench clients (only their measured probes, through the
// inspector) and prints where each one's time goes, per probe, by area and
// by function. Used to explain and fix missed CPU targets:
//
//   node bench/profile.ts [probes=2000] [vantage-probe,raw,vantage-transport,vantage-check]
//
// vantage-check is the CLI path (the CLI's main() on a config of `probes`
// http-json endpoints by host name, one at a time); the raw client then
// connects with that name for SNI and the certificate check.
//
// For .cpuprofile files to open in Chrome DevTools, let every process of the
// run write one: NODE_OPTIONS="--cpu-prof --cpu-prof-dir=/tmp/prof" node bench/profile.ts
// Loopback only; bounded in count.
import type { LoopbackServerReady } from './servers/loopback-server.ts';
import { benchCertificates } from './support/bench-certificates.ts';
import { runInChild, startService } from './support/child-process.ts';
import { writeCheckConfig } from './support/cli-configs.ts';
import { loopbackName } from './support/loopback-name.ts';
import { benchTempDir } from './support/temp-dir.ts';
import { AREAS } from './support/cpu-profile-summary.ts';
import type { CpuClient, ProbeCpuResult } from './workers/probe-cpu.ts';

const probes = Number(process.argv[2] ?? 2000);
const clients = (process.argv[3] ?? 'vantage-probe,raw').split(',') as CpuClient[];

const certs = await benchCertificates();
const host = loopbackName();
const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', { tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs: 0, kind: 'json', hosts: host.listen }, { timeoutMs: 15_000 });
try {
  const port = server.ready.ports[0]!;
  const warmup = 300;
  const check = clients.includes('vantage-check') ? { name: host.name, port, caFile: certs.caFile } : null;
  const dir = check ? benchTempDir('profile') : '';
  const checkConfigs = check ? { warm: writeCheckConfig(dir, warmup, check), measured: writeCheckConfig(dir, probes, check) } : undefined;
  const servername = check && host.name !== 'localhost' ? host.name : undefined;
  if (check) console.log(`vantage-check probes ${host.how}`);
  for (const client of clients) {
    const result = await runInChild<ProbeCpuResult>('workers/probe-cpu.ts', { client, port, caFile: certs.caFile, warmup, probes, profile: true, checkConfigs, servername }, { timeoutMs: 300_000 });
    const profile = result.profile!;
    const perProbe = (ms: number) => `${Math.round((ms * 1000) / probes)} µs`.padStart(8);
    console.log(`\n${client}: ${probes} probes, sampled ${perProbe(profile.busyMs)} busy per probe (profiler overhead included)`);
    for (const area of AREAS) console.log(`  ${area.padEnd(36)} ${perProbe(profile.byArea[area])}`);
    console.log('  top functions (self time per probe):');
    for (const f of profile.topFunctions) console.log(`    ${perProbe(f.ms)}  ${f.name.slice(0, 36).padEnd(36)} ${f.where}`);
  }
} finally {
  await server.stop();
}
