// Algorand (algod REST API v2). Height from GET /v2/status, identity from
// GET /versions, head age from the node's own time-since-last-round (ns), and
// the participation-key watch from GET /v2/accounts/{address}. Every block is
// final when it is certified (instant finality); cadence reads the header of
// the round 32 below the last.
import type { ResolvedAccount } from '../config/resolved-config.ts';
import type { HttpOutcome } from '../probe/http-session.ts';
import { nodeText, quote } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import type { AccountReading, AdapterContext, AdapterOutcome, CadenceReading, ChainAdapter } from './adapter.ts';
import { cadenceBase, cadenceReading, instantFinality } from './finality-cadence.ts';
import { judgeParticipation } from './algorand-participation.ts';
import { expectJson, parseJsonBody } from './json-response.ts';
import { isRecord } from './json-value.ts';
import { parseJsonInteger } from './node-numbers.ts';
import { heightAnswer } from './height-answer.ts';

const STATUS = '/v2/status';
const VERSIONS = '/versions';
/** Held by algod until round+1 exists (at once if it does), at most one minute; then the node status. */
const WAIT_FOR_BLOCK_AFTER = '/v2/status/wait-for-block-after';
/** Needs the admin token; must never answer from outside without it. */
const PARTICIPATION = '/v2/participation';
const NS_PER_SECOND = 1e9;
/** header-only (algod 4.0.2 and later) leaves out the transactions; older nodes ignore it and send the whole block, read the same way. */
const BLOCK_HEADER = (round: number) => `/v2/blocks/${round}?header-only=true`;

export const algorand: ChainAdapter = {
  family: 'algorand',
  readCalls: [`GET ${STATUS}`, `GET ${VERSIONS}`, 'GET /v2/accounts/{address}?exclude=all', 'GET /v2/blocks/{round}?header-only=true', `GET ${WAIT_FOR_BLOCK_AFTER}/{round}`],
  exposureCalls: [`GET ${PARTICIPATION}`],
  heightCall: {
    calls: [`GET ${STATUS}`, `GET ${WAIT_FOR_BLOCK_AFTER}/{round}`],
    mode: 'long-poll',
    async ask({ http }, after) {
      // The first ask learns where the node is; each later one waits for the round after the last seen.
      const path = after === null ? STATUS : `${WAIT_FOR_BLOCK_AFTER}/${after}`;
      const what = after === null ? `GET ${STATUS}` : `GET ${WAIT_FOR_BLOCK_AFTER}/{round}`;
      const status = expectJson(await http.request({ method: 'GET', path }), what);
      if (!status.ok) return { ok: false, reason: withTokenHint(status.reason, status.status) };
      if (!isRecord(status.value)) return { ok: false, reason: reason('invalid_response', `${what}: body is not a node status object`) };
      return heightAnswer(parseJsonInteger(status.value['last-round'], 'last-round'), what);
    },
  },

  async read({ http, now }: AdapterContext): Promise<AdapterOutcome> {
    const reasons: Reason[] = [];
    const statusAnswer = await http.request({ method: 'GET', path: STATUS });
    const status = expectJson(statusAnswer, `GET ${STATUS}`);
    let height: number | null = null;
    let headAgeSeconds: number | null = null;
    let syncing: boolean | null = null;
    if (!status.ok) reasons.push(withTokenHint(status.reason, status.status));
    else if (!isRecord(status.value)) reasons.push(reason('invalid_response', `GET ${STATUS}: body is not a node status object`));
    else ({ height, headAgeSeconds, syncing } = readStatus(status.value, reasons));
    // A dead endpoint is done; one that answered (even 401) may still tell its identity.
    if (!statusAnswer.ok) return { chain: null, reasons };

    const identity = await readIdentity(http, reasons);
    // algod's status carries no block time: the head's time is when the node says it arrived.
    const headTime = headAgeSeconds === null ? null : now() / 1000 - headAgeSeconds;
    const cadence = height === null ? null : await readCadence(http, height, headTime);
    const obtained = height !== null || Object.keys(identity).length > 0;
    return {
      chain: obtained
        ? { height, headTimeSeconds: null, headAgeSeconds, syncing, peers: null, identity, finality: instantFinality(height), cadence }
        : null,
      reasons,
    };
  },

  async checkExposure({ http }: AdapterContext): Promise<Reason | null> {
    // Sent without the endpoint's headers, so without the (admin) token: a
    // participation-key list coming back means the admin API needs no token.
    const answer = await http.request({ method: 'GET', path: PARTICIPATION, withoutEndpointHeaders: true });
    if (!answer.ok || answer.status !== 200) return null;
    const json = parseJsonBody(answer, `GET ${PARTICIPATION}`);
    // algod answers a list of keys, or null when it holds none; anything else (an HTML catch-all page) is not algod.
    if (!json.ok || !(Array.isArray(json.value) || json.value === null)) return null;
    return reason('exposed_admin_api', `GET ${PARTICIPATION} answers without the admin token: the algod admin API (participation keys) is open to the internet`);
  },

  async readAccounts(ctx: AdapterContext, accounts: readonly ResolvedAccount[], lastRound: number | null): Promise<AccountReading[]> {
    const readings: AccountReading[] = [];
    // One at a time over the one connection: a handful of accounts, and no burst against the node.
    for (const account of accounts) readings.push(await readAccount(ctx, account, lastRound));
    return readings;
  },
};

