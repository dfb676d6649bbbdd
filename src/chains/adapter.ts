// The one shape every chain family implements (one file per family, as
// blackbox_exporter has one file per prober). The runner owns the connection,
// the deadline, timings and statuses; an adapter only reads its chain.
import type { ResolvedAccount, ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import type { ProbeSession } from '../probe/probe-session.ts';
import type { Reason } from '../report/reasons.ts';
import type { ChainFamily } from '../config/families.ts';
import type { Parsed } from './node-numbers.ts';

export interface ChainReading {
  /** Latest block height the endpoint serves; null when it could not be read. */
  readonly height: number | null;
  /** Unix seconds of the head block, where the family reports one. */
  readonly headTimeSeconds: number | null;
  /** Age of the head as the node itself reports it (Algorand), in seconds. */
  readonly headAgeSeconds: number | null;
  readonly syncing: boolean | null;
  readonly peers: number | null;
  /** Chain identity, keyed like the network's `expect` (e.g. chainId). */
  readonly identity: Readonly<Record<string, string | number>>;
  /** The finalized head against the head; null where the family cannot say or the node did not. */
  readonly finality: FinalityReading | null;
  /** The head's time against an older block's; null where the family cannot say or the read failed. */
  readonly cadence: CadenceReading | null;
}

export interface FinalityReading {
  /** Height of the newest finalized block; null where only the distance is known. */
  readonly finalizedHeight: number | null;
  /** Blocks the finalized head trails the head (Solana: slots), never negative. */
  readonly lagBlocks: number;
  /** From the two blocks' own timestamps where the family has both (EVM; 0 for instant finality); null: estimated from lagBlocks × blockTimeSeconds. */
  readonly lagSeconds: number | null;
}

export interface CadenceReading {
  /** Blocks between the head and the older block (32, fewer near genesis or a pruned history). */
  readonly blocks: number;
  /** Seconds between their timestamps, never negative. */
  readonly seconds: number;
}

export interface AdapterOutcome {
  /** null when the adapter obtained nothing at all. */
  readonly chain: ChainReading | null;
  readonly reasons: readonly Reason[];
}

export interface AdapterContext {
  readonly network: ResolvedNetwork;
  readonly endpoint: ResolvedEndpoint;
  /**
   * The endpoint's session: HTTP, or for ws(s) URLs a WebSocket (JSON-RPC
   * only). jsonRpc() speaks over either, so JSON-RPC adapters read the same
   * way over both; REST families are only ever given HTTP (config refuses ws URLs for them).
   */
  readonly http: ProbeSession;
  /** Wall clock in ms (injectable for tests). */
  readonly now: () => number;
}

export interface AccountReading {
  readonly address: string;
  /** Participation status as the node reports it (Online, Offline, NotParticipating). */
  readonly participation: string | null;
  readonly voteLastValid: number | null;
  readonly daysToExpiry: number | null;
  readonly reasons: readonly Reason[];
}

/**
 * The family's WebSocket subscription to new heads, as data: the engine
 * subscribes, times the first notification (firstNotificationMs), then
 * unsubscribes. Every method here is read-only and listed with the
 * adapter's calls.
 */
export interface SubscriptionSpec {
  /** e.g. eth_subscribe with ["newHeads"]; answered with a subscription id (string or number). */
  readonly subscribe: { readonly method: string; readonly params: readonly unknown[] };
  /** The method notifications carry, with params { subscription, result }. */
  readonly notification: string;
  /** Cancels the subscription, called with [id]. */
  readonly unsubscribe: string;
  /** What a notification announces, in messages ("newHeads"). */
  readonly announces: string;
  /** The block number or slot in a notification's params.result. */
  head(result: unknown): Parsed;
}

/** One answer of a height call: the height it carries, or why there is none. */
export type HeightAnswer = { readonly ok: true; readonly height: number } | { readonly ok: false; readonly reason: Reason };

/**
 * The family's cheapest way to learn its head, asked over and over during
 * the block arrival watch on one kept-alive connection. The runner times
 * each answer's first byte and decides when to ask; the call only asks and
 * reads the height.
 */
export interface HeightCall {
  /** The calls `ask` sends, as readCalls lists them (every one is also in readCalls). */
  readonly calls: readonly string[];
  /**
   * poll: answers at once, asked again every poll interval. long-poll: the
   * node holds the answer until a block after `after` exists (or its own
   * timeout), so it is asked again as soon as it answers.
   */
  readonly mode: 'poll' | 'long-poll';
  /** `after`: the highest height this endpoint has shown in the watch; null for the first ask. */
  ask(ctx: AdapterContext, after: number | null): Promise<HeightAnswer>;
}

export interface ChainAdapter {
  readonly family: ChainFamily;
  /** Every call `read` may send, e.g. `eth_chainId` or `GET /v2/status`: documented, and asserted read-only by tests. */
  readonly readCalls: readonly string[];
  /** Every call `checkExposure` may send. */
  readonly exposureCalls: readonly string[];
  /** The new-heads subscription of ws(s) endpoints; absent for families without a WebSocket probe. */
  readonly subscription?: SubscriptionSpec;
  read(ctx: AdapterContext): Promise<AdapterOutcome>;
  /** Read-only probes of namespaces that must not face the internet; a Reason when one answers. */
  checkExposure?(ctx: AdapterContext): Promise<Reason | null>;
  /** Account watch (Algorand participation keys). */
  readAccounts?(ctx: AdapterContext, accounts: readonly ResolvedAccount[], lastRound: number | null): Promise<AccountReading[]>;
  /** Block arrival latency: how to ask the head over and over (DESIGN.md, "Block arrival latency"). */
  readonly heightCall?: HeightCall;
}
