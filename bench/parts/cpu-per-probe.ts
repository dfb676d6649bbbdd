// Part 1: CPU time per fresh-connection HTTPS probe, against the same ECDSA
// P-256 server (another process); only the contender's CPU (user + system)
// counts.
//
// Judged: the CLI path (parts/cli-cpu.ts): `node bin/vantage.js check` of
// N+W endpoints minus a check of W, against the raw floor measured the same
// way (a process doing N+W raw probes minus one doing W). Endpoints are
// named by a host name that resolves from the hosts file (or localhost), so
// resolution runs as it does for a user's endpoints.
//
// Reported, for context and for the profile: in-process measurements, each
// contender in a process of its own, one probe at a time after a warm-up,
// rounds alternating the contenders; ratios within a round, then the median.
//   (a) Vantage: a full probeEndpoint of an http-json endpoint, and the bare transport
//   (b) the raw floor: tls.connect + a hand-written GET (bench/support/raw-https-client.ts)
//   (c) prometheus-blackbox-exporter via /probe, its own process CPU from /proc
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoopbackServerReady } from '../servers/loopback-server.ts';
import type { BenchCertificates } from '../support/bench-certificates.ts';
import { findBlackboxExporter, startBlackboxExporter, type BlackboxExporter } from '../support/blackbox-exporter.ts';
import { runInChild, startService } from '../support/child-process.ts';
import { writeCheckConfig } from '../support/cli-configs.ts';
import { loopbackName } from '../support/loopback-name.ts';
import { verdict, type BenchSettings, type PartResult, type Row } from '../support/part-result.ts';
import { AREAS, type ProfileSummary } from '../support/cpu-profile-summary.ts';
import { canReadProcessCpu } from '../support/process-cpu.ts';
import { median, round3 } from '../support/stats.ts';
import { benchTempDir } from '../support/temp-dir.ts';
import { TARGETS } from '../targets.ts';
import type { CpuClient, ProbeCpuResult } from '../workers/probe-cpu.ts';
import { cliCpu, fromMinima, spreadPercent, type CliCpuResult } from './cli-cpu.ts';

type Contender = Exclude<CpuClient, 'vantage-check'> | 'blackbox';

const LABELS: Record<Contender, string> = {
  'vantage-probe': 'in-process: (a) Vantage probeEndpoint (http-json)',
  'vantage-transport': 'in-process:     Vantage transport only',
  raw: 'in-process: (b) raw tls.connect + GET (floor)',
  blackbox: 'in-process: (c) blackbox_exporter /probe',
};

async function blackboxRound(exporter: BlackboxExporter, target: string, probes: number): Promise<number> {
  const before = exporter.cpuUs();
  for (let i = 0; i < probes; i++) {
    if (!(await exporter.probe(target))) throw new Error('blackbox_exporter reported probe_success 0 against the bench server');
  }
  const after = exporter.cpuUs();
  return (after.userUs + after.systemUs - before.userUs - before.systemUs) / probes;
}

/** Median over rounds of a ÷ b, paired within each round. */
function ratioOf(samples: ReadonlyMap<Contender, number[]>, a: Contender, b: Contender): number {
  return median(samples.get(a)!.map((v, i) => v / samples.get(b)![i]!));
}

/** Per-area medians of several profiles of one client. */
function medianProfile(runs: readonly ProfileSummary[]): ProfileSummary {
  const byArea = Object.fromEntries(AREAS.map((a) => [a, median(runs.map((r) => r.byArea[a]))])) as ProfileSummary['byArea'];
  return { busyMs: median(runs.map((r) => r.busyMs)), byArea, topFunctions: runs[0]?.topFunctions ?? [] };
}

function describeProfiles(vantage: ProfileSummary, raw: ProfileSummary, probes: number) {
  const perProbe = (ms: number) => Math.round((ms * 1000) / probes);
  const table = (p: ProfileSummary) => Object.fromEntries([...AREAS.map((a) => [a, perProbe(p.byArea[a])]), ['total', perProbe(p.busyMs)]]);
  const v = table(vantage);
  const r = table(raw);
  const text = [...AREAS, 'total'].map((a) => `${a} ${v[a]} vs ${r[a]} (${v[a]! - r[a]! >= 0 ? '+' : ''}${v[a]! - r[a]!})`).join('; ');
  const top = vantage.topFunctions.slice(0, 8).map((f) => `${f.name} ${Math.round((f.ms * 1000) / probes)}`).join(', ');
  return { text: `Vantage check vs raw — ${text}. Vantage's top functions (self µs per probe): ${top}.`, vantage: v, raw: r };
}