function readStatus(body: Record<string, unknown>, reasons: Reason[]): { height: number | null; headAgeSeconds: number | null; syncing: boolean | null } {
  let height: number | null = null;
  const round = parseJsonInteger(body['last-round'], 'last-round');
  if (round.ok) height = round.value;
  else reasons.push(reason('invalid_response', `GET ${STATUS}: ${round.message}`));

  let headAgeSeconds: number | null = null;
  const sinceLast = parseJsonInteger(body['time-since-last-round'], 'time-since-last-round');
  if (sinceLast.ok) headAgeSeconds = sinceLast.value / NS_PER_SECOND;
  else reasons.push(reason('invalid_response', `GET ${STATUS}: ${sinceLast.message}`));

  let syncing: boolean | null = null;
  const catchupTime = parseJsonInteger(body['catchup-time'], 'catchup-time');
  const catchpoint = typeof body['catchpoint'] === 'string' ? body['catchpoint'] : '';
  if (!catchupTime.ok) reasons.push(reason('invalid_response', `GET ${STATUS}: ${catchupTime.message}`));
  else if (catchpoint !== '') {
    syncing = true;
    reasons.push(reason('syncing', `node is in fast catchup to catchpoint ${nodeText(catchpoint)}${catchpointProgress(body)}`));
  } else if (catchupTime.value > 0) {
    syncing = true;
    reasons.push(reason('syncing', `node is catching up (catchup-time ${formatSeconds(catchupTime.value / NS_PER_SECOND)}, at round ${height ?? 'unknown'})`));
  } else syncing = false;

  if (body['stopped-at-unsupported-round'] === true) {
    // The node cannot apply the next block: its head will never move again.
    const next = typeof body['next-version'] === 'string' ? ` to ${nodeText(body['next-version'])}` : '';
    const round = parseJsonInteger(body['next-version-round'], 'next-version-round');
    const at = round.ok ? ` at round ${round.value}` : '';
    reasons.push(reason('stale_head', `algod stopped at round ${height ?? 'unknown'}: the network upgraded its consensus protocol${next}${at}, which this algod version does not support; upgrade algod`));
  } else if (body['stopped-at-unsupported-round'] !== false) {
    reasons.push(reason('invalid_response', `GET ${STATUS}: stopped-at-unsupported-round is ${quote(body['stopped-at-unsupported-round'])}, expected true or false`));
  }
  return { height, headAgeSeconds, syncing };
}

