// The chain part of a probe, over whichever session the address opened
// (HTTP or WebSocket): the adapter's reads, the identity check against
// `expect`, then the exposure checks on public, non-reference endpoints.
import type { AdapterContext, ChainReading } from '../chains/adapter.ts';
import { adapterFor } from '../chains/registry.ts';
import { addReason, reason, type Reason } from '../report/reasons.ts';
import { identityMismatches } from './identity.ts';

export interface EndpointRead {
  /** null when the adapter obtained nothing. */
  readonly chain: ChainReading | null;
  readonly reasons: readonly Reason[];
}

export async function readEndpoint(context: AdapterContext): Promise<EndpointRead> {
  const { network, endpoint } = context;
  const adapter = adapterFor(network.chain);
  if (!adapter) return { chain: null, reasons: [reason('invalid_response', `no adapter for chain family "${network.chain}" in this build`)] };
  const outcome = await adapter.read(context);
  const reasons = [...outcome.reasons];
  if (outcome.chain) reasons.push(...identityMismatches(network.expect, outcome.chain.identity));
  if (!endpoint.reference && outcome.chain && adapter.checkExposure) {
    const finding = await adapter.checkExposure(context);
    if (finding) addReason(reasons, finding);
  }
  return { chain: outcome.chain, reasons };
}
