// Every connection of a probe is verified before a request byte is written
// (issue 11, defect 1). The server presents a valid certificate for the host
// on its first connection(s) and a self-signed one for another name on
// every later one, closing the connection after each answer so the client
// must reconnect. Bytes are counted at the TLS socket: a later connection
// must carry none, whichever call (required, optional, exposure, account)
// needed it, and the failure must be the probe's reason.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor } from '../../../src/chains/registry.ts';
import { parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { resolveSecrets } from '../../../src/config/resolve-secrets.ts';
import { readAccounts } from '../../../src/engine/accounts.ts';
import { runRound } from '../../../src/engine/round.ts';
import { emptyTimings } from '../../../src/report/timings.ts';
import { chainFixture } from '../../support/chain-fixtures.ts';
import { createCa, issueLeaf, selfSigned, type CertificateAuthority, type Pem } from '../../support/certificates.ts';
import { certificateSwitchingServer, type CertificateSwitchingServer } from '../../support/certificate-switching-server.ts';
import { evmAnswers, type RpcAnswer } from '../../support/servers.ts';

const API_KEY = 'k-7f3a9c51e2';
const PASSWORD = 'p-51b2e8d04c';
const env = { RPC_KEY: API_KEY, RPC_PASSWORD: PASSWORD };

let ca: CertificateAuthority;
let valid: Pem;
let impostor: Pem;
const servers: CertificateSwitchingServer[] = [];

beforeAll(async () => {
  ca = await createCa('Vantage Switch CA');
  valid = await issueLeaf(ca, { names: ['127.0.0.1'] });
  impostor = await selfSigned({ names: ['impostor.example'] });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function switching(firstConnections: number, handler: (req: IncomingMessage, res: ServerResponse, body: string) => void) {
  const server = await certificateSwitchingServer({ first: valid, later: impostor, firstConnections, handler });
  servers.push(server);
  return server;
}

/** An EVM node that answers every read call and, carelessly, admin_nodeInfo too. */
function evmNode(req: IncomingMessage, res: ServerResponse, body: string): void {
  const answers: Record<string, RpcAnswer> = { ...evmAnswers({ height: 100, peers: 12 }), admin_nodeInfo: { result: { name: 'Geth/v1.14' } } };
  const call = JSON.parse(body) as { id: number; method: string };
  const answer = answers[call.method] ?? { error: { code: -32601, message: 'method not found' } };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id, ...answer }));
}

async function prepared(config: unknown) {
  const loaded = parseConfigText(JSON.stringify(config), { file: null, baseDir: process.cwd() });
  return resolveSecrets(applyDefaults(loaded), { env });
}

async function probeEvm(server: CertificateSwitchingServer) {
  const { config, redactor } = await prepared({
    version: 1,
    networks: [{
      id: 'eth',
      chain: 'evm',
      endpoints: [{
        id: 'rpc',
        url: server.url,
        headers: { 'X-Api-Key': '${env:RPC_KEY}' },
        basicAuth: { username: 'probe', password: '${env:RPC_PASSWORD}' },
        tls: { caFile: ca.caFile },
      }],
    }],
  });
  const report = await runRound(config, redactor, { region: 'test' });
  return report.networks[0]!.endpoints[0]!;
}

const methodsOn = (server: CertificateSwitchingServer, index: number) =>
  server.connections[index - 1]!.requests.map((r) => (JSON.parse(r.body) as { method: string }).method);

function expectNothingSentAfter(server: CertificateSwitchingServer, firstConnections: number): void {
  const later = server.connections.filter((c) => c.index > firstConnections);
  // The test means something only if the client did reconnect to the impostor.
  expect(later.length).toBeGreaterThan(0);
  for (const c of later) {
    expect(c.certificate).toBe('later');
    expect({ connection: c.index, bytes: c.applicationBytes, received: c.received }).toEqual({ connection: c.index, bytes: 0, received: '' });
    expect(c.requests).toEqual([]);
  }
}

