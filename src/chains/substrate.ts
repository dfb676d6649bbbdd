// Substrate (Polkadot, Kusama, parachains): JSON-RPC 2.0 over HTTP. Height
// from chain_getHeader (hex), identity from the genesis hash
// (chain_getBlockHash(0)), health from system_health, finality from
// chain_getFinalizedHead and that block's header. Headers carry no
// wall-clock time, so head age and cadence are unknown: neither is judged.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, ChainAdapter, FinalityReading } from './adapter.ts';
import { isRecord } from './json-value.ts';
import { parseHexQuantity, parseUnsigned } from './node-numbers.ts';
import { jsonRpc } from './json-rpc.ts';
import { heightAnswer } from './height-answer.ts';

const HASH = /^0x[0-9a-fA-F]{64}$/;
/** An unsafe but read-only method: safe RPC (--rpc-methods=safe) refuses it. */
const EXPOSURE_METHOD = 'system_peers';

export const substrate: ChainAdapter = {
  family: 'substrate',
  readCalls: ['chain_getBlockHash', 'chain_getHeader', 'system_health', 'chain_getFinalizedHead'],
  exposureCalls: [EXPOSURE_METHOD],
  // polkadot-sdk: notifications are chain_newHead { subscription, result: header }, number in hex.
  subscription: {
    subscribe: { method: 'chain_subscribeNewHeads', params: [] },
    notification: 'chain_newHead',
    unsubscribe: 'chain_unsubscribeNewHeads',
    announces: 'new head',
    head: (header) => parseHexQuantity(isRecord(header) ? header['number'] : undefined, 'new head number'),
  },
  heightCall: {
    calls: ['chain_getHeader'],
    mode: 'poll',
    async ask({ http }) {
      const header = await jsonRpc(http, 'chain_getHeader');
      if (!header.ok) return { ok: false, reason: header.reason };
      if (!isRecord(header.result)) return { ok: false, reason: reason('invalid_response', `chain_getHeader returned ${quote(header.result)}, not a header object`) };
      return heightAnswer(parseHexQuantity(header.result['number'], 'header number'), 'chain_getHeader');
    },
  },

  async read({ http }: AdapterContext): Promise<AdapterOutcome> {
    const reasons: Reason[] = [];
    const identity: Record<string, string> = {};
    const genesis = await jsonRpc(http, 'chain_getBlockHash', [0]);
    if (!genesis.ok) reasons.push(genesis.reason);
    else if (typeof genesis.result === 'string' && HASH.test(genesis.result)) identity['genesisHash'] = genesis.result.toLowerCase();
    else reasons.push(reason('invalid_response', `chain_getBlockHash(0) returned ${quote(genesis.result)}, not a 32-byte hex hash`));
    if (!genesis.ok && genesis.reason.code !== 'rpc_error') return { chain: null, reasons };

    let height: number | null = null;
    const header = await jsonRpc(http, 'chain_getHeader');
    if (!header.ok) reasons.push(header.reason);
    else if (!isRecord(header.result)) reasons.push(reason('invalid_response', `chain_getHeader returned ${quote(header.result)}, not a header object`));
    else {
      const number = parseHexQuantity(header.result['number'], 'header number');
      if (number.ok) height = number.value;
      else reasons.push(reason('invalid_response', `chain_getHeader: ${number.message}`));
    }

    const { syncing, peers } = await readHealth(http, reasons);
    const finality = height === null ? null : await readFinality(http, height);
    const obtained = height !== null || Object.keys(identity).length > 0;
    return {
      chain: obtained ? { height, headTimeSeconds: null, headAgeSeconds: null, syncing, peers, identity, finality, cadence: null } : null,
      reasons,
    };
  },

  async checkExposure({ http }: AdapterContext): Promise<Reason | null> {
    const answer = await jsonRpc(http, EXPOSURE_METHOD);
    if (!answer.ok) return null;
    return reason('exposed_admin_api', `${EXPOSURE_METHOD} answers from outside: unsafe RPC methods are exposed (run the public RPC with --rpc-methods=safe)`);
  },
};

async function readHealth(http: AdapterContext['http'], reasons: Reason[]): Promise<{ syncing: boolean | null; peers: number | null }> {
  const health = await jsonRpc(http, 'system_health');
  // Some providers filter system_*: unknown health is not a failure.
  if (!health.ok) return { syncing: null, peers: null };
  if (!isRecord(health.result) || typeof health.result['isSyncing'] !== 'boolean') {
    reasons.push(reason('invalid_response', `system_health returned ${quote(health.result)}, expected { isSyncing, peers, shouldHavePeers }`));
    return { syncing: null, peers: null };
  }
  const parsedPeers = parseUnsigned(health.result['peers'], 'peers');
  const peers = parsedPeers.ok ? parsedPeers.value : null;
  const syncing = health.result['isSyncing'];
  if (syncing) reasons.push(reason('syncing', `node reports it is syncing (system_health isSyncing, ${peers ?? 'unknown'} peers)`));
  return { syncing, peers };
}

/**
 * The GRANDPA-finalized head: its hash, then its header's number. An
 * unreadable finalized head (a filtered method, a malformed answer) is
 * unknown finality, never a finding: the head itself was read.
 */
async function readFinality(http: AdapterContext['http'], height: number): Promise<FinalityReading | null> {
  const hash = await jsonRpc(http, 'chain_getFinalizedHead');
  if (!hash.ok || typeof hash.result !== 'string' || !HASH.test(hash.result)) return null;
  const header = await jsonRpc(http, 'chain_getHeader', [hash.result]);
  if (!header.ok || !isRecord(header.result)) return null;
  const number = parseHexQuantity(header.result['number']);
  if (!number.ok) return null;
  return { finalizedHeight: number.value, lagBlocks: Math.max(0, height - number.value), lagSeconds: null };
}
