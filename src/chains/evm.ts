// EVM (Ethereum and its kin): JSON-RPC 2.0 over HTTP.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, CadenceReading, ChainAdapter, FinalityReading } from './adapter.ts';
import { cadenceBase, cadenceReading } from './finality-cadence.ts';
import { isRecord } from './json-value.ts';
import { parseHexQuantity, parseUnsigned, toHexQuantity } from './node-numbers.ts';
import { jsonRpc } from './json-rpc.ts';
import { rpcHeightAnswer } from './height-answer.ts';

/** Read-only admin methods; a result (not an error) means the namespace faces the internet. */
const EXPOSURE_METHODS = ['admin_nodeInfo', 'admin_peers', 'personal_listAccounts'] as const;

export const evm: ChainAdapter = {
  family: 'evm',
  // eth_getBlockByNumber is named with what it reads: the head, the finalized head, the block 32 below the head.
  readCalls: [
    'eth_chainId', 'eth_getBlockByNumber(latest)', 'eth_syncing', 'net_peerCount',
    'eth_getBlockByNumber(finalized)', 'eth_getBlockByNumber(number)', 'eth_blockNumber',
  ],
  exposureCalls: EXPOSURE_METHODS,
  // geth's pubsub: notifications are eth_subscription { subscription, result: header }, number in hex.
  subscription: {
    subscribe: { method: 'eth_subscribe', params: ['newHeads'] },
    notification: 'eth_subscription',
    unsubscribe: 'eth_unsubscribe',
    announces: 'newHeads',
    head: (header) => parseHexQuantity(isRecord(header) ? header['number'] : undefined, 'newHeads block number'),
  },
  heightCall: {
    calls: ['eth_blockNumber'],
    mode: 'poll',
    async ask({ http }) {
      return rpcHeightAnswer(await jsonRpc(http, 'eth_blockNumber'), parseHexQuantity, 'eth_blockNumber');
    },
  },

  async read({ http }: AdapterContext): Promise<AdapterOutcome> {
    const reasons: Reason[] = [];
    const identity: Record<string, number> = {};

    const chainId = await jsonRpc(http, 'eth_chainId');
    if (!chainId.ok) reasons.push(chainId.reason);
    else {
      const parsed = parseHexQuantity(chainId.result, 'eth_chainId');
      if (parsed.ok) identity['chainId'] = parsed.value;
      else reasons.push(reason('invalid_response', parsed.message));
    }
    // Only a method-specific error is worth going on after; a dead or non-RPC endpoint is done.
    if (!chainId.ok && chainId.reason.code !== 'rpc_error') return { chain: null, reasons };

    const block = await jsonRpc(http, 'eth_getBlockByNumber', ['latest', false]);
    let height: number | null = null;
    let headTimeSeconds: number | null = null;
    if (!block.ok) reasons.push(block.reason);
    else if (!isRecord(block.result)) reasons.push(reason('invalid_response', `eth_getBlockByNumber: latest block is ${quote(block.result)}, not a block object`));
    else {
      const number = parseHexQuantity(block.result['number'], 'block number');
      if (number.ok) height = number.value;
      else reasons.push(reason('invalid_response', `eth_getBlockByNumber: ${number.message}`));
      const timestamp = parseHexQuantity(block.result['timestamp'], 'block timestamp');
      if (timestamp.ok) headTimeSeconds = timestamp.value;
      else reasons.push(reason('invalid_response', `eth_getBlockByNumber: ${timestamp.message}`));
    }

    const syncing = await readSyncing(http, reasons);
    const peers = await readPeers(http);
    const finality = height === null ? null : await readFinality(http, height, headTimeSeconds);
    const cadence = height === null ? null : await readCadence(http, height, headTimeSeconds);
    const obtained = height !== null || Object.keys(identity).length > 0;
    return {
      chain: obtained ? { height, headTimeSeconds, headAgeSeconds: null, syncing, peers, identity, finality, cadence } : null,
      reasons,
    };
  },

  async checkExposure({ http }: AdapterContext): Promise<Reason | null> {
    for (const method of EXPOSURE_METHODS) {
      const answer = await jsonRpc(http, method);
      if (answer.ok) return reason('exposed_admin_api', `${method} answers from outside: the ${method.split('_')[0]} namespace is exposed to the internet`);
    }
    return null;
  },
};

async function readSyncing(http: AdapterContext['http'], reasons: Reason[]): Promise<boolean | null> {
  const answer = await jsonRpc(http, 'eth_syncing');
  // Some providers do not offer eth_syncing; unknown is not a failure.
  if (!answer.ok) return null;
  if (answer.result === false) return false;
  // The spec says false or a sync-status object; a bare true still means syncing.
  if (answer.result === true) {
    reasons.push(reason('syncing', 'node reports it is syncing'));
    return true;
  }
  if (isRecord(answer.result)) {
    const current = parseHexQuantity(answer.result['currentBlock'], 'currentBlock');
    const highest = parseHexQuantity(answer.result['highestBlock'], 'highestBlock');
    const detail = current.ok && highest.ok ? `: block ${current.value} of ${highest.value}` : '';
    reasons.push(reason('syncing', `node reports it is syncing${detail}`));
    return true;
  }
  reasons.push(reason('invalid_response', `eth_syncing returned ${quote(answer.result)}, expected false or a sync status`));
  return null;
}

async function readPeers(http: AdapterContext['http']): Promise<number | null> {
  // Many providers refuse net_peerCount: a refusal is not an error.
  const answer = await jsonRpc(http, 'net_peerCount');
  if (!answer.ok) return null;
  const parsed = typeof answer.result === 'string' ? parseHexQuantity(answer.result, 'peers') : parseUnsigned(answer.result, 'peers');
  return parsed.ok ? parsed.value : null;
}

/** A block's number and timestamp, or null for anything else (an error, null, a malformed block). */
async function readBlock(http: AdapterContext['http'], tag: string): Promise<{ number: number; timestamp: number } | null> {
  const answer = await jsonRpc(http, 'eth_getBlockByNumber', [tag, false]);
  if (!answer.ok || !isRecord(answer.result)) return null;
  const number = parseHexQuantity(answer.result['number']);
  const timestamp = parseHexQuantity(answer.result['timestamp']);
  return number.ok && timestamp.ok ? { number: number.value, timestamp: timestamp.value } : null;
}

/**
 * The `finalized` block. Not every chain has the tag, and clients that cannot
 * resolve it disagree (geth -32000, Besu and Erigon -39001, Nethermind and
 * reth null): any of those is "unknown", never a finding. The lag in seconds
 * comes from the two blocks' own timestamps, which stay true on chains whose
 * block time is not the configured one.
 */
async function readFinality(http: AdapterContext['http'], height: number, headTime: number | null): Promise<FinalityReading | null> {
  const finalized = await readBlock(http, 'finalized');
  if (!finalized) return null;
  return {
    finalizedHeight: finalized.number,
    // The head may move between the two calls: a finalized block above the read head is no lag.
    lagBlocks: Math.max(0, height - finalized.number),
    lagSeconds: headTime === null ? null : Math.max(0, headTime - finalized.timestamp),
  };
}

/** The block CADENCE_BLOCKS below the head; a failed read is no cadence, never a finding. */
async function readCadence(http: AdapterContext['http'], height: number, headTime: number | null): Promise<CadenceReading | null> {
  const base = cadenceBase(height);
  if (!base || headTime === null) return null;
  const block = await readBlock(http, toHexQuantity(base.height));
  if (!block || block.number !== base.height) return null;
  return cadenceReading(headTime, block.timestamp, base.blocks);
}
