// Part 1: CPU time per fresh-connection HTTPS probe. Each contender runs in a
// process of its own, one probe at a time, against the same ECDSA P-256
// server (another process); only the contender's CPU (user + system) over
// the measured probes counts. Rounds alternate the contenders so machine
// drift hits them alike; ratios are taken within a round, then the median.
//   (a) Vantage: a full probeEndpoint of an http-json endpoint (what a user pays for)
//       and, for context, the bare transport (connect + TLS + one request)
//   (b) the raw floor: tls.connect + a hand-written GET (bench/support/raw-https-client.ts)
//   (c) prometheus-blackbox-exporter via /probe, its own process CPU from /proc
import { setTimeout as sleep } from 'node:timers/promises';
import type { LoopbackServerReady } from '../servers/loopback-server.ts';
import type { BenchCertificates } from '../support/bench-certificates.ts';
import { findBlackboxExporter, startBlackboxExporter, type BlackboxExporter } from '../support/blackbox-exporter.ts';
import { runInChild, startService } from '../support/child-process.ts';
import { verdict, type BenchSettings, type PartResult, type Row } from '../support/part-result.ts';
import { AREAS, type ProfileSummary } from '../support/cpu-profile-summary.ts';
import { canReadProcessCpu } from '../support/process-cpu.ts';
import { median, round3 } from '../support/stats.ts';
import { TARGETS } from '../targets.ts';
import type { CpuClient, ProbeCpuResult } from '../workers/probe-cpu.ts';

type Contender = CpuClient | 'blackbox';

const LABELS: Record<Contender, string> = {
  'vantage-probe': '(a) Vantage probeEndpoint (http-json)',
  'vantage-transport': '    Vantage transport only',
  raw: '(b) raw tls.connect + GET (floor)',
  'vantage-check': '    Vantage check (CLI path, in-process)',
  blackbox: '(c) blackbox_exporter /probe',
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
  return { text: `Vantage vs raw — ${text}.`, vantage: v, raw: r };
}

