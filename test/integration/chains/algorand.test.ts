// Algorand against local algod stand-ins replaying responses from the algod
// REST API docs (test/fixtures/chains/algorand). Every test runs a full round
// through the real engine and reads the JSON report.
import { describe, expect, it } from 'vitest';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { freePort } from '../../support/free-port.ts';
import type { Reply, Routes } from '../../support/replay-server.ts';
import { replayedChain } from '../../support/replayed-chain.ts';
import { checkConfig, codes, endpoint, network } from '../../support/run-check.ts';

const TOKEN = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6abcd';
const ADDRESS = 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY';
const ROUND = 46374813;
const env = { ALGOD_TOKEN: TOKEN };
/** The probe's clock in the tests that measure the block interval. */
const NOW = Date.parse('2026-03-01T12:00:00Z');
/** status.json's time-since-last-round (ns), in seconds: the head arrived this long before NOW. */
const HEAD_AGE = 1.459243112;

interface Algod {
  status?: Reply;
  versions?: Reply;
  account?: Reply;
  participation?: Reply;
  /** GET /v2/blocks/{ROUND − 32}: by default the docs' header stamped 90 s before the real clock (rounds on time). */
  block?: Reply;
}

/** The header of the round 32 below the head, its `ts` (whole Unix seconds) `secondsBefore` before `nowMs`. */
function olderHeader(secondsBefore: number, nowMs = NOW): Reply {
  const body = chainFixture('algorand', 'block-header');
  body['block']['ts'] = Math.floor(nowMs / 1000) - secondsBefore;
  return { body };
}

/** algod's routes; /v2/status and accounts demand the token like algod does. */
function algod(parts: Algod = {}): Routes {
  const tokenGated = (reply: Reply) => (req: { headers: Record<string, unknown> }): Reply =>
    req.headers['x-algo-api-token'] === TOKEN ? reply : { status: 401, body: chainFixture('algorand', 'error-invalid-token') };
  return {
    rest: {
      'GET /v2/status': tokenGated(parts.status ?? { body: chainFixture('algorand', 'status') }),
      'GET /versions': parts.versions ?? { body: chainFixture('algorand', 'versions-mainnet') },
      [`GET /v2/accounts/${ADDRESS}`]: tokenGated(parts.account ?? { body: chainFixture('algorand', 'account-online') }),
      [`GET /v2/blocks/${ROUND - 32}`]: parts.block ? tokenGated(parts.block) : (req) => tokenGated(olderHeader(90, Date.now()))(req),
      // The admin route: a correctly configured algod refuses it without the admin token.
      'GET /v2/participation': parts.participation ?? { status: 401, body: chainFixture('algorand', 'error-invalid-token') },
    },
  };
}

function config(urls: string[], extra = '', endpointExtra: (i: number) => string = () => ''): string {
  return `
version: 1
networks:
  - id: algo
    chain: algorand
    expect: { genesisId: mainnet-v1.0, genesisHash: wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8= }
${extra}
    endpoints:
${urls.map((url, i) => `      - id: node-${i + 1}
        url: ${url}
        headers: { X-Algo-API-Token: "\${env:ALGOD_TOKEN}" }
${endpointExtra(i)}`).join('\n')}
`;
}

