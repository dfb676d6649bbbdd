// Instructions per fresh HTTPS probe, counted by valgrind's callgrind: the
// same clients as part 1, but a count that repeats to within ~2 % whatever
// else the machine is doing (CPU time on a shared machine moves by ±20 %).
// It counts user-space instructions of every thread (JIT compilers and GC
// included), not kernel time, cache misses or stalls: a complement to
// `npm run bench`, not a replacement. Slow (valgrind runs ~50× slower):
// a few minutes.
//
//   node bench/instructions.ts [probes=100] [warmup=50] [--tree DIR]
//
// --tree measures another checkout's src/ (e.g. `git archive <commit>`
// unpacked with a node_modules link) next to this one, for before/after.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { LoopbackServerReady } from './servers/loopback-server.ts';
import { benchCertificates } from './support/bench-certificates.ts';
import { BENCH_DIR, ROOT, startService } from './support/child-process.ts';
import { writeCheckConfig } from './support/cli-configs.ts';
import { loopbackName } from './support/loopback-name.ts';
import { benchTempDir } from './support/temp-dir.ts';
import type { InstructionsInput } from './workers/instructions.ts';

const { values, positionals } = parseArgs({ options: { tree: { type: 'string' } }, allowPositionals: true });
const probes = Number(positionals[0] ?? 100);
const warmup = Number(positionals[1] ?? 50);
if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench/instructions.ts needs valgrind (apt-get install valgrind)');
  process.exit(2);
}

/** Instructions of the measured probes of one client, from callgrind's output file. */
function instructions(input: InstructionsInput, dir: string): Promise<number> {
  const out = join(dir, `callgrind-${input.client}-${Date.now()}.out`);
  const args = ['--tool=callgrind', '--instr-atstart=no', `--callgrind-out-file=${out}`, process.execPath, join(BENCH_DIR, 'workers', 'instructions.ts'), JSON.stringify(input)];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
    child.once('exit', (code) => {
      try {
        const totals = /^totals: (\d+)/m.exec(readFileSync(out, 'utf8'));
        if (code !== 0 || !totals) return reject(new Error(`${input.client} under valgrind exited ${code}:\n${stderr}`));
        resolve(Number(totals[1]));
      } catch (err) {
        reject(new Error(`${input.client}: no callgrind output (${(err as Error).message}):\n${stderr}`));
      } finally {
        rmSync(out, { force: true });
      }
    });
  });
}

const certs = await benchCertificates();
const host = loopbackName();
const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', { tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs: 0, kind: 'json', hosts: host.listen }, { timeoutMs: 15_000 });
try {
  const dir = benchTempDir('instructions');
  const port = server.ready.ports[0]!;
  // Under valgrind a probe takes ~50× longer: generous timeouts, so none is cut short.
  const slow = { defaults: { timeoutMs: 60_000, slowMs: 60_000 } };
  const target = { name: host.name, port, caFile: certs.caFile };
  const configs = { warm: writeCheckConfig(dir, warmup, target, slow), measured: writeCheckConfig(dir, probes, target, slow) };
  const base = { configs, address: host.listen[0]!, name: host.name, port, caFile: certs.caFile, warmup, probes };
  const trees = [ROOT, ...(values.tree ? [values.tree] : [])];
  console.log(`${probes} probes after ${warmup} warm-up probes, endpoints named ${host.how}`);
  const raw = (await instructions({ ...base, client: 'raw', tree: ROOT }, dir)) / probes;
  console.log(`  raw tls.connect + GET (floor)      ${(raw / 1e6).toFixed(2)} M instructions per probe`);
  for (const tree of trees) {
    for (const client of ['vantage-check', 'vantage-probe'] as const) {
      const perProbe = (await instructions({ ...base, client, tree }, dir)) / probes;
      const label = `${client}${tree === ROOT ? '' : ` (${tree})`}`;
      console.log(`  ${label.padEnd(34)} ${(perProbe / 1e6).toFixed(2)} M instructions per probe = ${(perProbe / raw).toFixed(2)}× the floor`);
    }
  }
} finally {
  await server.stop();
}
