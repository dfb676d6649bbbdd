// Part 2: does the TTFB Vantage reports tell the truth? A server (its own
// process) holds every response 50 ms and reports how long it really held
// it. Vantage and the raw client probe it alternately on fresh connections.
//   error vs injected delay = (TTFB − the client's own DNS+TCP+TLS time) − the server's hold
//   Vantage − raw           = Vantage TTFB − raw TTFB, adjacent probes paired
// The same at 0 ms, for context: what the machine adds when nobody sleeps.
import type { LoopbackServerReady } from '../servers/loopback-server.ts';
import type { BenchCertificates } from '../support/bench-certificates.ts';
import { runInChild, startService } from '../support/child-process.ts';
import { verdict, type BenchSettings, type PartResult, type Row } from '../support/part-result.ts';
import { mean, quantile, round3 } from '../support/stats.ts';
import { TARGETS } from '../targets.ts';
import type { TtfbInput, TtfbResult, TtfbSample } from '../workers/ttfb.ts';

/** The injected first-byte delay; the target applies here. */
export const INJECTED_DELAY_MS = 50;

interface Summary {
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
}

const summary = (values: number[]): Summary => ({ mean: round3(mean(values)), p50: round3(quantile(values, 0.5)), p99: round3(quantile(values, 0.99)) });
const fmt = (s: Summary) => `${s.mean.toFixed(3)} / ${s.p99.toFixed(3)} ms`;
const errorVsHeld = (s: TtfbSample) => s.ttfbMs - s.handshakeMs - s.heldMs;

interface DelayResult {
  readonly delayMs: number;
  readonly pairs: number;
  readonly vantage: Summary;
  readonly raw: Summary;
  readonly vantageMinusRaw: Summary;
  readonly serverTimerLateness: Summary;
  readonly errorVsNominal: { readonly vantage: Summary; readonly raw: Summary };
  readonly ttfb: { readonly vantage: Summary; readonly raw: Summary };
}

async function measureAt(certs: BenchCertificates, delayMs: number, pairs: number): Promise<DelayResult> {
  const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', {
    tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs, kind: 'json',
  }, { timeoutMs: 15_000 });
  let result: TtfbResult;
  try {
    const input: TtfbInput = { port: server.ready.ports[0]!, caFile: certs.caFile, pairs, warmup: 20 };
    result = await runInChild<TtfbResult>('workers/ttfb.ts', input, { timeoutMs: 180_000 });
  } finally {
    await server.stop();
  }
  const errorVsNominal = (s: TtfbSample) => s.ttfbMs - s.handshakeMs - delayMs;
  return {
    delayMs,
    pairs,
    vantage: summary(result.vantage.map(errorVsHeld)),
    raw: summary(result.raw.map(errorVsHeld)),
    vantageMinusRaw: summary(result.vantage.map((v, i) => v.ttfbMs - result.raw[i]!.ttfbMs)),
    serverTimerLateness: summary(result.vantage.map((s) => s.heldMs - delayMs)),
    errorVsNominal: { vantage: summary(result.vantage.map(errorVsNominal)), raw: summary(result.raw.map(errorVsNominal)) },
    ttfb: { vantage: summary(result.vantage.map((s) => s.ttfbMs)), raw: summary(result.raw.map((s) => s.ttfbMs)) },
  };
}

export interface TimingOptions {
  /** Server delays; the first is judged against the target, the others are context. */
  readonly delaysMs?: readonly number[];
  readonly pairs?: number;
}

export async function timingAccuracy(certs: BenchCertificates, settings: BenchSettings, options: TimingOptions = {}): Promise<PartResult> {
  const pairs = options.pairs ?? (settings.quick ? 40 : 150);
  const delays = options.delaysMs ?? [INJECTED_DELAY_MS, 0];
  const results: DelayResult[] = [];
  for (const delayMs of delays) results.push(await measureAt(certs, delayMs, pairs));
  const [judged, ...context] = results as [DelayResult, ...DelayResult[]];
  const rows: Row[] = [
    { measure: `error vs injected ${judged.delayMs} ms, Vantage (mean / p99)`, value: fmt(judged.vantage) },
    { measure: `error vs injected ${judged.delayMs} ms, raw client (mean / p99)`, value: fmt(judged.raw) },
    { measure: 'TTFB Vantage − raw client (mean / p99)', value: fmt(judged.vantageMinusRaw), target: `mean ≤ ${TARGETS.ttfbVsRawMeanMs} ms`, verdict: verdict(judged.vantageMinusRaw.mean <= TARGETS.ttfbVsRawMeanMs) },
  ];
  for (const c of context) {
    rows.push({ measure: `at ${c.delayMs} ms: error Vantage / raw (mean)`, value: `${c.vantage.mean.toFixed(3)} / ${c.raw.mean.toFixed(3)} ms` });
  }
  const wakeUp = context.find((c) => c.delayMs === 0);
  return {
    id: 'timing-accuracy',
    title: `2. TTFB accuracy (server holds each response ${judged.delayMs} ms)`,
    rows,
    notes: [
      `${pairs} alternating pairs of fresh-connection HTTPS probes per delay. "Injected delay" is the hold the server measured itself (its ${judged.delayMs} ms timer fired ${judged.serverTimerLateness.mean.toFixed(3)} ms late on average, p99 ${judged.serverTimerLateness.p99.toFixed(3)} ms: the server's error, not the clients'). Error = TTFB − the client's own DNS+TCP+TLS time − that hold: the time the client, the loopback path and the server's own parsing and writing add to the wait phase. The raw client's error is the floor of that on this machine.`,
      ...(wakeUp
        ? [`Both clients' error grows from ${wakeUp.raw.mean.toFixed(3)} ms (raw, 0 ms delay) to ${judged.raw.mean.toFixed(3)} ms (raw, ${judged.delayMs} ms delay): while the server waits, both processes sleep, and waking an idle vCPU on a packet costs time on this VM. Vantage's own share is the difference between its row and the raw client's: the work between the TLS handshake and the request write (certificate facts, the HTTP session, the adapter's request).`]
        : []),
    ],
    data: Object.fromEntries(results.map((r) => [`delay${r.delayMs}ms`, r])),
  };
}
