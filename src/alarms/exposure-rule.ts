// Which endpoints get an `Exposed` metric. A constant 0 costs as much as a
// useful series, so only endpoints where exposure is actually checked have
// one: private endpoints (answering at all is the finding) and public
// endpoints of families that probe admin namespaces. infra/ builds exposure
// alarms from the same rule.
import { adapterFor } from '../chains/registry.ts';
import type { ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';

export function watchesExposure(network: ResolvedNetwork, endpoint: ResolvedEndpoint): boolean {
  if (endpoint.reference) return false;
  if (endpoint.visibility === 'private') return true;
  return adapterFor(network.chain).exposureCalls.length > 0;
}

/** `(networkId, endpointId) → watched`, for turning a report into datums. */
export function exposureWatchFor(networks: readonly ResolvedNetwork[]): (networkId: string, endpointId: string) => boolean {
  const watched = new Set<string>();
  for (const network of networks) {
    for (const endpoint of network.endpoints) {
      if (watchesExposure(network, endpoint)) watched.add(`${network.id}\u0000${endpoint.id}`);
    }
  }
  return (networkId, endpointId) => watched.has(`${networkId}\u0000${endpointId}`);
}
