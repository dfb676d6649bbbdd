// CometBFT / Tendermint (Cosmos chains): GET /status, answered as a JSON-RPC
// envelope. Heights are decimal strings, the head time RFC 3339. Every block
// is final when it is committed (instant finality); cadence reads the header
// 32 blocks below the head.
import type { HttpOutcome } from '../probe/http-session.ts';
import { quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AdapterContext, AdapterOutcome, CadenceReading, ChainAdapter } from './adapter.ts';
import { cadenceBase, cadenceReading, instantFinality } from './finality-cadence.ts';
import { expectJson } from './json-response.ts';
import { isRecord } from './json-value.ts';
import { parseUnsigned } from './node-numbers.ts';
import { heightAnswer } from './height-answer.ts';
import { answeredErrorReason, rpcErrorOf } from './rpc-error.ts';

const STATUS = '/status';
/** CometBFT 0.37 added /header (the header alone); older nodes only have /block, which carries every transaction too. */
const HEADER = '/header';
const BLOCK = '/block';

export const cometbft: ChainAdapter = {
  family: 'cometbft',
  readCalls: [`GET ${STATUS}`, `GET ${HEADER}?height={height}`, `GET ${BLOCK}?height={height}`],
  // DESIGN: no exposure probe; keep the RPC's unsafe routes private and mark such endpoints private.
  exposureCalls: [],
  heightCall: {
    calls: [`GET ${STATUS}`],
    mode: 'poll',
    async ask({ http }) {
      const envelope = unwrap(await http.request({ method: 'GET', path: STATUS }));
      if (!envelope.ok) return { ok: false, reason: envelope.reason };
      const sync = isRecord(envelope.value['sync_info']) ? envelope.value['sync_info'] : {};
      const raw = sync['latest_block_height'];
      // A decimal string, as in the regular read: a bare number is not what CometBFT sends.
      if (typeof raw !== 'string') return { ok: false, reason: reason('invalid_response', `GET ${STATUS}: latest_block_height ${quote(raw)} is not a decimal string`) };
      return heightAnswer(parseUnsigned(raw, 'latest_block_height'), `GET ${STATUS}`);
    },
  },

  async read({ http }: AdapterContext): Promise<AdapterOutcome> {
    const answer = await http.request({ method: 'GET', path: STATUS });
    const envelope = unwrap(answer);
    if (!envelope.ok) return { chain: null, reasons: [envelope.reason] };
    const status = envelope.value;

    const reasons: Reason[] = [];
    const identity: Record<string, string> = {};
    const nodeInfo = isRecord(status['node_info']) ? status['node_info'] : null;
    const network = nodeInfo?.['network'];
    if (typeof network === 'string' && network !== '') identity['network'] = network;
    else reasons.push(reason('invalid_response', `GET ${STATUS}: node_info.network is ${quote(network)}, expected the chain id`));

    const sync = isRecord(status['sync_info']) ? status['sync_info'] : null;
    if (!sync) {
      reasons.push(reason('invalid_response', `GET ${STATUS}: sync_info is missing`));
      const chain = { height: null, headTimeSeconds: null, headAgeSeconds: null, syncing: null, peers: null, identity, finality: null, cadence: null };
      return { chain: Object.keys(identity).length > 0 ? chain : null, reasons };
    }

    let height: number | null = null;
    // CometBFT sends int64 as a decimal string; a bare number is not what it sends.
    const parsed = typeof sync['latest_block_height'] === 'string' ? parseUnsigned(sync['latest_block_height'], 'latest_block_height') : null;
    if (parsed?.ok) height = parsed.value;
    else reasons.push(reason('invalid_response', `GET ${STATUS}: ${parsed && !parsed.ok ? parsed.message : `latest_block_height ${quote(sync['latest_block_height'])} is not a decimal string`}`));

    let headTimeSeconds: number | null = null;
    const time = sync['latest_block_time'];
    const ms = typeof time === 'string' ? Date.parse(time) : Number.NaN;
    if (Number.isFinite(ms)) headTimeSeconds = ms / 1000;
    else reasons.push(reason('invalid_response', `GET ${STATUS}: latest_block_time ${quote(time)} is not an RFC 3339 time`));

    let syncing: boolean | null = null;
    if (typeof sync['catching_up'] === 'boolean') {
      syncing = sync['catching_up'];
      if (syncing) reasons.push(reason('syncing', `node reports catching_up (at height ${height ?? 'unknown'})`));
    } else reasons.push(reason('invalid_response', `GET ${STATUS}: catching_up is ${quote(sync['catching_up'])}, expected true or false`));

    const cadence = height === null || headTimeSeconds === null
      ? null
      : await readCadence(http, { height, headTimeSeconds, earliest: sync['earliest_block_height'], version: nodeInfo?.['version'] });
    return {
      chain: { height, headTimeSeconds, headAgeSeconds: null, syncing, peers: null, identity, finality: instantFinality(height), cadence },
      reasons,
    };
  },
};

