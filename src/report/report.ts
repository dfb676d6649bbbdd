// The JSON report (DESIGN.md, "JSON report"): the CLI's --json output, the
// Lambda's log line and the status function's input. Fields that do not
// apply are null, never missing.
import type { TlsInfo } from './tls-info.ts';
import type { Reason, Status } from './reasons.ts';
import type { Timings } from './timings.ts';

export const REPORT_SCHEMA_VERSION = 1;

export interface ChainReport {
  readonly height: number | null;
  readonly lagBlocks: number | null;
  readonly headAgeSeconds: number | null;
  readonly syncing: boolean | null;
  readonly peers: number | null;
  /** Newest finalized block; null where the family or the node cannot say. Instant-finality chains: the height. */
  readonly finalizedHeight: number | null;
  /** Blocks (Solana: slots) the finalized head trails the head. */
  readonly finalityLagBlocks: number | null;
  /** The same in seconds: from block timestamps (EVM), else blocks × blockTimeSeconds. */
  readonly finalityLagSeconds: number | null;
  /** Mean seconds per block over the last 32 blocks (fewer near genesis or a pruned history). */
  readonly blockIntervalSeconds: number | null;
}

/** An address's status; `skipped`: no route from this vantage point under probe.ipv6: auto, counted neither way. */
export type AddressStatus = Status | 'skipped';

/** One resolved address of an endpoint, probed on its own connection (DESIGN.md, "Every address on its own"). */
export interface AddressReport {
  readonly address: string;
  readonly family: 4 | 6;
  /** The address whose timings, tls, chain and reasons are the endpoint's. */
  readonly primary: boolean;
  readonly status: AddressStatus;
  /** Its own findings and what agreement judged of its height; [] when skipped. */
  readonly reasons: readonly Reason[];
  readonly ttfbMs: number | null;
  readonly height: number | null;
}

/**
 * Block arrival latency over the watch window (DESIGN.md, "Block arrival
 * latency"; docs/arrival.md). Delays count from the first sight of a block
 * by any endpoint watched from this region.
 */
export interface ArrivalReport {
  /** New blocks judged: first seen by some endpoint early enough in the window that every endpoint had maxDelayMs to show them. */
  readonly blocks: number;
  /** Median delay after the fastest endpoint, ms (nearest rank); a missed block counts as the time from its first sight to the window's close, the least it could be. null when no block was judged. */
  readonly p50Ms: number | null;
  /** Largest delay, ms, by the same rule. */
  readonly maxMs: number | null;
  /** Judged blocks this endpoint had not shown when the window closed. */
  readonly missed: number;
  /** How finely arrival is sampled, ms: the poll interval; 0 where the node pushes the answer (long-poll, subscription). */
  readonly resolutionMs: number;
}

export interface EndpointReport {
  readonly id: string;
  /** Redacted. */
  readonly url: string;
  readonly reference: boolean;
  readonly status: Status;
  readonly reasons: readonly Reason[];
  readonly timings: Timings;
  readonly tls: TlsInfo | null;
  readonly chain: ChainReport | null;
  /** null when the network does not watch arrival, or this endpoint was not watched (private, or no agreeing height this round). */
  readonly arrival: ArrivalReport | null;
  /** Every address probed, in resolution order (IPv4 first); [] for private endpoints and when none resolved. */
  readonly addresses: readonly AddressReport[];
}

export interface AccountReport {
  readonly address: string;
  /** Health, like every other status in the report: worst of its reasons. */
  readonly status: Status;
  /** Participation status as the node reports it (Online, Offline, NotParticipating). */
  readonly participation: string | null;
  readonly voteLastValid: number | null;
  readonly daysToExpiry: number | null;
  readonly reasons: readonly Reason[];
}

export interface NetworkReport {
  readonly id: string;
  /** The chain family, as the config names it (evm, algorand, …). */
  readonly chain: string;
  readonly status: Status;
  readonly referenceHeight: number | null;
  readonly endpoints: readonly EndpointReport[];
  readonly accounts: readonly AccountReport[];
}

export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly region: string;
  readonly status: Status;
  readonly networks: readonly NetworkReport[];
}