/**
 * The timestamp (`ts`, Unix seconds) of the round 32 below the last. A
 * failure (a round this node no longer has, a full block over
 * maxResponseBytes on an old algod) is no cadence this run, never a finding.
 */
async function readCadence(http: AdapterContext['http'], round: number, headTime: number | null): Promise<CadenceReading | null> {
  const base = cadenceBase(round);
  if (!base || headTime === null) return null;
  const json = expectJson(await http.request({ method: 'GET', path: BLOCK_HEADER(base.height) }), 'GET /v2/blocks/{round}');
  if (!json.ok || !isRecord(json.value) || !isRecord(json.value['block'])) return null;
  const block = json.value['block'];
  const at = parseJsonInteger(block['rnd'], 'rnd');
  const ts = parseJsonInteger(block['ts'], 'ts');
  if (!at.ok || at.value !== base.height || !ts.ok) return null;
  return cadenceReading(headTime, ts.value, base.blocks);
}

function catchpointProgress(body: Record<string, unknown>): string {
  const acquired = body['catchpoint-acquired-blocks'];
  const total = body['catchpoint-total-blocks'];
  return typeof acquired === 'number' && typeof total === 'number' && total > 0 ? ` (blocks ${acquired} of ${total})` : '';
}

async function readIdentity(http: AdapterContext['http'], reasons: Reason[]): Promise<Record<string, string>> {
  const identity: Record<string, string> = {};
  const versions = expectJson(await http.request({ method: 'GET', path: VERSIONS }), `GET ${VERSIONS}`);
  if (!versions.ok) {
    reasons.push(versions.reason);
    return identity;
  }
  const body = isRecord(versions.value) ? versions.value : {};
  for (const [key, field] of [['genesisId', 'genesis_id'], ['genesisHash', 'genesis_hash_b64']] as const) {
    const value = body[field];
    if (typeof value === 'string' && value !== '') identity[key] = value;
    else reasons.push(reason('invalid_response', `GET ${VERSIONS}: ${field} is ${quote(value)}, expected a non-empty string`));
  }
  return identity;
}

async function readAccount(ctx: AdapterContext, account: ResolvedAccount, lastRound: number | null): Promise<AccountReading> {
  const path = `/v2/accounts/${encodeURIComponent(account.address)}?exclude=all`;
  const failed = (r: Reason): AccountReading => ({
    address: account.address, participation: null, voteLastValid: null, daysToExpiry: null,
    reasons: [{ code: r.code, message: `account ${account.address}: ${r.message}` }],
  });
  const answer: HttpOutcome = await ctx.http.request({ method: 'GET', path });
  const json = expectJson(answer, 'GET /v2/accounts/{address}');
  if (!json.ok) return failed(withTokenHint(json.reason, json.status));
  if (!isRecord(json.value)) return failed(reason('invalid_response', 'GET /v2/accounts/{address}: body is not an account object'));
  const body = json.value;
  const participation = isRecord(body['participation']) ? body['participation'] : null;
  const accountRound = parseJsonInteger(body['round'], 'round');
  const judged = judgeParticipation({
    address: account.address,
    status: body['status'],
    voteLastValid: participation ? participation['vote-last-valid'] : undefined,
    // The account's own round is the round its data is for; the status round is the fallback.
    round: accountRound.ok ? accountRound.value : lastRound,
    blockTimeSeconds: ctx.network.blockTimeSeconds,
    warnDays: account.warnDays,
  });
  return { address: account.address, ...judged };
}

/** algod answers 401 to a missing or wrong X-Algo-API-Token: say which header to fix. */
function withTokenHint(r: Reason, status: number | null): Reason {
  return status === 401 ? { code: r.code, message: `${r.message}; check the X-Algo-API-Token header` } : r;
}

function formatSeconds(seconds: number): string {
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
}