describe('algorand adapter against replayed algod responses', () => {
  const node = replayedChain();
  // On the probe clock NOW, the round 32 below the head stamped 91 s before it.
  const run = (parts: Algod, extra = '') =>
    node.replay(algod({ block: olderHeader(91), ...parts }), (url) => config([url], extra), { env, now: () => NOW });

  it('reports a healthy node up, with last-round as height and time-since-last-round as head age, instant finality and the round interval', async () => {
    const report = await run({});
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    // The head arrived HEAD_AGE before NOW; the round 32 below it is stamped 91 s before NOW.
    expect(e.chain).toEqual({
      height: ROUND, lagBlocks: 0, headAgeSeconds: 1.5, syncing: false, peers: null,
      finalizedHeight: ROUND, finalityLagBlocks: 0, finalityLagSeconds: 0, blockIntervalSeconds: Math.round(((91 - HEAD_AGE) / 32) * 1000) / 1000,
    });
    expect(network(report, 'algo').accounts).toEqual([]);
  });

  it('asks for the round 32 below the head, header only, with the token', async () => {
    await run({});
    const block = node.requests.find((r) => r.path.startsWith('/v2/blocks/'));
    expect(block?.path).toBe(`/v2/blocks/${ROUND - 32}?header-only=true`);
    expect(block?.headers['x-algo-api-token']).toBe(TOKEN);
  });

  it('reports rounds slower than cadenceFactor × 2.8 s as slow_blocks (degraded)', async () => {
    // 32 rounds in about 320 s: 10 s a round.
    const e = endpoint(await run({ block: olderHeader(322) }), 'algo', 'node-1');
    expect(e.status).toBe('degraded');
    expect(e.chain?.blockIntervalSeconds).toBe(Math.round(((322 - HEAD_AGE) / 32) * 1000) / 1000);
    expect(e.reasons).toEqual([{
      code: 'slow_blocks',
      message: 'blocks every 10.0 s over the last 32 blocks, expected ~2.8 s (max cadenceFactor 2 × 2.8 s); the chain, or the branch this node follows, is producing blocks slowly',
    }]);
  });

  it('reads the round\'s ts from a whole block too (an algod before 4.0.2 ignores header-only)', async () => {
    const full = olderHeader(91);
    (full.body as Record<string, any>)['block']['txns'] = [{ txn: { type: 'pay', amt: 1000 } }];
    (full.body as Record<string, any>)['cert'] = { rnd: ROUND - 32, step: 2 };
    const e = endpoint(await run({ block: full }), 'algo', 'node-1');
    expect(e.chain?.blockIntervalSeconds).toBe(Math.round(((91 - HEAD_AGE) / 32) * 1000) / 1000);
  });

  it.each([
    ['404 "None existing block" (a node that no longer has the round)', { status: 404, body: { message: 'failed to retrieve information from the ledger' } }],
    ['a block for another round', { body: { block: { ...chainFixture('algorand', 'block-header')['block'], rnd: ROUND } } }],
    ['a body over maxResponseBytes (a whole busy block)', { body: { block: { rnd: ROUND - 32, ts: NOW / 1000 - 91, txns: 'x'.repeat(1_100_000) } } }],
  ] as const)('gives no block interval, and no reason, on %s', async (_what, reply) => {
    const e = endpoint(await run({ block: reply }), 'algo', 'node-1');
    expect(e.status).toBe('up');
    expect(e.reasons).toEqual([]);
    expect(e.chain).toMatchObject({ height: ROUND, blockIntervalSeconds: null });
  });

  it('sends the configured X-Algo-API-Token on reads and never prints it', async () => {
    const report = await run({});
    const status = node.requests.find((r) => r.path === '/v2/status');
    expect(status?.headers['x-algo-api-token']).toBe(TOKEN);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('reports a node in catchup as syncing (down) and keeps it out of agreement', async () => {
    const report = await run({ status: { body: chainFixture('algorand', 'status-catchup') } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('down');
    expect(codes(e)).toEqual(['syncing']);
    expect(e.reasons[0]!.message).toMatch(/catching up \(catchup-time 3\.0 min, at round 46374101\)/);
    expect(e.chain?.syncing).toBe(true);
    expect(e.chain?.lagBlocks).toBeNull();
  });

  it('reports fast catchup to a catchpoint as syncing, naming the catchpoint', async () => {
    const report = await run({ status: { body: chainFixture('algorand', 'status-fast-catchup') } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(codes(e)).toEqual(['syncing']);
    expect(e.reasons[0]!.message).toContain('fast catchup to catchpoint 46370000#MZ4GPFDV');
    expect(e.reasons[0]!.message).toContain('blocks 0 of 1000');
  });

  it('reports a head older than maxHeadAgeSeconds (30 s by default) as stale_head', async () => {
    const report = await run({ status: { body: chainFixture('algorand', 'status-stale') } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('down');
    expect(codes(e)).toEqual(['stale_head']);
    expect(e.chain?.headAgeSeconds).toBe(95);
    expect(e.reasons[0]!.message).toBe('newest block is 95.0 s old (max 30 s)');
  });

  it('reports stopped-at-unsupported-round as down with a message that says to upgrade algod', async () => {
    const report = await run({ status: { body: chainFixture('algorand', 'status-stopped') } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([{
      code: 'stale_head',
      message: 'algod stopped at round 46374813: the network upgraded its consensus protocol to https://github.com/algorandfoundation/specs/tree/925a46433742afb0b51bb939354bd907fa88bf95 at round 46374814, which this algod version does not support; upgrade algod',
    }]);
  });

  it('reports another network as wrong_chain, naming both the genesis id and hash it found and expected', async () => {
    const report = await run({ versions: { body: chainFixture('algorand', 'versions-testnet') } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toEqual([
      { code: 'wrong_chain', message: 'genesisId is "testnet-v1.0", expected "mainnet-v1.0"' },
      { code: 'wrong_chain', message: 'genesisHash is "SGO1GKSzyE7IEPItTxCByw9x8FmnrCDexi9/cOUJOiI=", expected "wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8="' },
    ]);
  });

  it('reports a rejected token as http_error 401 naming the header, and still checks identity on /versions', async () => {
    const report = await node.replay(algod({ versions: { body: chainFixture('algorand', 'versions-testnet') } }), (url) => config([url]), { env: { ALGOD_TOKEN: 'not-the-token' } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('down');
    expect(e.reasons[0]).toEqual({ code: 'http_error', message: 'GET /v2/status: HTTP 401 ({"message":"Invalid API Token"}); check the X-Algo-API-Token header' });
    expect(codes(e)).toContain('wrong_chain');
    expect(JSON.stringify(report)).not.toContain('not-the-token');
  });

  it.each([
    ['a decimal string', '46374813', 'last-round "46374813" is not a JSON number'],
    ['a negative number', -5, 'last-round -5 is not a non-negative whole number'],
    ['a fraction', 46374813.5, 'last-round 46374813.5 is not a non-negative whole number'],
    ['missing', undefined, 'last-round undefined is not a JSON number'],
  ])('reports last-round sent as %s as invalid_response, with no height', async (_what, value, message) => {
    const report = await run({ status: { body: { ...chainFixture('algorand', 'status'), 'last-round': value } } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('down');
    expect(e.reasons).toContainEqual({ code: 'invalid_response', message: `GET /v2/status: ${message}` });
    expect(e.chain?.height).toBeNull();
  });

  it('reports a status body that is not JSON as invalid_response', async () => {
    const report = await run({ status: { body: '<html>gateway</html>', headers: { 'content-type': 'text/html' } } });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.reasons[0]).toEqual({ code: 'invalid_response', message: 'GET /v2/status: body is not JSON (content-type text/html): <html>gateway</html>' });
  });
});

describe('algorand participation-key watch', () => {
  const node = replayedChain();
  const accountsBlock = `    accounts:\n      - address: ${ADDRESS}\n        warnDays: 14`;
  const withVoteLastValid = (voteLastValid: number) => {
    const account = chainFixture('algorand', 'account-online');
    account['participation']['vote-last-valid'] = voteLastValid;
    return { body: account };
  };
  const run = (parts: Algod, extra = accountsBlock) => node.replay(algod(parts), (url) => config([url], extra), { env });

  it('reports an Online account with a distant key as up, with days to expiry from the block time', async () => {
    const report = await run({});
    const accounts = network(report, 'algo').accounts;
    // (48,000,000 − 46,374,813) rounds × 2.8 s ÷ 86,400 s
    expect(accounts).toEqual([{ address: ADDRESS, status: 'up', participation: 'Online', voteLastValid: 48000000, daysToExpiry: 52.67, reasons: [] }]);
    expect(network(report, 'algo').status).toBe('up');
    const read = node.requests.find((r) => r.path.startsWith('/v2/accounts/'));
    expect(read?.path).toBe(`/v2/accounts/${ADDRESS}?exclude=all`);
    expect(read?.headers['x-algo-api-token']).toBe(TOKEN);
  });

  it('uses the network blockTimeSeconds from the config for days to expiry', async () => {
    const report = await run({}, `    blockTimeSeconds: 3.3\n${accountsBlock}`);
    expect(network(report, 'algo').accounts[0]!.daysToExpiry).toBe(62.07);
  });

  it('reports a key expiring within warnDays as partkey_expiring, degrading the network', async () => {
    // 280,800 rounds × 2.8 s = 9.1 days
    const report = await run({ account: withVoteLastValid(ROUND + 280_800) });
    const [account] = network(report, 'algo').accounts;
    expect(account).toMatchObject({ status: 'degraded', participation: 'Online', voteLastValid: ROUND + 280_800, daysToExpiry: 9.1 });
    expect(account!.reasons).toEqual([{
      code: 'partkey_expiring',
      message: `account ${ADDRESS}: participation key expires in 9.1 days (round ${ROUND + 280_800}, warnDays 14); register a new key before then`,
    }]);
    expect(network(report, 'algo').status).toBe('degraded');
    expect(report.status).toBe('degraded');
  });

  it('reports an expired key as partkey_expiring with negative days to expiry', async () => {
    const report = await run({ account: withVoteLastValid(ROUND - 30_857) });
    const [account] = network(report, 'algo').accounts;
    expect(account!.daysToExpiry).toBe(-1);
    expect(account!.reasons[0]!.message).toBe(`account ${ADDRESS}: participation key expired at round ${ROUND - 30_857} (1.0 days ago); it no longer votes, register a new key`);
  });

  it('reports an Offline account as partkey_expiring whatever its key', async () => {
    const report = await run({ account: { body: chainFixture('algorand', 'account-offline') } });
    expect(network(report, 'algo').accounts).toEqual([{
      address: ADDRESS, status: 'degraded', participation: 'Offline', voteLastValid: null, daysToExpiry: null,
      reasons: [{ code: 'partkey_expiring', message: `account ${ADDRESS} is Offline: it does not vote; register its participation key online` }],
    }]);
  });

  it('reports a failing account call as down with the transport reason, naming the account', async () => {
    const report = await run({ account: { status: 500, body: { message: 'failed to retrieve account' } } });
    expect(network(report, 'algo').accounts).toEqual([{
      address: ADDRESS, status: 'down', participation: null, voteLastValid: null, daysToExpiry: null,
      reasons: [{ code: 'http_error', message: `account ${ADDRESS}: GET /v2/accounts/{address}: HTTP 500 ({"message":"failed to retrieve account"})` }],
    }]);
    expect(network(report, 'algo').status).toBe('down');
  });

  it('reports an account body with an unknown status as invalid_response', async () => {
    const report = await run({ account: { body: { ...chainFixture('algorand', 'account-online'), status: 'Sleeping' } } });
    const [account] = network(report, 'algo').accounts;
    expect(account).toMatchObject({ status: 'down', participation: null });
    expect(account!.reasons).toEqual([{ code: 'invalid_response', message: `account ${ADDRESS}: status is "Sleeping", expected one of Online, Offline, NotParticipating` }]);
  });

  it('reads accounts from a reference endpoint when no other endpoint answered', async () => {
    const closed = await freePort();
    const report = await node.replay(
      algod({}),
      (url) => config([`http://127.0.0.1:${closed}`, url], accountsBlock, (i) => (i === 1 ? '        reference: true' : '')),
      { env },
    );
    expect(endpoint(report, 'algo', 'node-1').reasons[0]!.code).toBe('connect_refused');
    expect(network(report, 'algo').accounts[0]).toMatchObject({ status: 'up', participation: 'Online', daysToExpiry: 52.67 });
    expect(node.requests.some((r) => r.path.startsWith('/v2/accounts/'))).toBe(true);
  });

  it('reports the accounts down, naming the reason, when no endpoint answered', async () => {
    const closed = await freePort();
    const report = await checkConfig(config([`http://127.0.0.1:${closed}`], accountsBlock), { env });
    const [account] = network(report, 'algo').accounts;
    expect(account!.status).toBe('down');
    expect(account!.reasons[0]!.code).toBe('connect_refused');
    expect(account!.reasons[0]!.message).toMatch(new RegExp(`^account ${ADDRESS}: no endpoint answered \\(connection refused`));
  });
});

describe('algorand admin API exposure', () => {
  const node = replayedChain();
  const run = (participation: Reply) => node.replay(algod({ participation }), (url) => config([url]), { env });

  it('reports exposed_admin_api when GET /v2/participation answers without the admin token, and sends it no token', async () => {
    const report = await run({ body: chainFixture('algorand', 'participation') });
    const e = endpoint(report, 'algo', 'node-1');
    expect(e.status).toBe('degraded');
    expect(e.reasons).toEqual([{ code: 'exposed_admin_api', message: 'GET /v2/participation answers without the admin token: the algod admin API (participation keys) is open to the internet' }]);
    const probe = node.requests.find((r) => r.path === '/v2/participation');
    expect(probe?.method).toBe('GET');
    expect(probe?.headers['x-algo-api-token']).toBeUndefined();
  });

  it('reports exposure when algod holds no keys (it answers null)', async () => {
    const report = await run({ body: null });
    expect(codes(endpoint(report, 'algo', 'node-1'))).toEqual(['exposed_admin_api']);
  });

  it.each([
    ['401 Invalid API Token', { status: 401, body: { message: 'Invalid API Token' } }],
    ['403 from a proxy', { status: 403, body: 'forbidden' }],
    ['404 from a proxy', { status: 404, body: 'not found' }],
    ['200 HTML from a catch-all page', { status: 200, body: '<html>hello</html>', headers: { 'content-type': 'text/html' } }],
  ] as const)('reports no exposure when /v2/participation answers %s', async (_what, reply) => {
    const report = await run(reply);
    expect(endpoint(report, 'algo', 'node-1').status).toBe('up');
  });

  it('does not probe reference endpoints for exposure', async () => {
    const closed = await freePort();
    const report = await node.replay(
      algod({ participation: { body: chainFixture('algorand', 'participation') } }),
      (url) => config([url, `http://127.0.0.1:${closed}`], '', (i) => (i === 0 ? '        reference: true' : '')),
      { env },
    );
    expect(endpoint(report, 'algo', 'node-1').status).toBe('up');
    expect(node.requests.map((r) => r.path)).not.toContain('/v2/participation');
  });
});
