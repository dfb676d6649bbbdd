// TTFB honesty: does the time to first byte Vantage reports match what a
// bare client sees? Runs N probes of one loopback HTTPS server that waits a
// known time before its first byte, with Vantage's transport (probeEndpoint)
// and with a raw tls.connect + hand-written HTTP/1.1 GET, alternating, and
// prints both TTFBs and their ratio. Both clocks start before the TCP connect
// and stop at the first response byte, on a fresh connection each time.
//
//   node_modules/.bin/node bench/ttfb-honesty.ts [N=200] [delaysMs=0,50]
//
// Loopback only (127.0.0.1); bounded in count.
import { once } from 'node:events';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect, createSecureContext } from 'node:tls';
import { parseConfigText } from '../src/config/load.ts';
import { applyDefaults } from '../src/config/resolved-config.ts';
import { probeEndpoint } from '../src/probe/probe-endpoint.ts';
import { createCa, issueLeaf } from '../test/support/certificates.ts';

const N = Number(process.argv[2] ?? 200);
const DELAYS = (process.argv[3] ?? '0,50').split(',').map(Number);
const BODY = '{"height": 1}';

const ca = await createCa('TTFB Bench CA');
const leaf = await issueLeaf(ca, { names: ['127.0.0.1'] });
let delayMs = 0;
const server = createServer({ cert: leaf.cert, key: leaf.key }, (_req, res) => {
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(BODY.length), connection: 'close' });
    res.end(BODY);
  }, delayMs);
});
server.listen(0, '127.0.0.1');
await once(server, 'listening');
const { port } = server.address() as AddressInfo;

const config = applyDefaults(parseConfigText(JSON.stringify({
  version: 1,
  networks: [{ id: 'bench', chain: 'http-json', endpoints: [{ id: 'e', url: `https://127.0.0.1:${port}/`, heightPointer: '/height', tls: { caFile: ca.caFile } }] }],
}), { file: null, baseDir: process.cwd() }));
const network = config.networks[0]!;
const endpoint = network.endpoints[0]!;

async function vantageTtfb(): Promise<number> {
  const probe = await probeEndpoint(network, endpoint);
  if (probe.reasons.length > 0 || probe.timings.ttfbMs === null) throw new Error(`probe failed: ${JSON.stringify(probe.reasons)}`);
  return probe.timings.ttfbMs;
}

// The baseline: what a minimal client measures. Same trust setup (one
// SecureContext, built once), same request shape, no HTTP library.
const rawContext = createSecureContext({ ca: ca.cert });
function rawTtfb(): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const socket = connect({ host: '127.0.0.1', port, secureContext: rawContext, ALPNProtocols: ['http/1.1'] }, () => {
      socket.write(`GET / HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\naccept: application/json\r\nconnection: close\r\n\r\n`);
    });
    socket.once('data', () => {
      const ttfb = performance.now() - start;
      socket.destroy();
      resolve(ttfb);
    });
    socket.once('error', reject);
  });
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const fmt = (v: number) => v.toFixed(2).padStart(8);

console.log(`TTFB honesty: ${N} probes per client per delay, loopback HTTPS (TLS 1.3), Node ${process.version}`);
console.log('delay  client           p50 ms   p90 ms  mean ms');
for (const delay of DELAYS) {
  delayMs = delay;
  // Warm-up: JIT, the SecureContext cache, the first certificate parse.
  for (let i = 0; i < 10; i++) {
    await vantageTtfb();
    await rawTtfb();
  }
  const vantage: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < N; i++) {
    // Alternate so drift (GC, CPU frequency, other load) hits both alike.
    if (i % 2 === 0) {
      vantage.push(await vantageTtfb());
      raw.push(await rawTtfb());
    } else {
      raw.push(await rawTtfb());
      vantage.push(await vantageTtfb());
    }
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const row = (name: string, v: number[]) => console.log(`${String(delay).padStart(5)}  ${name.padEnd(15)}${fmt(quantile(v, 0.5))} ${fmt(quantile(v, 0.9))} ${fmt(mean(v))}`);
  row('vantage', vantage);
  row('raw tls.connect', raw);
  const ratio = quantile(vantage, 0.5) / quantile(raw, 0.5);
  console.log(`       ratio vantage/raw (p50): ${ratio.toFixed(3)}   difference (p50): ${(quantile(vantage, 0.5) - quantile(raw, 0.5)).toFixed(2)} ms`);
}
server.close();
