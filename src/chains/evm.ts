// EVM (Ethereum and its kin): JSON-RPC 2.0 over HTTP.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, ChainAdapter } from './adapter.ts';
import { isRecord } from './json-value.ts';
import { parseHexQuantity, parseUnsigned } from './node-numbers.ts';
import { jsonRpc } from './json-rpc.ts';

/** Read-only admin methods; a result (not an error) means the namespace faces the internet. */
const EXPOSURE_METHODS = ['admin_nodeInfo', 'admin_peers', 'personal_listAccounts'] as const;

export const evm: ChainAdapter = {
  family: 'evm',
  readCalls: ['eth_chainId', 'eth_getBlockByNumber', 'eth_syncing', 'net_peerCount'],
  exposureCalls: EXPOSURE_METHODS,
  // geth's pubsub: notifications are eth_subscription { subscription, result: header }, number in hex.
  subscription: {
    subscribe: { method: 'eth_subscribe', params: ['newHeads'] },
    notification: 'eth_subscription',
    unsubscribe: 'eth_unsubscribe',
    announces: 'newHeads',
    head: (header) => parseHexQuantity(isRecord(header) ? header['number'] : undefined, 'newHeads block number'),
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
    const obtained = height !== null || Object.keys(identity).length > 0;
    return {
      chain: obtained ? { height, headTimeSeconds, headAgeSeconds: null, syncing, peers, identity } : null,
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
