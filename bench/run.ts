// `npm run bench`: how Vantage compares to the floor (a raw Node client) and
// to the tool users would otherwise pick (blackbox_exporter), in one run on
// one machine. All traffic stays on 127.0.0.1; every part is bounded in
// count and time. Prints a table with PASS / FALLS SHORT per target and
// writes bench/results/latest.json. Not part of `npm test`.
//
//   npm run bench                     all parts
//   npm run bench -- --quick          fewer samples (smoke run)
//   npm run bench -- --only cpu,ttfb  some parts: cpu, ttfb, scale, round, publish, cold, detection, fleet
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cpuPerProbe } from './parts/cpu-per-probe.ts';
import { coldStart } from './parts/cold-start.ts';
import { detection } from './parts/detection.ts';
import { fleetSynth } from './parts/fleet-synth.ts';
import { fullRound } from './parts/full-round.ts';
import { publishPath } from './parts/publish-path.ts';
import { scale } from './parts/scale.ts';
import { timingAccuracy } from './parts/timing-accuracy.ts';
import { describeMachine, formatTable, writeResults } from './report.ts';
import { benchCertificates } from './support/bench-certificates.ts';
import type { BenchSettings, PartResult } from './support/part-result.ts';

const PARTS: Record<string, (settings: BenchSettings, shared: Shared) => Promise<PartResult>> = {
  cpu: (settings, shared) => cpuPerProbe(shared.certs, settings),
  ttfb: (settings, shared) => timingAccuracy(shared.certs, settings),
  scale: (settings, shared) => scale(shared.certs, settings),
  round: (settings, shared) => fullRound(shared.certs, settings),
  publish: (settings) => publishPath(settings),
  cold: (settings) => coldStart(settings),
  detection: (settings) => detection(settings),
  fleet: (settings) => fleetSynth(settings),
};

interface Shared {
  readonly certs: Awaited<ReturnType<typeof benchCertificates>>;
}

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } }, strict: true });
const selected = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(PARTS);
const unknown = selected.filter((s) => !(s in PARTS));
if (unknown.length > 0) {
  console.error(`bench: unknown part ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);
  process.exit(2);
}

const startedAt = new Date();
const loadAtStart = Math.round(loadavg()[0]! * 100) / 100;
const started = performance.now();
const settings: BenchSettings = { quick: values.quick };
const shared: Shared = { certs: await benchCertificates() };
const results: PartResult[] = [];
for (const name of selected) {
  const partStarted = performance.now();
  console.error(`bench: ${name} …`);
  try {
    results.push(await PARTS[name]!(settings, shared));
    console.error(`bench: ${name} done in ${((performance.now() - partStarted) / 1000).toFixed(1)} s`);
  } catch (err) {
    console.error(`bench: ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    results.push({
      id: name, title: `${name}: could not run`, rows: [{ measure: 'error', value: (err instanceof Error ? err.message : String(err)).split('\n')[0]!, verdict: 'FALLS SHORT' }],
      data: { error: err instanceof Error ? err.message : String(err) }, notes: [],
    });
  }
}
const machine = describeMachine(loadAtStart);
const file = writeResults(results, machine, startedAt, performance.now() - started);

console.log(`\nVantage bench — ${startedAt.toISOString()} — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage.start} → ${machine.loadAverage.end}\n`);
console.log(formatTable(results));
for (const part of results) {
  if (part.notes.length === 0) continue;
  console.log(`\n${part.title}`);
  for (const note of part.notes) console.log(`  - ${note}`);
}
console.log(`\nresults: ${file}`);