export async function cpuPerProbe(certs: BenchCertificates, settings: BenchSettings): Promise<PartResult> {
  const rounds = settings.quick ? 2 : 5;
  const probes = settings.quick ? 150 : 400;
  const warmup = settings.quick ? 100 : 300;
  const notes: string[] = [];
  const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', {
    tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs: 0, kind: 'json',
  }, { timeoutMs: 15_000 });
  const port = server.ready.ports[0]!;
  const target = `https://127.0.0.1:${port}/`;

  const found = findBlackboxExporter();
  let exporter: BlackboxExporter | null = null;
  if (!found) notes.push('prometheus-blackbox-exporter is not installed (apt-get install prometheus-blackbox-exporter): contender (c) skipped.');
  else if (!canReadProcessCpu()) notes.push('/proc is not readable here: blackbox_exporter CPU cannot be measured, contender (c) skipped.');
  else {
    exporter = await startBlackboxExporter(found.binary, certs.caFile);
    for (let i = 0; i < warmup; i++) await exporter.probe(target);
  }

  const contenders: Contender[] = ['vantage-probe', 'raw', 'vantage-transport', ...(exporter ? ['blackbox' as const] : [])];
  const samples = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  let profile: { text: string; vantage: Record<string, number>; raw: Record<string, number> } | null = null;
  try {
    for (let round = 0; round < rounds; round++) {
      // Rotate the order each round: no contender always runs first or last.
      const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
      for (const contender of order) {
        let usPerProbe: number;
        if (contender === 'blackbox') usPerProbe = await blackboxRound(exporter!, target, probes);
        else {
          const r = await runInChild<ProbeCpuResult>('workers/probe-cpu.ts', { client: contender, port, caFile: certs.caFile, warmup, probes }, { timeoutMs: 120_000 });
          usPerProbe = (r.userUs + r.systemUs) / r.probes;
        }
        samples.get(contender)!.push(usPerProbe);
        await sleep(50);
      }
    }
    // A missed target gets its explanation from a profile of the same
    // clients: where Vantage's extra CPU goes, per probe, against the floor.
    const missed = ratioOf(samples, 'vantage-probe', 'raw') > TARGETS.cpuVsRaw || (exporter !== null && ratioOf(samples, 'vantage-probe', 'blackbox') > TARGETS.cpuVsBlackbox);
    if (missed) {
      // Sampling profiles are noisy on a shared machine: alternate, repeat, take medians per area.
      const profileProbes = settings.quick ? 300 : 600;
      const profileRuns = settings.quick ? 1 : 3;
      const profiles = new Map<CpuClient, ProfileSummary[]>([['vantage-probe', []], ['raw', []]]);
      for (let run = 0; run < profileRuns; run++) {
        for (const client of ['vantage-probe', 'raw'] as const) {
          const r = await runInChild<ProbeCpuResult>('workers/probe-cpu.ts', { client, port, caFile: certs.caFile, warmup, probes: profileProbes, profile: true }, { timeoutMs: 180_000 });
          profiles.get(client)!.push(r.profile!);
        }
      }
      profile = describeProfiles(medianProfile(profiles.get('vantage-probe')!), medianProfile(profiles.get('raw')!), profileProbes);
      notes.push(`Profile (V8 sampling profiler on the measured probes only, median of ${profileRuns} × ${profileProbes} probes per client, µs per probe, profiler overhead included): ${profile.text}`);
    }
  } finally {
    await exporter?.stop();
    await server.stop();
  }

  const vsRaw = ratioOf(samples, 'vantage-probe', 'raw');
  const vsBlackbox = exporter ? ratioOf(samples, 'vantage-probe', 'blackbox') : null;
  const usFmt = (c: Contender) => `${Math.round(median(samples.get(c)!))} µs`;
  const rows: Row[] = contenders.map((c) => ({ measure: `CPU/probe ${LABELS[c]}`, value: usFmt(c) }));
  const node24 = process.versions.node.split('.')[0] === '24';
  if (!node24) notes.push(`The CPU target is defined on Node 24; this run used Node ${process.version}.`);
  rows.push({ measure: 'CPU/probe Vantage ÷ raw floor', value: `${vsRaw.toFixed(2)}×`, target: `≤ ${TARGETS.cpuVsRaw}×`, verdict: verdict(vsRaw <= TARGETS.cpuVsRaw) });
  rows.push(vsBlackbox === null
    ? { measure: 'CPU/probe Vantage ÷ blackbox_exporter', value: 'not installed', target: `≤ ${TARGETS.cpuVsBlackbox}×`, verdict: 'SKIPPED' }
    : { measure: 'CPU/probe Vantage ÷ blackbox_exporter', value: `${vsBlackbox.toFixed(2)}×`, target: `≤ ${TARGETS.cpuVsBlackbox}×`, verdict: verdict(vsBlackbox <= TARGETS.cpuVsBlackbox) });
  if (exporter) {
    const blackboxVsRaw = ratioOf(samples, 'blackbox', 'raw');
    rows.push({ measure: 'CPU/probe blackbox_exporter ÷ raw floor (context)', value: `${blackboxVsRaw.toFixed(2)}×` });
    if (blackboxVsRaw * TARGETS.cpuVsBlackbox < 1) {
      notes.push(`On this machine blackbox_exporter costs ${blackboxVsRaw.toFixed(2)}× the raw floor, so ${TARGETS.cpuVsBlackbox}× blackbox_exporter is ${(blackboxVsRaw * TARGETS.cpuVsBlackbox).toFixed(2)}× the floor: below what a bare tls.connect + GET costs. No client that does more than the floor can meet that target here.`);
    }
  }
  notes.unshift(`${rounds} rounds × ${probes} sequential fresh-connection probes per contender after ${warmup} warm-up probes; medians over rounds, ratios paired within a round.`);
  return {
    id: 'cpu-per-probe',
    title: '1. CPU per HTTPS probe (ECDSA P-256, TLS 1.3, fresh connection)',
    rows,
    notes,
    data: {
      rounds, probesPerRound: probes, warmup, node: process.version,
      blackboxExporter: found?.version ?? null,
      usPerProbe: Object.fromEntries(contenders.map((c) => [c, { median: round3(median(samples.get(c)!)), rounds: samples.get(c)!.map(round3) }])),
      ratioVsRaw: round3(vsRaw),
      ratioVsBlackbox: vsBlackbox === null ? null : round3(vsBlackbox),
      profileUsPerProbe: profile ? { vantage: profile.vantage, raw: profile.raw } : null,
    },
  };
}