interface Setup {
  readonly certs: BenchCertificates;
  readonly port: number;
  readonly host: ReturnType<typeof loopbackName>;
  readonly settings: BenchSettings;
}

/** In-process CPU of each contender, rotating order over rounds. */
async function inProcess(setup: Setup, exporter: BlackboxExporter | null): Promise<Map<Contender, number[]>> {
  const { settings, port, certs } = setup;
  const rounds = settings.quick ? 2 : 5;
  const probes = settings.quick ? 150 : 400;
  const warmup = settings.quick ? 100 : 300;
  const contenders: Contender[] = ['vantage-probe', 'raw', 'vantage-transport', ...(exporter ? ['blackbox' as const] : [])];
  const samples = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  for (let round = 0; round < rounds; round++) {
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const contender of order) {
      let usPerProbe: number;
      if (contender === 'blackbox') usPerProbe = await blackboxRound(exporter!, `https://127.0.0.1:${port}/`, probes);
      else {
        const r = await runInChild<ProbeCpuResult>('workers/probe-cpu.ts', { client: contender, port, caFile: certs.caFile, warmup, probes }, { timeoutMs: 120_000 });
        usPerProbe = (r.userUs + r.systemUs) / r.probes;
      }
      samples.get(contender)!.push(usPerProbe);
      await sleep(50);
    }
  }
  return samples;
}

/** Where the CLI path's CPU goes: the same work in-process (the CLI's main()), profiled against the raw client. */
async function profileCliPath(setup: Setup): Promise<ReturnType<typeof describeProfiles>> {
  const { settings, port, certs, host } = setup;
  const probes = settings.quick ? 300 : 600;
  const warmup = 200;
  const runs = settings.quick ? 1 : 3;
  const dir = benchTempDir('cpu-profile');
  const target = { name: host.name, port, caFile: certs.caFile };
  const checkConfigs = { warm: writeCheckConfig(dir, warmup, target), measured: writeCheckConfig(dir, probes, target) };
  const servername = host.name === 'localhost' ? undefined : host.name;
  const profiles = new Map<CpuClient, ProfileSummary[]>([['vantage-check', []], ['raw', []]]);
  // Sampling profiles are noisy on a shared machine: alternate, repeat, take medians per area.
  for (let run = 0; run < runs; run++) {
    for (const client of ['vantage-check', 'raw'] as const) {
      const r = await runInChild<ProbeCpuResult>('workers/probe-cpu.ts', { client, port, caFile: certs.caFile, warmup, probes, profile: true, checkConfigs, servername }, { timeoutMs: 180_000 });
      profiles.get(client)!.push(r.profile!);
    }
  }
  return describeProfiles(medianProfile(profiles.get('vantage-check')!), medianProfile(profiles.get('raw')!), probes);
}

function cliRows(cli: CliCpuResult, measured: number): Row[] {
  const ratio = median(cli.ratios);
  const minima = fromMinima(cli, measured);
  return [
    { measure: `CLI path: vantage check, CPU per probe (N+W − W, N = ${measured})`, value: `${Math.round(median(cli.vantageUs))} µs` },
    { measure: 'CLI path: raw floor, the same way (a process of raw probes)', value: `${Math.round(median(cli.rawUs))} µs` },
    { measure: 'CLI path: Vantage ÷ raw floor (median of rounds)', value: `${ratio.toFixed(2)}×`, target: `≤ ${TARGETS.cliCpuVsRaw}×`, verdict: verdict(ratio <= TARGETS.cliCpuVsRaw) },
    { measure: 'CLI path: the same from each kind\'s least-disturbed run (cross-check)', value: `${Math.round(minima.vantageUs)} / ${Math.round(minima.rawUs)} µs = ${minima.ratio.toFixed(2)}×` },
  ];
}

