// Part 2: does the TTFB Vantage reports tell the truth? A server (its own
// process) holds every response 50 ms and reports how long it really held
// it. Vantage and the raw client probe it alternately on fresh connections.
//   error vs injected delay = (TTFB − the client's own DNS+TCP+TLS time) − the server's hold
//   Vantage vs raw          = Vantage TTFB − raw TTFB, adjacent probes paired
import type { LoopbackServerReady } from '../servers/loopback-server.ts';
import type { BenchCertificates } from '../support/bench-certificates.ts';
import { runInChild, startService } from '../support/child-process.ts';
import { verdict, type BenchSettings, type PartResult } from '../support/part-result.ts';
import { mean, quantile, round3 } from '../support/stats.ts';
import { TARGETS } from '../targets.ts';
import type { TtfbInput, TtfbResult, TtfbSample } from '../workers/ttfb.ts';

export const INJECTED_DELAY_MS = 50;

const errorVsHeld = (s: TtfbSample) => s.ttfbMs - s.handshakeMs - s.heldMs;
const errorVsNominal = (s: TtfbSample) => s.ttfbMs - s.handshakeMs - INJECTED_DELAY_MS;
const summary = (values: number[]) => ({ mean: round3(mean(values)), p50: round3(quantile(values, 0.5)), p99: round3(quantile(values, 0.99)) });
const fmt = (s: { mean: number; p99: number }) => `${s.mean.toFixed(3)} / ${s.p99.toFixed(3)} ms`;

export async function timingAccuracy(certs: BenchCertificates, settings: BenchSettings): Promise<PartResult> {
  const pairs = settings.quick ? 40 : 150;
  const server = await startService<LoopbackServerReady>('servers/loopback-server.ts', {
    tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: 1, delayMs: INJECTED_DELAY_MS, kind: 'json',
  }, { timeoutMs: 15_000 });
  let result: TtfbResult;
  try {
    const input: TtfbInput = { port: server.ready.ports[0]!, caFile: certs.caFile, pairs, warmup: 20 };
    result = await runInChild<TtfbResult>('workers/ttfb.ts', input, { timeoutMs: 120_000 });
  } finally {
    await server.stop();
  }
  const vantage = summary(result.vantage.map(errorVsHeld));
  const raw = summary(result.raw.map(errorVsHeld));
  const vsRaw = summary(result.vantage.map((v, i) => v.ttfbMs - result.raw[i]!.ttfbMs));
  const held = summary(result.vantage.map((s) => s.heldMs - INJECTED_DELAY_MS));
  return {
    id: 'timing-accuracy',
    title: `2. TTFB accuracy (server holds each response ${INJECTED_DELAY_MS} ms)`,
    rows: [
      { measure: 'TTFB error vs injected delay, Vantage (mean / p99)', value: fmt(vantage), target: `mean ≤ ${TARGETS.ttfbMeanErrorMs} ms`, verdict: verdict(Math.abs(vantage.mean) <= TARGETS.ttfbMeanErrorMs) },
      { measure: 'TTFB error vs injected delay, raw client (mean / p99)', value: fmt(raw) },
      { measure: 'TTFB Vantage − raw client (mean / p99)', value: fmt(vsRaw), target: `mean ≤ ${TARGETS.ttfbMeanErrorMs} ms`, verdict: verdict(Math.abs(vsRaw.mean) <= TARGETS.ttfbMeanErrorMs) },
    ],
    notes: [
      `${pairs} alternating pairs of fresh-connection HTTPS probes. "Injected delay" is the hold the server measured itself (its timer fired ${held.mean.toFixed(3)} ms late on average, p99 ${held.p99.toFixed(3)} ms, which is the server's, not the clients', error); error = TTFB − the client's own DNS+TCP+TLS time − that hold, so what remains is the time the client adds to the wait phase (writing the request, loopback, reading the first byte).`,
    ],
    data: {
      pairs, injectedDelayMs: INJECTED_DELAY_MS,
      errorVsInjectedMs: { vantage, raw },
      errorVsNominalMs: { vantage: summary(result.vantage.map(errorVsNominal)), raw: summary(result.raw.map(errorVsNominal)) },
      vantageMinusRawTtfbMs: vsRaw,
      serverTimerLatenessMs: held,
      ttfbMs: { vantage: summary(result.vantage.map((s) => s.ttfbMs)), raw: summary(result.raw.map((s) => s.ttfbMs)) },
    },
  };
}
