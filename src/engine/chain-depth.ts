// Finality and cadence of one network's endpoints (DESIGN.md, "Finality and
// block cadence"): the probes' readings handed to the pure judgements in
// src/agreement/, with the network's settings, merged per endpoint.
import { judgeCadence } from '../agreement/cadence.ts';
import { judgeFinality } from '../agreement/finality.ts';
import type { ResolvedNetwork } from '../config/resolved-config.ts';
import type { Reason } from '../report/reasons.ts';
import type { EndpointProbe } from './probe-endpoint.ts';

export interface EndpointDepth {
  readonly finalizedHeight: number | null;
  readonly finalityLagBlocks: number | null;
  readonly finalityLagSeconds: number | null;
  readonly blockIntervalSeconds: number | null;
  readonly reasons: readonly Reason[];
}

export const NO_DEPTH: EndpointDepth = { finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null, blockIntervalSeconds: null, reasons: [] };

export function chainDepth(network: ResolvedNetwork, probes: readonly EndpointProbe[]): ReadonlyMap<string, EndpointDepth> {
  const codes = (p: EndpointProbe) => p.reasons.map((r) => r.code);
  const finality = judgeFinality(
    probes.map((p) => ({ id: p.endpoint.id, finality: p.chain?.finality ?? null, codes: codes(p) })),
    { family: network.chain, blockTimeSeconds: network.blockTimeSeconds, maxFinalityLagSeconds: network.maxFinalityLagSeconds },
  );
  const cadence = judgeCadence(
    probes.map((p) => ({ id: p.endpoint.id, cadence: p.chain?.cadence ?? null, codes: codes(p) })),
    { family: network.chain, blockTimeSeconds: network.blockTimeSeconds, cadenceFactor: network.cadenceFactor },
  );
  const out = new Map<string, EndpointDepth>();
  for (const { endpoint } of probes) {
    const f = finality.get(endpoint.id);
    const c = cadence.get(endpoint.id);
    out.set(endpoint.id, {
      finalizedHeight: f?.finalizedHeight ?? null,
      finalityLagBlocks: f?.finalityLagBlocks ?? null,
      finalityLagSeconds: f?.finalityLagSeconds ?? null,
      blockIntervalSeconds: c?.blockIntervalSeconds ?? null,
      reasons: [...(f?.reasons ?? []), ...(c?.reasons ?? [])],
    });
  }
  return out;
}
