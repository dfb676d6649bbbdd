// Bench worker: TTFB accuracy. Alternates Vantage (a full probeEndpoint) and
// the raw client against one server that holds every response a known time
// and says in the body how long it actually held it (heldUs). For each
// probe: the full TTFB (from before the TCP connect to the first response
// byte, both clients alike) and the wait phase (TTFB minus the client's own
// connect + TLS time), which should equal the server's hold.
import { httpJsonNetwork } from '../support/vantage-client.ts';
import { rawHttpsGet, rawSecureContext } from '../support/raw-https-client.ts';
import { probeEndpoint } from '../../src/engine/probe-endpoint.ts';
import { runWorker } from '../support/worker-ipc.ts';

export interface TtfbInput {
  readonly port: number;
  readonly caFile: string;
  readonly pairs: number;
  readonly warmup: number;
}

export interface TtfbSample {
  /** ms from the probe's start to the first response byte. */
  readonly ttfbMs: number;
  /** ms of that before the request could be sent (DNS + TCP + TLS). */
  readonly handshakeMs: number;
  /** ms the server held the response, by its own clock. */
  readonly heldMs: number;
}

export interface TtfbResult {
  readonly vantage: TtfbSample[];
  readonly raw: TtfbSample[];
}

runWorker<TtfbInput, TtfbResult>(async (input) => {
  // heightPointer /heldUs: the http-json adapter reads the server's own hold time.
  const network = httpJsonNetwork([`https://127.0.0.1:${input.port}/`], input.caFile).networks[0]!;
  const endpoint = { ...network.endpoints[0]!, httpJson: { ...network.endpoints[0]!.httpJson!, heightPointer: '/heldUs' } };
  const target = { host: '127.0.0.1', port: input.port, path: '/', secureContext: rawSecureContext(input.caFile) };

  const vantage = async (): Promise<TtfbSample> => {
    const probe = await probeEndpoint(network, endpoint);
    const { dnsMs, connectMs, tlsMs, ttfbMs } = probe.timings;
    if (probe.reasons.length > 0 || ttfbMs === null || probe.chain?.height == null) throw new Error(`vantage probe failed: ${JSON.stringify(probe.reasons)}`);
    return { ttfbMs, handshakeMs: (dnsMs ?? 0) + (connectMs ?? 0) + (tlsMs ?? 0), heldMs: probe.chain.height / 1000 };
  };
  const raw = async (): Promise<TtfbSample> => {
    const r = await rawHttpsGet(target);
    const held = /"heldUs":(\d+)/.exec(r.text)?.[1];
    if (r.status !== 200 || held === undefined) throw new Error(`raw probe failed: status ${r.status}`);
    return { ttfbMs: r.firstByteAt - r.startedAt, handshakeMs: r.secureAt - r.startedAt, heldMs: Number(held) / 1000 };
  };

  for (let i = 0; i < input.warmup; i++) {
    await vantage();
    await raw();
  }
  const result: TtfbResult = { vantage: [], raw: [] };
  for (let i = 0; i < input.pairs; i++) {
    // Alternate the order so drift (GC, CPU frequency, others' load) hits both alike.
    if (i % 2 === 0) {
      result.vantage.push(await vantage());
      result.raw.push(await raw());
    } else {
      result.raw.push(await raw());
      result.vantage.push(await vantage());
    }
  }
  return result;
});
