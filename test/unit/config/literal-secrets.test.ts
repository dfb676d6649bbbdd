// The literal-credential detector over real-looking provider URLs and headers
// (keys made up, in each provider's shape) and over ordinary RPC paths that
// must never be flagged.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  findLiteralSecrets, isCredentialHeaderName, literalSecretInHeader, literalSecretsInUrl, literalSecretWarnings, looksLikeKey,
} from '../../../src/config/literal-secrets.ts';
import { parseConfigText } from '../../../src/config/load.ts';
import { resolveSecrets } from '../../../src/config/resolve-secrets.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';

const what = (url: string) => literalSecretsInUrl(url).map((f) => `${f.what}: ${f.value}`);

describe('literal credentials in URLs', () => {
  it.each([
    ['Infura-style /v3/<32 hex>', 'https://mainnet.infura.example/v3/9aa3d95b3bc440fa88ea12eaa4456161', 'a URL path segment: 9aa3d95b3bc440fa88ea12eaa4456161'],
    ['Alchemy-style /v2/<key>', 'https://eth-mainnet.g.alchemy.example/v2/Xk3v9QpL2mN7rT4wZ8yB1cD6fH0jK5sA', 'a URL path segment: Xk3v9QpL2mN7rT4wZ8yB1cD6fH0jK5sA'],
    ['Alchemy-style key with - and _', 'https://arb-mainnet.g.alchemy.example/v2/t8o9WkxF_bN0-ZtPjz5X7uq1dKcRrHmQ', 'a URL path segment: t8o9WkxF_bN0-ZtPjz5X7uq1dKcRrHmQ'],
    ['QuickNode-style path token', 'https://crimson-frosty-sea.quiknode.example/4f1c2b9e8d7a6c5b4a3f2e1d0c9b8a7f6e5d4c3b/', 'a URL path segment: 4f1c2b9e8d7a6c5b4a3f2e1d0c9b8a7f6e5d4c3b'],
    ['Ankr-style /<chain>/<64 hex>', `https://rpc.ankr.example/eth/${'a1b2c3d4'.repeat(8)}`, `a URL path segment: ${'a1b2c3d4'.repeat(8)}`],
    ['Pokt-style /v1/lb/<24 hex>', 'https://eth-mainnet.gateway.pokt.example/v1/lb/62a74ff4f3d9b4c1e2a5b6c7', 'a URL path segment: 62a74ff4f3d9b4c1e2a5b6c7'],
    ['Blast-style project UUID', 'https://eth-mainnet.blastapi.example/0e7b2c4a-9f1d-4e3b-8a6c-5d2f1e0b9c8a', 'a URL path segment: 0e7b2c4a-9f1d-4e3b-8a6c-5d2f1e0b9c8a'],
    ['Helius-style ?api-key=<uuid>', 'https://mainnet.helius-rpc.example/?api-key=0e7b2c4a-9f1d-4e3b-8a6c-5d2f1e0b9c8a', 'the URL query parameter "api-key": 0e7b2c4a-9f1d-4e3b-8a6c-5d2f1e0b9c8a'],
    ['?apikey= with a short value', 'https://api.example.com/rpc?apikey=abc123', 'the URL query parameter "apikey": abc123'],
    ['dRPC-style ?dkey=', 'https://lb.drpc.example/ogrpc?network=ethereum&dkey=Ah3kQ9zP1xW7', 'the URL query parameter "dkey": Ah3kQ9zP1xW7'],
    ['a key under any query name', 'https://rpc.example.com/?session=k3j9x2m7q8w4z1b6n5c0v8r2', 'the URL query parameter "session": k3j9x2m7q8w4z1b6n5c0v8r2'],
    ['base32 key', 'https://rpc.example.com/A7K2M9Q4T8W3Z6B1C5D0/eth', 'a URL path segment: A7K2M9Q4T8W3Z6B1C5D0'],
    ['password in the URL', 'https://rpc:hunter2@node.example.com/', 'the password in the URL: hunter2'],
  ])('flags %s', (_, url, finding) => {
    expect(what(url)).toEqual([finding]);
  });

  it.each([
    ['Algorand /v2/status', 'https://algod.example.com/v2/status'],
    ['/rpc', 'https://rpc.example.com/rpc'],
    ['Avalanche C-chain', 'https://api.avax.example/ext/bc/C/rpc'],
    ['an Avalanche subnet chain id', 'https://subnets.avax.example/ext/bc/2q9e4r6Mu3U68nU1fYjgbR6JvwrRx36CohpAX5UQxse55x1Q5/rpc'],
    ['short ids and versions', 'https://rpc.example.com/v1/mainnet/node-1/abc123'],
    ['Solana cluster names', 'https://rpc.example.com/solana/mainnet-beta'],
    ['a Cosmos REST path', 'https://lcd.example.com/cosmos/base/tendermint/v1beta1/blocks/latest'],
    ['hyphenated words', 'https://rpc.example.com/eth-mainnet-archive-primary-node'],
    ['CamelCase names with a digit', 'https://rpc.example.com/MyArchiveNode2Mainnet'],
    ['names with a year', 'https://rpc.example.com/arbitrummainnet2024archive'],
    ['numbers (chain ids, heights)', 'https://rpc.example.com/evm/43114/blocks/12345678901234567890'],
    ['a 0x address', 'https://api.example.com/accounts/0x742d35Cc6634C0532925a3b844Bc454e4438f44e'],
    ['an Algorand address', 'https://algod.example.com/v2/accounts/WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY'],
    ['ordinary query parameters', 'https://api.example.com/api?module=proxy&action=eth_blockNumber&chainId=1'],
    ['a reference in the path', 'https://mainnet.infura.example/v3/${ssm:/vantage/infura-key}'],
    ['a reference in the query', 'https://rpc.example.com/?api-key=${env:RPC_KEY}'],
    ['a reference as the password', 'https://rpc:${env:RPC_PASSWORD}@node.example.com/'],
    ['a local node', 'http://127.0.0.1:8545'],
  ])('leaves %s alone', (_, url) => {
    expect(what(url)).toEqual([]);
  });
});

