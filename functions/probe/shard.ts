// Which networks one invocation probes. Shards keep networks whole (agreement
// needs every endpoint of a network in the same run) and are stable: a
// network's shard is FNV-1a(network id) mod N, so it does not move when other
// networks are added, removed or reordered. The price is some imbalance with
// few networks; DESIGN.md asks for stability, and imbalance only costs time.

export interface Shard {
  readonly shard: number;
  readonly of: number;
}

const WHOLE_RUN: Shard = { shard: 0, of: 1 };

/** Upper bound from the config schema (probe.shards ≤ 100). */
const MAX_SHARDS = 100;

class ShardEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardEventError';
  }
}

/**
 * The shard an EventBridge input names. A scheduled event without input
 * (the plain "Scheduled Event" object) is the whole run.
 */
export function shardOfEvent(event: unknown): Shard {
  if (event === null || typeof event !== 'object') return WHOLE_RUN;
  const { shard, of } = event as { shard?: unknown; of?: unknown };
  if (shard === undefined && of === undefined) return WHOLE_RUN;
  if (!Number.isInteger(of) || (of as number) < 1 || (of as number) > MAX_SHARDS) {
    throw new ShardEventError(`event.of must be a whole number from 1 to ${MAX_SHARDS} (got ${JSON.stringify(of)})`);
  }
  if (!Number.isInteger(shard) || (shard as number) < 0 || (shard as number) >= (of as number)) {
    throw new ShardEventError(`event.shard must be a whole number from 0 to ${(of as number) - 1} (got ${JSON.stringify(shard)})`);
  }
  return { shard: shard as number, of: of as number };
}

/** FNV-1a, 32 bit: tiny, and the same in every runtime and release. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function shardOfNetwork(networkId: string, of: number): number {
  return fnv1a(networkId) % of;
}

export function inShard(networkId: string, shard: Shard): boolean {
  return shard.of === 1 || shardOfNetwork(networkId, shard.of) === shard.shard;
}