interface Head {
  readonly height: number;
  readonly headTimeSeconds: number;
  /** sync_info.earliest_block_height as sent: the oldest block a pruned node still serves. */
  readonly earliest: unknown;
  /** node_info.version as sent, e.g. "0.38.12". */
  readonly version: unknown;
}

/**
 * The header 32 blocks below the head, no lower than the oldest block the
 * node keeps: a pruned height is HTTP 500 ("height N is not available").
 * Any failure is no cadence this run, never a finding.
 */
async function readCadence(http: AdapterContext['http'], head: Head): Promise<CadenceReading | null> {
  const earliest = typeof head.earliest === 'string' ? parseUnsigned(head.earliest) : null;
  const base = cadenceBase(head.height, earliest?.ok ? earliest.value : 0);
  if (!base) return null;
  const route = hasHeaderRoute(head.version) ? HEADER : BLOCK;
  const json = expectJson(await http.request({ method: 'GET', path: `${route}?height=${base.height}` }), `GET ${route}`);
  if (!json.ok || !isRecord(json.value) || !isRecord(json.value['result'])) return null;
  const result = json.value['result'];
  const header = route === HEADER ? result['header'] : isRecord(result['block']) ? result['block']['header'] : undefined;
  if (!isRecord(header)) return null;
  const at = typeof header['height'] === 'string' ? parseUnsigned(header['height']) : null;
  const ms = typeof header['time'] === 'string' ? Date.parse(header['time']) : Number.NaN;
  if (!at?.ok || at.value !== base.height || !Number.isFinite(ms)) return null;
  return cadenceReading(head.headTimeSeconds, ms / 1000, base.blocks);
}

/** Whether the node's version (node_info.version) has /header: CometBFT 0.37 and later. Unknown versions get /block, which every version has. */
export function hasHeaderRoute(version: unknown): boolean {
  const match = typeof version === 'string' ? /^v?(\d{1,4})\.(\d{1,4})\./.exec(version) : null;
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 0 || minor >= 37;
}

type Unwrapped = { ok: true; value: Record<string, unknown> } | { ok: false; reason: Reason };

/**
 * The /status result: inside the JSON-RPC envelope, or bare as some gateways
 * serve it. CometBFT answers RPC errors with HTTP 500 and an error object:
 * HTTP status first, so that is http_error quoting the error (expectJson).
 */
function unwrap(answer: HttpOutcome): Unwrapped {
  const what = `GET ${STATUS}`;
  const json = expectJson(answer, what);
  if (!json.ok) return { ok: false, reason: json.reason };
  if (!isRecord(json.value)) return { ok: false, reason: reason('invalid_response', `${what}: body is not a JSON object`) };
  const error = rpcErrorOf(json.value);
  if (error) return { ok: false, reason: answeredErrorReason(what, error) };
  if (isRecord(json.value['result'])) return { ok: true, value: json.value['result'] };
  if (isRecord(json.value['sync_info'])) return { ok: true, value: json.value };
  return { ok: false, reason: reason('invalid_response', `${what}: neither a JSON-RPC result nor a node status`) };
}