describe('literal credentials in headers', () => {
  it.each([
    ['X-API-Key', 'Kp2sX9vQ4mZ7'],
    ['x-api-key', 'test'],
    ['Api-Key', '9aa3d95b3bc440fa88ea12eaa4456161'],
    ['X-Project-Id', 'acme-prod'],
    ['X-Algo-API-Token', 'a'.repeat(64)],
    ['Ocp-Apim-Subscription-Key', 'abc'],
    ['Cookie', 'session=1'],
    ['Authorization', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo'],
    ['X-Custom', '9aa3d95b3bc440fa88ea12eaa4456161'],
    ['X-Forwarded-Auth-Thing', 'anything'],
  ])('flags %s: <literal>', (name, value) => {
    expect(literalSecretInHeader(name, value)).not.toBeNull();
  });

  it('redacts a bearer token with and without its scheme', () => {
    expect(literalSecretInHeader('X-Upstream', 'Bearer abc.def')).toEqual(['Bearer abc.def', 'abc.def']);
  });

  it.each([
    ['Content-Type', 'application/json'],
    ['Accept', 'application/json'],
    ['User-Agent', 'vantage-probe/1.0 (+https://status.example.com)'],
    ['X-Request-Source', 'vantage'],
    ['Authorization', 'Bearer ${ssm:/vantage/token}'],
    ['X-Api-Key', '${env:API_KEY}'],
    ['X-Api-Key', ''],
  ])('leaves %s: %s alone', (name, value) => {
    expect(literalSecretInHeader(name, value)).toBeNull();
  });

  it('tells credential header names from others', () => {
    expect(['Authorization', 'Proxy-Authorization', 'X-Api-Key', 'apikey', 'X-Auth-Token', 'X-Client-Secret', 'X-Project-Id', 'X-App-Id'].filter(isCredentialHeaderName)).toHaveLength(8);
    expect(['Accept', 'Content-Type', 'User-Agent', 'X-Request-Id', 'Keep-Alive', 'Cache-Control'].filter(isCredentialHeaderName)).toEqual([]);
  });

  it('judges random text, not length alone', () => {
    expect(looksLikeKey('ArbitrumOneMainnetArchive2024')).toBe(false);
    expect(looksLikeKey('Node-1-Eth-Mainnet-Archive-Primary')).toBe(false);
    expect(looksLikeKey('Kp2sX9vQ4mZ7')).toBe(false);
    expect(looksLikeKey('Kp2sX9vQ4mZ7Lw8Rt3Yb')).toBe(true);
  });
});

const CONFIG = `version: 1
networks:
  - id: eth
    chain: evm
    endpoints:
      - id: infura
        url: "https://mainnet.infura.example/v3/9aa3d95b3bc440fa88ea12eaa4456161"
      - id: infura-2
        url: "https://sepolia.infura.example/v3/9aa3d95b3bc440fa88ea12eaa4456161"
      - id: keyed
        url: "https://rpc.example.com/rpc"
        headers: { X-Project-Id: acme-prod, Content-Type: application/json }
      - id: allowed
        url: "https://subnet.example.com/Kp2sX9vQ4mZ7Lw8Rt3Yb/rpc"
        allowLiteralSecrets: true
      - id: referenced
        url: "https://rpc.example.com/v3/\${env:KEY}"
        headers: { X-Api-Key: "\${env:KEY}" }
`;

function load() {
  const loaded = parseConfigText(CONFIG, { file: 'vantage.yaml', baseDir: tmpdir() });
  return { loaded, config: applyDefaults(loaded) };
}

describe('literal credentials of a config', () => {
  it('finds each with its config path, and marks the endpoints that allow them', () => {
    const found = findLiteralSecrets(load().config).map((f) => [f.path.join('/'), f.what, f.allowed]);
    expect(found).toEqual([
      ['networks/0/endpoints/0/url', 'a URL path segment', false],
      ['networks/0/endpoints/1/url', 'a URL path segment', false],
      ['networks/0/endpoints/2/headers/X-Project-Id', 'the header value', false],
      ['networks/0/endpoints/3/url', 'a URL path segment', true],
    ]);
  });

  it('warns once per value, naming the file, line and path, never the value, and not for allowed endpoints', () => {
    const { loaded, config } = load();
    const warnings = literalSecretWarnings(findLiteralSecrets(config), 'vantage.yaml', loaded.lineOf);
    expect(warnings).toEqual([
      'vantage.yaml:7: warning: networks[0].endpoints[0].url: a URL path segment looks like a credential written literally (also written at 1 more place); it is redacted from output, but write it as a reference (${env:NAME}, ${ssm:/name}) to keep it out of the file',
      'vantage.yaml:12: warning: networks[0].endpoints[2].headers.X-Project-Id: the header value looks like a credential written literally; it is redacted from output, but write it as a reference (${env:NAME}, ${ssm:/name}) to keep it out of the file',
    ]);
    for (const line of warnings) expect(line).not.toMatch(/9aa3d95b|acme-prod/);
  });

  it('registers every literal with the redactor, allowed ones too, like resolved secrets', async () => {
    const { redactor, literals } = await resolveSecrets(load().config, { env: { KEY: 'resolved-key-123' } });
    expect(literals).toHaveLength(4);
    const text = 'GET https://mainnet.infura.example/v3/9aa3d95b3bc440fa88ea12eaa4456161 project acme-prod path /Kp2sX9vQ4mZ7Lw8Rt3Yb/ key resolved-key-123';
    expect(redactor.redact(text)).toBe('GET https://mainnet.infura.example/v3/*** project *** path /***/ key ***');
  });
});