describe('every connection of a probe is verified before a byte is written', () => {
  it('a reconnect that presents a self-signed certificate for another name gets no request byte; the endpoint is down with cert_untrusted and tls.trusted false', async () => {
    const server = await switching(1, evmNode);
    const endpoint = await probeEvm(server);

    // The first, verified connection did carry the credentials: the test's config sends them.
    expect(methodsOn(server, 1)).toEqual(['eth_chainId']);
    const first = server.connections[0]!.requests[0]!;
    expect(first.headers['x-api-key']).toBe(API_KEY);
    expect(first.headers['authorization']).toBe(`Basic ${Buffer.from(`probe:${PASSWORD}`).toString('base64')}`);

    expectNothingSentAfter(server, 1);
    expect(endpoint.status).toBe('down');
    expect(endpoint.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['cert_untrusted', 'cert_hostname_mismatch']));
    expect(endpoint.reasons).toContainEqual({
      code: 'cert_untrusted',
      message: 'certificate not trusted: self-signed certificate (issuer CN=impostor.example) (on a new connection after the server closed the previous one)',
    });
    expect(endpoint.tls).toMatchObject({ trusted: false, hostnameMatch: false, subject: 'CN=impostor.example' });
  });

  // The certificate switches under each later call of the EVM probe in turn:
  // eth_syncing, net_peerCount and admin_nodeInfo are calls whose failure the
  // adapter ignores, and the failed reconnect must still be the reason.
  it.each([
    [2, 'eth_syncing', ['eth_chainId', 'eth_getBlockByNumber']],
    [3, 'net_peerCount', ['eth_chainId', 'eth_getBlockByNumber', 'eth_syncing']],
    [4, 'admin_nodeInfo (exposure)', ['eth_chainId', 'eth_getBlockByNumber', 'eth_syncing', 'net_peerCount']],
  ] as const)('valid for %i connections, then an impostor under %s: nothing sent to it, and the endpoint is down with cert_untrusted', async (firstConnections, _call, sent) => {
    const server = await switching(firstConnections, evmNode);
    const endpoint = await probeEvm(server);
    expect(server.connections.slice(0, firstConnections).flatMap((c) => methodsOn(server, c.index))).toEqual(sent);
    expectNothingSentAfter(server, firstConnections);
    expect(endpoint.status).toBe('down');
    expect(endpoint.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['cert_untrusted', 'cert_hostname_mismatch']));
    expect(endpoint.tls).toMatchObject({ trusted: false, hostnameMatch: false, subject: 'CN=impostor.example' });
    // What the verified connections read is still reported.
    expect(endpoint.chain?.height).toBe(100);
  });

  it('the same server with one valid certificate throughout is read over seven verified connections, every call answered', async () => {
    const server = await certificateSwitchingServer({ first: valid, later: valid, handler: evmNode });
    servers.push(server);
    const endpoint = await probeEvm(server);
    // Every call reached the node, the careless admin_nodeInfo included.
    expect(endpoint.reasons.map((r) => r.code)).toEqual(['exposed_admin_api']);
    expect(server.connections.flatMap((c) => methodsOn(server, c.index)))
      // eth_getBlockByNumber three times: the head, the finalized head, the block 32 below the head.
      .toEqual(['eth_chainId', 'eth_getBlockByNumber', 'eth_syncing', 'net_peerCount', 'eth_getBlockByNumber', 'eth_getBlockByNumber', 'admin_nodeInfo']);
    expect(endpoint.tls).toMatchObject({ trusted: true, hostnameMatch: true, subject: 'CN=127.0.0.1' });
  });
});

describe('account reads: every connection verified too', () => {
  const ADDRESSES = ['WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY', 'BBNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY'];

  it('the second account read meets an impostor on the reconnect: no byte reaches it, and every account of the read carries cert_untrusted', async () => {
    const server = await switching(1, (req, res) => {
      const address = /^\/v2\/accounts\/([A-Z2-7]+)/.exec(req.url ?? '')?.[1];
      res.writeHead(address ? 200 : 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify(address ? { ...chainFixture('algorand', 'account-online'), address } : { message: 'not found' }));
    });
    const { config } = await prepared({
      version: 1,
      networks: [{
        id: 'algo',
        chain: 'algorand',
        endpoints: [{ id: 'node', url: server.url, headers: { 'X-Algo-API-Token': '${env:RPC_KEY}' }, tls: { caFile: ca.caFile } }],
        accounts: ADDRESSES.map((address) => ({ address })),
      }],
    });
    const network = config.networks[0]!;
    // The endpoint answered its probe (that is what makes it the account source).
    const source = {
      endpoint: network.endpoints[0]!, reasons: [], timings: emptyTimings(), tls: null, addresses: [],
      chain: { height: 46374813, headTimeSeconds: null, headAgeSeconds: null, syncing: false, peers: null, identity: {}, finality: null, cadence: null },
    };
    const accounts = await readAccounts(network, [source], adapterFor('algorand'), {});

    expect(server.connections[0]!.requests.map((r) => r.url)).toEqual([`/v2/accounts/${ADDRESSES[0]}?exclude=all`]);
    expect(server.connections[0]!.requests[0]!.headers['x-algo-api-token']).toBe(API_KEY);
    expectNothingSentAfter(server, 1);
    expect(accounts.map((a) => a.address)).toEqual(ADDRESSES);
    for (const account of accounts) {
      expect(account.reasons).toContainEqual({
        code: 'cert_untrusted',
        message: `account ${account.address}: certificate not trusted: self-signed certificate (issuer CN=impostor.example) (on a new connection after the server closed the previous one)`,
      });
    }
  });
});