export async function cpuPerProbe(certs: BenchCertificates, settings: BenchSettings): Promise<PartResult> {
  const notes: string[] = [];
  const host = loopbackName();
  const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', {
    tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs: 0, kind: 'json', hosts: host.listen,
  }, { timeoutMs: 15_000 });
  const port = server.ready.ports[0]!;
  const setup: Setup = { certs, port, host, settings };

  const found = findBlackboxExporter();
  let exporter: BlackboxExporter | null = null;
  if (!found) notes.push('prometheus-blackbox-exporter is not installed (apt-get install prometheus-blackbox-exporter): contender (c) skipped.');
  else if (!canReadProcessCpu()) notes.push('/proc is not readable here: blackbox_exporter CPU cannot be measured, contender (c) skipped.');
  else {
    exporter = await startBlackboxExporter(found.binary, certs.caFile);
    for (let i = 0; i < (settings.quick ? 100 : 300); i++) await exporter.probe(`https://127.0.0.1:${port}/`);
  }

  // N large against W: the processes' start-up CPU varies by ±20 % on a shared
  // machine, and only a long measured stretch keeps that out of the difference.
  const measured = settings.quick ? 300 : 1000;
  const warm = settings.quick ? 50 : 100;
  const cliRounds = settings.quick ? 3 : 9;
  let cli: CliCpuResult;
  let samples: Map<Contender, number[]>;
  let profile: ReturnType<typeof describeProfiles> | null = null;
  try {
    cli = await cliCpu({ port, caFile: certs.caFile, host, measured, warm, rounds: cliRounds }, () => sleep(50));
    samples = await inProcess(setup, exporter);
    // A missed target explains itself: where the CLI path's CPU goes, per probe, against the floor.
    if (median(cli.ratios) > TARGETS.cliCpuVsRaw) {
      profile = await profileCliPath(setup);
      notes.push(`Profile of the CLI path's work in-process (V8 sampling profiler on the measured check only, median of ${settings.quick ? 1 : 3} runs, µs per probe, profiler overhead included): ${profile.text}`);
    }
  } finally {
    await exporter?.stop();
    await server.stop();
  }

  const vsRaw = ratioOf(samples, 'vantage-probe', 'raw');
  const usFmt = (c: Contender) => `${Math.round(median(samples.get(c)!))} µs`;
  const rows: Row[] = cliRows(cli, measured);
  rows.push(...[...samples.keys()].map((c) => ({ measure: `CPU/probe ${LABELS[c]}`, value: usFmt(c) })));
  rows.push({ measure: 'in-process: Vantage ÷ raw floor (context)', value: `${vsRaw.toFixed(2)}×` });
  if (exporter) {
    rows.push({ measure: 'in-process: Vantage ÷ blackbox_exporter (reported)', value: `${ratioOf(samples, 'vantage-probe', 'blackbox').toFixed(2)}×` });
    rows.push({ measure: 'in-process: blackbox_exporter ÷ raw floor (context)', value: `${ratioOf(samples, 'blackbox', 'raw').toFixed(2)}×` });
  }
  const node24 = process.versions.node.split('.')[0] === '24';
  if (!node24) notes.push(`The CPU target is defined on Node 24; this run used Node ${process.version}.`);
  notes.unshift(
    `CLI path: ${cliRounds} rounds, each running \`node bin/vantage.js check --config FILE --json\` on a JSON config of ${measured + warm} and of ${warm} http-json endpoints (probe.concurrency 1, each endpoint its own URL on the bench server) and the raw floor as a process doing ${measured + warm} and ${warm} probes, in rotating order; CPU is each process's own user + system time (all threads), read at its exit; per probe = (N+W − W) ÷ N, ratio within a round, median over rounds (per-round ratios ${cli.ratios.map((r) => r.toFixed(2)).join(', ')}: ±${spreadPercent(cli.ratios).toFixed(0)} %). Endpoints are named ${host.how}; the raw client connects to that address with the name for SNI and the certificate check, and resolves nothing. Config load per endpoint is part of the difference (parsing, validation, defaults); start-up and the first W probes are not.`,
    `In-process: ${settings.quick ? 2 : 5} rounds × ${settings.quick ? 150 : 400} sequential fresh-connection probes per contender after a warm-up; medians over rounds, ratios paired within a round.`,
  );
  return {
    id: 'cpu-per-probe',
    title: '1. CPU per HTTPS probe (ECDSA P-256, TLS 1.3, fresh connection)',
    rows,
    notes,
    data: {
      node: process.version,
      host: { name: host.name, listen: host.listen },
      cliPath: {
        measured, warm, rounds: cliRounds,
        vantageUsPerProbe: { median: round3(median(cli.vantageUs)), rounds: cli.vantageUs.map(round3) },
        rawUsPerProbe: { median: round3(median(cli.rawUs)), rounds: cli.rawUs.map(round3) },
        ratio: { median: round3(median(cli.ratios)), rounds: cli.ratios.map(round3) },
        fromMinima: Object.fromEntries(Object.entries(fromMinima(cli, measured)).map(([k, v]) => [k, round3(v)])),
        processCpuUs: cli.runs,
      },
      inProcess: {
        usPerProbe: Object.fromEntries([...samples.entries()].map(([c, v]) => [c, { median: round3(median(v)), rounds: v.map(round3) }])),
        ratioVsRaw: round3(vsRaw),
        ratioVsBlackbox: exporter ? round3(ratioOf(samples, 'vantage-probe', 'blackbox')) : null,
      },
      blackboxExporter: found?.version ?? null,
      profileUsPerProbe: profile ? { vantageCheck: profile.vantage, raw: profile.raw } : null,
    },
  };
}
