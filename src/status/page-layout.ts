// What the public page shows, decided once from the config: one component
// per network, one sub-component per public endpoint, and the maintenance
// windows that cover any of them. Reference endpoints (used for agreement
// only) and private endpoints (an exposure check, not a customer-facing API)
// never appear. Ids only: URLs can carry keys.
import { coversEndpoint, type ResolvedMaintenance } from '../config/maintenance.ts';
import type { ResolvedConfig } from '../config/resolved-config.ts';

export interface PageNetwork {
  readonly id: string;
  readonly chain: string;
  /** Expected seconds between blocks: what a slow chain is compared with, in words. */
  readonly blockTimeSeconds: number;
  readonly maxLagBlocks: number;
  readonly maxHeadAgeSeconds: number | null;
  /** Finality lag it tolerates (s); null where finality is not judged. What the central page's region breakdown compares FinalityLag with. */
  readonly maxFinalityLagSeconds: number | null;
  /** The arrival watch's maxDelayMs; null where arrival is not watched. What the breakdown compares ArrivalDelay with. */
  readonly arrivalMaxDelayMs: number | null;
  /** Public, non-reference endpoint ids in config order. */
  readonly endpoints: readonly string[];
}

export interface PageLayout {
  readonly title: string;
  readonly networks: readonly PageNetwork[];
  /** Probe regions from the config (the central page reads uptime per region). */
  readonly regions: readonly string[];
  /** Maintenance windows covering at least one component on the page, in config order. */
  readonly maintenance: readonly ResolvedMaintenance[];
}

export function pageLayout(config: ResolvedConfig): PageLayout {
  const networks = config.networks
    .map((n) => ({
      id: n.id,
      chain: n.chain,
      blockTimeSeconds: n.blockTimeSeconds,
      maxLagBlocks: n.maxLagBlocks,
      maxHeadAgeSeconds: n.maxHeadAgeSeconds,
      maxFinalityLagSeconds: n.maxFinalityLagSeconds,
      arrivalMaxDelayMs: n.arrival?.maxDelayMs ?? null,
      endpoints: n.endpoints.filter((e) => !e.reference && e.visibility === 'public').map((e) => e.id),
    }))
    // A network with nothing public to show has no place on a public page.
    .filter((n) => n.endpoints.length > 0);
  return {
    title: config.status.title,
    regions: config.probe.regions,
    networks,
    // Work on a reference or private endpoint only is nothing customers see.
    maintenance: config.maintenance.filter((w) => networks.some((n) => n.endpoints.some((e) => coversEndpoint(w, n.id, e)))),
  };
}

/** Component ids: the network id, and "<network>/<endpoint>" for its endpoints. */
export function endpointComponentId(network: string, endpoint: string): string {
  return `${network}/${endpoint}`;
}

export function isOnPage(layout: PageLayout, network: string, endpoint?: string): boolean {
  const n = layout.networks.find((x) => x.id === network);
  if (!n) return false;
  return endpoint === undefined || n.endpoints.includes(endpoint);
}
