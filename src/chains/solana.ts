// Solana: JSON-RPC 2.0. Height is getBlockHeight, the head time the
// finalized slot's getBlockTime; getHealth's -32005 means the node is behind.
// Heights and slots are read at `finalized` (the server's own default, said
// explicitly so every provider answers at the same commitment, and because
// getBlockTime only answers for rooted slots). Finality is how many slots the
// finalized slot trails the `processed` one; cadence is the finalized slot's
// time against the slot 32 below it.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, CadenceReading, ChainAdapter, FinalityReading } from './adapter.ts';
import { cadenceBase, cadenceReading } from './finality-cadence.ts';
import { isRecord } from './json-value.ts';
import { parseJsonInteger } from './node-numbers.ts';
import { jsonRpc } from './json-rpc.ts';
import { rpcHeightAnswer } from './height-answer.ts';

/** JSON_RPC_SERVER_ERROR_NODE_UNHEALTHY */
const NODE_UNHEALTHY = -32005;
const FINALIZED = [{ commitment: 'finalized' }];
/** The newest slot the node has processed: finality lag counts from it, and the arrival watch times it (when a slot reached the node, not when the cluster rooted it). */
const PROCESSED = [{ commitment: 'processed' }];
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{32,44}$/;

export const solana: ChainAdapter = {
  family: 'solana',
  // getSlot is named with its commitment: both are read.
  readCalls: ['getGenesisHash', 'getHealth', 'getBlockHeight', 'getSlot(finalized)', 'getBlockTime', 'getSlot(processed)'],
  // DESIGN: none; Solana's RPC has no admin namespace over HTTP (admin is a local IPC socket).
  exposureCalls: [],
  // Agave: notifications are slotNotification { subscription, result: { parent, root, slot } }, numbers.
  subscription: {
    subscribe: { method: 'slotSubscribe', params: [] },
    notification: 'slotNotification',
    unsubscribe: 'slotUnsubscribe',
    announces: 'slot',
    head: (info) => parseJsonInteger(isRecord(info) ? info['slot'] : undefined, 'notified slot'),
  },
  heightCall: {
    calls: ['getSlot(processed)'],
    mode: 'poll',
    async ask({ http }) {
      return rpcHeightAnswer(await jsonRpc(http, 'getSlot', PROCESSED), parseJsonInteger, 'getSlot');
    },
  },

  async read({ http }: AdapterContext): Promise<AdapterOutcome> {
    const reasons: Reason[] = [];
    const identity: Record<string, string> = {};
    const genesis = await jsonRpc(http, 'getGenesisHash');
    if (!genesis.ok) reasons.push(genesis.reason);
    else if (typeof genesis.result === 'string' && BASE58.test(genesis.result)) identity['genesisHash'] = genesis.result;
    else reasons.push(reason('invalid_response', `getGenesisHash returned ${quote(genesis.result)}, not a base-58 hash`));
    if (!genesis.ok && genesis.reason.code !== 'rpc_error') return { chain: null, reasons };

    const syncing = await readHealth(http, reasons);

    let height: number | null = null;
    const blockHeight = await jsonRpc(http, 'getBlockHeight', FINALIZED);
    if (!blockHeight.ok) reasons.push(blockHeight.reason);
    else {
      const parsed = parseJsonInteger(blockHeight.result, 'block height');
      if (parsed.ok) height = parsed.value;
      else reasons.push(reason('invalid_response', `getBlockHeight: ${parsed.message}`));
    }

    const head = await readHead(http, reasons);
    const headTimeSeconds = head?.time ?? null;
    const finality = head ? await readFinality(http, head.slot, height) : null;
    const cadence = head ? await readCadence(http, head.slot, headTimeSeconds) : null;
    const obtained = height !== null || Object.keys(identity).length > 0;
    return {
      chain: obtained ? { height, headTimeSeconds, headAgeSeconds: null, syncing, peers: null, identity, finality, cadence } : null,
      reasons,
    };
  },
};

async function readHealth(http: AdapterContext['http'], reasons: Reason[]): Promise<boolean | null> {
  const health = await jsonRpc(http, 'getHealth');
  if (health.ok) {
    if (health.result === 'ok') return false;
    reasons.push(reason('invalid_response', `getHealth returned ${quote(health.result)}, expected "ok" or an error`));
    return null;
  }
  // -32005 counts only in a 2xx answer (HTTP status first); anything else, e.g. a provider
  // that hides getHealth, leaves health unknown, which is not a failure.
  if (health.reason.code !== 'rpc_error' || health.error?.code !== NODE_UNHEALTHY) return null;
  const data = isRecord(health.error.data) ? health.error.data : {};
  const behind = parseJsonInteger(data['numSlotsBehind'], 'numSlotsBehind');
  reasons.push(reason('syncing', behind.ok
    ? `node is behind by ${behind.value} slots (getHealth)`
    : `node reports it is unhealthy (getHealth: ${health.error.message})`));
  return true;
}

/** The finalized slot and its time (null when the node has none for it); null when the slot itself could not be read. */
async function readHead(http: AdapterContext['http'], reasons: Reason[]): Promise<{ slot: number; time: number | null } | null> {
  const slot = await jsonRpc(http, 'getSlot', FINALIZED);
  if (!slot.ok) {
    reasons.push(slot.reason);
    return null;
  }
  const parsed = parseJsonInteger(slot.result, 'slot');
  if (!parsed.ok) {
    reasons.push(reason('invalid_response', `getSlot: ${parsed.message}`));
    return null;
  }
  const time = await jsonRpc(http, 'getBlockTime', [parsed.value]);
  // -32004 "Block not available" or null: no time for that slot, head age unknown.
  if (!time.ok || time.result === null) return { slot: parsed.value, time: null };
  const seconds = parseJsonInteger(time.result, 'block time');
  if (seconds.ok) return { slot: parsed.value, time: seconds.value };
  reasons.push(reason('invalid_response', `getBlockTime(${parsed.value}): ${seconds.message}`));
  return { slot: parsed.value, time: null };
}

/**
 * Slots between the newest processed slot and the finalized one (Solana
 * finalizes by slot, so the lag is counted in slots). The finalized height
 * is the block height read at finalized. An unreadable processed slot is
 * unknown finality, never a finding.
 */
async function readFinality(http: AdapterContext['http'], finalizedSlot: number, height: number | null): Promise<FinalityReading | null> {
  const processed = await jsonRpc(http, 'getSlot', PROCESSED);
  if (!processed.ok) return null;
  const slot = parseJsonInteger(processed.result, 'slot');
  if (!slot.ok) return null;
  return { finalizedHeight: height, lagBlocks: Math.max(0, slot.value - finalizedSlot), lagSeconds: null };
}

/**
 * The time of the slot 32 below the finalized one. A skipped slot has no
 * block and so no time (-32007, -32009, or null): no cadence this run,
 * never a finding.
 */
async function readCadence(http: AdapterContext['http'], finalizedSlot: number, headTime: number | null): Promise<CadenceReading | null> {
  const base = cadenceBase(finalizedSlot);
  if (!base || headTime === null) return null;
  const time = await jsonRpc(http, 'getBlockTime', [base.height]);
  if (!time.ok) return null;
  const seconds = parseJsonInteger(time.result, 'block time');
  return seconds.ok ? cadenceReading(headTime, seconds.value, base.blocks) : null;
}
