// Bitcoin family (bitcoind, litecoind, and their forks): JSON-RPC 1.0 with
// basic auth. One getblockchaininfo gives height, chain, headers and IBD; the
// tip's own time comes from it (newer Bitcoin Core: 24.0 documents `time`,
// 22.0 has none) or from getblockheader. Cadence: the tip's time against the
// block 32 below it (getblockhash, getblockheader). No finality: proof of
// work only ever grows more certain, there is no finalized head to read.
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, CadenceReading, ChainAdapter } from './adapter.ts';
import { cadenceBase, cadenceReading } from './finality-cadence.ts';
import { isRecord } from './json-value.ts';
import { parseJsonInteger } from './node-numbers.ts';
import { jsonRpc, type RpcOutcome } from './json-rpc.ts';
import { rpcHeightAnswer } from './height-answer.ts';

const V1 = { version: '1.0' } as const;
/** bitcoind's RPC_IN_WARMUP: the RPC server is up, the node is still loading. */
const RPC_IN_WARMUP = -28;
const HASH = /^[0-9a-fA-F]{64}$/;

export const bitcoin: ChainAdapter = {
  family: 'bitcoin',
  readCalls: ['getblockchaininfo', 'getblockheader', 'getconnectioncount', 'getblockhash', 'getblockcount'],
  // DESIGN: none; a bitcoind RPC port belongs behind visibility: private.
  exposureCalls: [],
  heightCall: {
    calls: ['getblockcount'],
    mode: 'poll',
    async ask({ http }) {
      return rpcHeightAnswer(await jsonRpc(http, 'getblockcount', [], V1), parseJsonInteger, 'getblockcount');
    },
  },

  async read({ http, network }: AdapterContext): Promise<AdapterOutcome> {
    const info = await jsonRpc(http, 'getblockchaininfo', [], V1);
    if (!info.ok) return { chain: null, reasons: [describeFailure(info)] };
    if (!isRecord(info.result)) {
      return { chain: null, reasons: [reason('invalid_response', `getblockchaininfo returned ${quote(info.result)}, not an object`)] };
    }
    const result = info.result;
    const reasons: Reason[] = [];
    const identity: Record<string, string> = {};
    if (typeof result['chain'] === 'string' && result['chain'] !== '') identity['chain'] = result['chain'];
    else reasons.push(reason('invalid_response', `getblockchaininfo: chain is ${quote(result['chain'])}, expected main, test, regtest, …`));

    const blocks = parseJsonInteger(result['blocks'], 'blocks');
    const headers = parseJsonInteger(result['headers'], 'headers');
    const height = blocks.ok ? blocks.value : null;
    if (!blocks.ok) reasons.push(reason('invalid_response', `getblockchaininfo: ${blocks.message}`));
    if (!headers.ok) reasons.push(reason('invalid_response', `getblockchaininfo: ${headers.message}`));

    let syncing: boolean | null = null;
    const ibd = result['initialblockdownload'];
    if (typeof ibd !== 'boolean') reasons.push(reason('invalid_response', `getblockchaininfo: initialblockdownload is ${quote(ibd)}, expected true or false`));
    else if (ibd) {
      syncing = true;
      reasons.push(reason('syncing', `node is in initial block download (blocks ${height ?? '?'}, headers ${headers.ok ? headers.value : '?'}${progress(result['verificationprogress'])})`));
    } else if (blocks.ok && headers.ok && headers.value - blocks.value > network.maxLagBlocks) {
      syncing = true;
      reasons.push(reason('syncing', `node knows headers up to ${headers.value} but has blocks only up to ${blocks.value} (${headers.value - blocks.value} behind its own headers, max ${network.maxLagBlocks})`));
    } else syncing = false;

    const headTimeSeconds = await readTipTime(http, result, reasons);
    const peers = await readPeers(http);
    const cadence = height === null ? null : await readCadence(http, height, headTimeSeconds);
    return { chain: { height, headTimeSeconds, headAgeSeconds: null, syncing, peers, identity, finality: null, cadence }, reasons };
  },
};

/** The failure of getblockchaininfo, with what bitcoind's own answers mean spelled out. */
function describeFailure(failure: Extract<RpcOutcome, { ok: false }>): Reason {
  if (failure.error?.code === RPC_IN_WARMUP) {
    const warmup = `node is starting up (RPC warm-up, error ${RPC_IN_WARMUP}): ${failure.error.message}`;
    // bitcoind sends the warm-up as HTTP 500 with the error object (JSON-RPC 1.0): HTTP status first, then what it means.
    return failure.reason.code === 'rpc_error' ? reason('rpc_error', warmup) : reason(failure.reason.code, `getblockchaininfo: HTTP ${failure.status}: ${warmup}`);
  }
  if (failure.status === 401) return { code: failure.reason.code, message: `${failure.reason.message}: the RPC rejected the credentials; check basicAuth (rpcuser/rpcpassword or rpcauth)` };
  return failure.reason;
}

/** Tip time: getblockchaininfo.time where the node sends it, else the best block's header. */
async function readTipTime(http: AdapterContext['http'], info: Record<string, unknown>, reasons: Reason[]): Promise<number | null> {
  if (info['time'] !== undefined) {
    const time = parseJsonInteger(info['time'], 'time');
    if (time.ok) return time.value;
    reasons.push(reason('invalid_response', `getblockchaininfo: ${time.message}`));
    return null;
  }
  // Older nodes (Bitcoin Core 22 and before, Litecoin Core 0.21) send only mediantime, which
  // trails the tip by about six blocks: ask for the tip's own header instead.
  const best = info['bestblockhash'];
  if (typeof best !== 'string' || !HASH.test(best)) {
    reasons.push(reason('invalid_response', `getblockchaininfo: bestblockhash is ${quote(best)}, not a block hash`));
    return null;
  }
  const header = await jsonRpc(http, 'getblockheader', [best, true], V1);
  // A node that refuses getblockheader (an rpcwhitelist) leaves head age unknown.
  if (!header.ok || !isRecord(header.result)) return null;
  const time = parseJsonInteger(header.result['time'], 'block time');
  if (time.ok) return time.value;
  reasons.push(reason('invalid_response', `getblockheader: ${time.message}`));
  return null;
}

/**
 * The time of the block 32 below the tip. bitcoind answers RPC errors with
 * HTTP 500 (a height past the tip is -8): any failure is no cadence this
 * run, never a finding.
 */
async function readCadence(http: AdapterContext['http'], height: number, tipTime: number | null): Promise<CadenceReading | null> {
  const base = cadenceBase(height);
  if (!base || tipTime === null) return null;
  const hash = await jsonRpc(http, 'getblockhash', [base.height], V1);
  if (!hash.ok || typeof hash.result !== 'string' || !HASH.test(hash.result)) return null;
  const header = await jsonRpc(http, 'getblockheader', [hash.result, true], V1);
  if (!header.ok || !isRecord(header.result)) return null;
  const at = parseJsonInteger(header.result['height'], 'height');
  const time = parseJsonInteger(header.result['time'], 'block time');
  if (!at.ok || at.value !== base.height || !time.ok) return null;
  return cadenceReading(tipTime, time.value, base.blocks);
}

async function readPeers(http: AdapterContext['http']): Promise<number | null> {
  const answer = await jsonRpc(http, 'getconnectioncount', [], V1);
  if (!answer.ok) return null;
  const parsed = parseJsonInteger(answer.result, 'peers');
  return parsed.ok ? parsed.value : null;
}

function progress(raw: unknown): string {
  return typeof raw === 'number' && Number.isFinite(raw) ? `, verification progress ${(raw * 100).toFixed(1)}%` : '';
}
