// Valid configs: YAML and JSON give the same result, every default is applied
// in one place, family defaults follow DESIGN.md, paths resolve against the
// config file's folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { loadConfigFile, MAX_CONFIG_BYTES, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults, type ResolvedConfig } from '../../../src/config/resolved-config.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const VALID = join(ROOT, 'test', 'fixtures', 'configs', 'valid');

const load = (file: string): ResolvedConfig => applyDefaults(loadConfigFile(file));
const fromText = (text: string): ResolvedConfig => applyDefaults(parseConfigText(text, { file: null, baseDir: ROOT }));

describe('loading valid configs', () => {
  it('examples/local.yaml gets every default', () => {
    const config = load(join(ROOT, 'examples', 'local.yaml'));
    expect(config).toEqual({
      probe: { concurrency: 32, schedule: 'rate(1 minute)', everySeconds: 60, regions: [], shards: 1, resolvers: null, ipv6: 'auto' },
      metrics: { detail: 'standard' },
      logs: { retentionDays: 30 },
      central: null,
      namespace: 'Vantage',
      alerting: { outageRegions: 2, email: [], httpsSubscriptions: [] },
      status: { title: 'Node API status' },
      networks: [{
        id: 'local-evm',
        chain: 'evm',
        blockTimeSeconds: 12,
        maxLagBlocks: 3,
        maxHeadAgeSeconds: 120,
        maxFinalityLagSeconds: 1200,
        cadenceFactor: 2,
        expect: {},
        accounts: [],
        arrival: null,
        endpoints: [{
          id: 'node-1',
          url: 'http://127.0.0.1:8545',
          transport: 'http',
          addresses: 'all',
          subscriptionWindowMs: null,
          reference: false,
          visibility: 'public',
          headers: {},
          basicAuth: null,
          timeoutMs: 5000,
          maxResponseBytes: 1_048_576,
          slowMs: 2000,
          tls: { warnDays: 14, caFile: null, serverName: null, insecureSkipVerify: false },
          httpJson: null,
          allowLiteralSecrets: false,
        }],
      }],
      maintenance: [],
    });
  });

  it('the example config of DESIGN.md loads', () => {
    const config = load(join(VALID, 'design-example.yaml'));
    expect(config.central).toEqual({ account: '111111111111', region: 'us-east-1', namespace: 'Vantage' });
    expect(config.probe.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-1']);
    const [algorand] = config.networks;
    expect(algorand).toMatchObject({ id: 'algorand-mainnet', chain: 'algorand', blockTimeSeconds: 2.8, maxLagBlocks: 10, maxHeadAgeSeconds: 30 });
    expect(algorand!.expect).toEqual({ genesisId: 'mainnet-v1.0', genesisHash: 'wGHE2Pwdvd7S12BL5FaOP20EGYesN73ktiC1qzkkit8=' });
    expect(algorand!.endpoints.map((e) => [e.id, e.reference, e.visibility])).toEqual([
      ['api-1', false, 'public'], ['public-ref', true, 'public'], ['node-3-admin', false, 'private'],
    ]);
    // References are kept as written until resolveSecrets() runs.
    expect(algorand!.endpoints[0]!.headers).toEqual({ 'X-Algo-API-Token': '${ssm:/vantage/algod-token}' });
    expect(algorand!.accounts).toEqual([{ address: 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY', warnDays: 14 }]);
  });

  it('JSON input gives exactly what the same YAML gives', () => {
    expect(load(join(VALID, 'every-setting.json'))).toEqual(load(join(VALID, 'every-setting.yaml')));
  });

  it('explicit settings win over defaults, endpoint settings over config defaults', () => {
    const config = load(join(VALID, 'every-setting.yaml'));
    expect(config.probe).toEqual({
      concurrency: 8, schedule: 'rate(5 minutes)', everySeconds: 60, regions: ['eu-west-1', 'us-east-1'], shards: 2, resolvers: ['1.1.1.1', '8.8.8.8:53', '[2606:4700:4700::1111]:53'],
      ipv6: 'on',
    });
    expect(config.metrics.detail).toBe('full');
    expect(config.namespace).toBe('Acme/Nodes');
    const [rpc1, rpc2, admin, reference] = config.networks[0]!.endpoints;
    expect(rpc1).toMatchObject({ timeoutMs: 2500, maxResponseBytes: 65536, slowMs: 1500 });
    expect(rpc1!.tls).toEqual({ warnDays: 30, caFile: join(ROOT, 'test', 'fixtures', 'configs', 'ca', 'test-ca.pem'), serverName: 'rpc.internal', insecureSkipVerify: false });
    expect(rpc2).toMatchObject({ timeoutMs: 4000, maxResponseBytes: 2048, slowMs: 900, basicAuth: { username: 'vantage', password: '${env:VANTAGE_TEST_PASSWORD}' } });
    expect(rpc2!.tls).toEqual({ warnDays: 21, caFile: null, serverName: null, insecureSkipVerify: true });
    expect(rpc1!.addresses).toBe('all');
    expect(rpc2!.addresses).toBe('first');
    expect(admin!.visibility).toBe('private');
    expect(reference!.reference).toBe(true);
    // A WebSocket endpoint waits max(5 s, 2 × blockTimeSeconds) for its subscription, on top of its timeout.
    const ws = config.networks[2]!.endpoints[0]!;
    expect(ws).toMatchObject({ transport: 'websocket', timeoutMs: 4000, subscriptionWindowMs: 12_000 });
    expect(rpc1).toMatchObject({ transport: 'http', subscriptionWindowMs: null });
    expect(config.networks[0]!.maxLagBlocks).toBe(5);
  });

  it('http-json endpoints: GET without a body, POST when a body is given (objects sent as JSON)', () => {
    const [get, post] = load(join(VALID, 'every-setting.yaml')).networks[1]!.endpoints;
    expect(get!.httpJson).toEqual({ heightPointer: '/data/height', timePointer: '/data/time', method: 'GET', body: null });
    expect(post!.httpJson).toEqual({ heightPointer: '/result/number', timePointer: null, method: 'POST', body: '{"method":"head"}' });
  });

  it('maxLagBlocks defaults to about 30 s of blocks from the network\'s own blockTimeSeconds', () => {
    const network = load(join(VALID, 'every-setting.yaml')).networks[1]!;
    expect(network).toMatchObject({ blockTimeSeconds: 2, maxLagBlocks: 15, maxHeadAgeSeconds: 20 });
  });

  it('arrival: maxDelayMs defaults to max(1000, 250 × the network\'s blockTimeSeconds); a network without it does not watch', () => {
    const config = fromText(`version: 1
networks:
  - { id: fast, chain: evm, blockTimeSeconds: 2, arrival: { windowSeconds: 8 }, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }
  - { id: slow, chain: cometbft, arrival: { windowSeconds: 20 }, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }
  - { id: set, chain: evm, arrival: { windowSeconds: 2.5, maxDelayMs: 700 }, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }
  - { id: off, chain: evm, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }
`);
    expect(config.networks.map((n) => n.arrival)).toEqual([
      { windowSeconds: 8, maxDelayMs: 1000 },
      { windowSeconds: 20, maxDelayMs: 1500 },
      { windowSeconds: 2.5, maxDelayMs: 700 },
      null,
    ]);
  });

  it('accepts the $schema editor hint', () => {
    const config = fromText('$schema: ./vantage.schema.json\nversion: 1\nnetworks: [{ id: a, chain: evm, endpoints: [{ id: b, url: "http://127.0.0.1:1" }] }]\n');
    expect(config.networks[0]!.id).toBe('a');
  });
});

describe('family defaults (DESIGN.md "Family defaults")', () => {
  it.each([
    ['algorand', 2.8, 30, 11],
    ['evm', 12, 120, 3],
    ['substrate', 6, null, 5],
    ['cometbft', 6, 60, 5],
    ['bitcoin', 600, 7200, 1],
    ['solana', 0.4, 60, 75],
    ['http-json', 10, 120, 3],
  ] as const)('%s: blockTimeSeconds %s, maxHeadAgeSeconds %s, maxLagBlocks %s', (chain, blockTime, headAge, lag) => {
    const extra = chain === 'http-json' ? ', heightPointer: /h' : '';
    const config = fromText(`version: 1\nnetworks: [{ id: n, chain: ${chain}, endpoints: [{ id: e, url: "http://127.0.0.1:1"${extra} }] }]\n`);
    expect(config.networks[0]).toMatchObject({ blockTimeSeconds: blockTime, maxHeadAgeSeconds: headAge, maxLagBlocks: lag });
  });

  it('Litecoin-style bitcoin with blockTimeSeconds 150 still lags by at least 1 block', () => {
    const config = fromText('version: 1\nnetworks: [{ id: n, chain: bitcoin, blockTimeSeconds: 150, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }]\n');
    expect(config.networks[0]!.maxLagBlocks).toBe(1);
  });
});

describe('outageRegions default', () => {
  it('is 2, or every region when fewer are configured', () => {
    const base = 'networks: [{ id: n, chain: evm, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }]';
    expect(fromText(`version: 1\nprobe: { regions: [eu-west-1] }\n${base}\n`).alerting.outageRegions).toBe(1);
    expect(fromText(`version: 1\nprobe: { regions: [eu-west-1, us-east-1, ap-south-1] }\n${base}\n`).alerting.outageRegions).toBe(2);
  });
});

describe('YAML anchors and file size', () => {
  it('a header block shared by 500 endpoints through one anchor loads (the yaml package alone stops at 100 uses)', () => {
    const text = [
      'version: 1',
      'networks:',
      '  - id: n',
      '    chain: evm',
      '    endpoints:',
      '      - { id: e0, url: "http://127.0.0.1:1", headers: &shared { X-Client: vantage, X-Team: ops } }',
      ...Array.from({ length: 500 }, (_, i) => `      - { id: e${i + 1}, url: "http://127.0.0.1:1", headers: *shared }`),
    ].join('\n');
    const endpoints = fromText(text).networks[0]!.endpoints;
    expect(endpoints).toHaveLength(501);
    expect(endpoints.every((e) => e.headers['X-Client'] === 'vantage' && e.headers['X-Team'] === 'ops')).toBe(true);
  });

  it('an anchor redefined later: each alias takes the nearest anchor before it, as YAML says', () => {
    const config = fromText([
      'version: 1',
      'networks:',
      '  - { id: n, chain: evm, endpoints: [',
      '      { id: a, url: "http://127.0.0.1:1", headers: &h { X-Which: first } },',
      '      { id: b, url: "http://127.0.0.1:1", headers: *h },',
      '      { id: c, url: "http://127.0.0.1:1", headers: &h { X-Which: second } },',
      '      { id: d, url: "http://127.0.0.1:1", headers: *h } ] }',
    ].join('\n'));
    expect(config.networks[0]!.endpoints.map((e) => e.headers['X-Which'])).toEqual(['first', 'first', 'second', 'second']);
  });

  it(`a file over ${MAX_CONFIG_BYTES} bytes is refused with one problem naming the file`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'vantage-big-config-'));
    try {
      const file = join(dir, 'vantage.yaml');
      writeFileSync(file, `version: 1\n# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
      const error = (() => {
        try {
          loadConfigFile(file);
        } catch (err) {
          return err;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe(`${file}: the file is larger than 4 MiB (a config is a few kilobytes)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`text of exactly ${MAX_CONFIG_BYTES} bytes is still read`, () => {
    const head = 'version: 1\nnetworks: [{ id: n, chain: evm, endpoints: [{ id: e, url: "http://127.0.0.1:1" }] }]\n# ';
    const text = `${head}${'x'.repeat(MAX_CONFIG_BYTES - head.length - 1)}\n`;
    expect(Buffer.byteLength(text)).toBe(MAX_CONFIG_BYTES);
    expect(fromText(text).networks[0]!.id).toBe('n');
  });
});

describe('JSON configs (read with JSON.parse; the YAML document only for problems)', () => {
  const problemsOf = (text: string) => {
    try {
      parseConfigText(text, { file: null, baseDir: ROOT });
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };
  const lines = (...rows: string[]) => rows.join('\n');

  it('a repeated key is refused with its line, as the same text is in YAML', () => {
    const text = lines(
      '{',
      '  "version": 1,',
      '  "networks": [{ "id": "n", "chain": "evm",',
      '    "endpoints": [{ "id": "e", "url": "http://127.0.0.1:1",',
      '                    "url": "http://127.0.0.1:2" }] }]',
      '}',
    );
    expect(problemsOf(text)).toEqual([{ path: '', message: 'not valid YAML/JSON: key "url" appears twice in the same mapping', line: 5 }]);
  });

  it('a problem found after parsing still names its line', () => {
    const text = lines(
      '{',
      '  "version": 1,',
      '  "networks": [{ "id": "n", "chain": "evm",',
      '    "endpoints": [{ "id": "e", "url": "http://127.0.0.1:1",',
      '                    "timeoutMs": -5 }] }]',
      '}',
    );
    expect(problemsOf(text)).toEqual([{ path: 'networks[0].endpoints[0].timeoutMs', message: 'must be greater than 0 (milliseconds)', line: 5 }]);
  });

  it('lineOf (for problems found later, such as secrets) gives the line in a JSON file', () => {
    const loaded = parseConfigText(lines(
      '{ "version": 1,',
      '  "networks": [',
      '    { "id": "n", "chain": "evm", "endpoints": [',
      '      { "id": "e", "url": "http://127.0.0.1:1" } ] } ] }',
    ), { file: null, baseDir: ROOT });
    expect(loaded.lineOf!(['networks', 0, 'endpoints', 0, 'url'])).toBe(4);
  });

  it('a key spelled with an escape is the same key: "url" and "\\u0075rl" repeat', () => {
    const text = '{ "version": 1, "networks": [{ "id": "n", "chain": "evm", "endpoints": [{ "id": "e", "url": "http://127.0.0.1:1", "\\u0075rl": "http://127.0.0.1:2" }] }] }';
    expect(problemsOf(text).map((p) => p.message)).toEqual(['not valid YAML/JSON: key "\\u0075rl" appears twice in the same mapping']);
  });
});

describe('tls.caFile shared by many endpoints', () => {
  it('a missing CA file named by three endpoints is a problem on each of them', () => {
    const endpoint = (id: string) => `{ id: ${id}, url: "https://127.0.0.1:1", tls: { caFile: no-such-ca.pem } }`;
    const text = `version: 1\nnetworks:\n  - id: n\n    chain: evm\n    endpoints:\n      - ${endpoint('a')}\n      - ${endpoint('b')}\n      - ${endpoint('c')}\n`;
    let problems: readonly { path: string; message: string; line?: number }[] = [];
    try {
      parseConfigText(text, { file: null, baseDir: ROOT });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect(problems).toEqual(['a', 'b', 'c'].map((_, i) => ({
      path: `networks[0].endpoints[${i}].tls.caFile`, message: 'file "no-such-ca.pem" does not exist or cannot be read', line: 6 + i,
    })));
  });
});
