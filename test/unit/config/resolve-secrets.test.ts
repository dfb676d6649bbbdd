// Secret references: resolved once, every value registered with the
// Redactor in each form it can take on the way out, unresolvable references
// are config errors naming the reference and the path (never the value).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { prepareConfig, prepareConfigText } from '../../../src/config/index.ts';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { listSecretReferences, resolveReferences, resolveSecrets, type SecretFetcher } from '../../../src/config/resolve-secrets.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const EVERY = join(ROOT, 'test', 'fixtures', 'configs', 'valid', 'every-setting.yaml');
const ENV = { VANTAGE_TEST_KEY: 'k3y/With Space&=', VANTAGE_TEST_PASSWORD: 'pa55"word', VANTAGE_TEST_HOOK: 'hook-0a1b2c3d4e' };

const fromText = (text: string) => applyDefaults(parseConfigText(text, { file: null, baseDir: ROOT }));

async function rejection(promise: Promise<unknown>): Promise<ConfigError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(ConfigError);
  return err as ConfigError;
}

describe('resolving ${env:NAME}', () => {
  it('fills url, headers and basicAuth, and leaves httpsSubscriptions to CloudFormation', async () => {
    const { config } = await prepareConfig(EVERY, { env: ENV });
    const [rpc1, rpc2] = config.networks[0]!.endpoints;
    expect(rpc1!.url).toBe('https://rpc.example.com/v3/k3y/With Space&=');
    expect(rpc1!.headers).toEqual({ 'X-Api-Key': 'k3y/With Space&=' });
    expect(rpc2!.basicAuth).toEqual({ username: 'vantage', password: 'pa55"word' });
    expect(config.alerting.httpsSubscriptions).toEqual(['https://events.example.com/integration/${env:VANTAGE_TEST_HOOK}']);
  });

  it('redacts each value as written, URL-encoded, JSON-escaped and inside a Basic auth header', async () => {
    const { redactor } = await prepareConfig(EVERY, { env: ENV });
    const basic = Buffer.from('vantage:pa55"word').toString('base64');
    const text = [
      'url https://rpc.example.com/v3/k3y/With Space&=',
      `encoded /v3/${encodeURIComponent('k3y/With Space&=')}`,
      `json ${JSON.stringify({ password: 'pa55"word' })}`,
      `header Authorization: Basic ${basic}`,
    ].join('\n');
    expect(redactor.redact(text)).toBe([
      'url https://rpc.example.com/v3/***',
      'encoded /v3/***',
      'json {"password":"***"}',
      'header Authorization: Basic ***',
    ].join('\n'));
  });

  it('an unset variable is an error naming it and the path; every problem is reported at once (httpsSubscriptions are not the probe\'s)', async () => {
    const err = await rejection(prepareConfig(EVERY, { env: {} }));
    expect(err.problems.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([
      '37: networks[0].endpoints[0].url: environment variable VANTAGE_TEST_KEY is not set (referenced as ${env:VANTAGE_TEST_KEY})',
      '38: networks[0].endpoints[0].headers.X-Api-Key: environment variable VANTAGE_TEST_KEY is not set (referenced as ${env:VANTAGE_TEST_KEY})',
      '43: networks[0].endpoints[1].basicAuth.password: environment variable VANTAGE_TEST_PASSWORD is not set (referenced as ${env:VANTAGE_TEST_PASSWORD})',
    ]);
  });

  it('from config text the same steps run: defaults applied, the value filled in and redacted, a problem on its line', async () => {
    const text = 'version: 1\nnetworks:\n  - id: eth\n    chain: evm\n    endpoints:\n      - { id: a, url: "https://rpc.example.com/${env:VANTAGE_TEST_KEY}" }\n';
    const { config, redactor } = await prepareConfigText(text, { env: ENV });
    expect(config.networks[0]!.endpoints[0]!.url).toBe('https://rpc.example.com/k3y/With Space&=');
    expect(config.networks[0]!.endpoints[0]!.timeoutMs).toBe(5000);
    expect(redactor.redact(config.networks[0]!.endpoints[0]!.url)).toBe('https://rpc.example.com/***');
    const err = await rejection(prepareConfigText(text, { env: {} }));
    expect(err.problems.map((p) => `${p.line}: ${p.path}`)).toEqual(['6: networks[0].endpoints[0].url']);
  });

  it('a literal Authorization-like header value is treated as a secret too', async () => {
    const config = fromText('version: 1\nnetworks: [{ id: n, chain: evm, endpoints: [{ id: e, url: "http://127.0.0.1:1", headers: { Authorization: "Bearer literal-token-99" } }] }]\n');
    const { redactor } = await resolveSecrets(config, { env: {} });
    expect(redactor.redact('sent Bearer literal-token-99')).toBe('sent ***');
  });

  it('a literal password in the URL is redacted, the rest of the URL is kept', async () => {
    const config = fromText('version: 1\nnetworks: [{ id: n, chain: evm, endpoints: [{ id: e, url: "http://user:hunter2-secret@127.0.0.1:1/" }] }]\n');
    const { redactor } = await resolveSecrets(config, { env: {} });
    expect(redactor.redact(config.networks[0]!.endpoints[0]!.url)).toBe('http://user:***@127.0.0.1:1/');
  });
});

describe('${ssm:…} and ${secretsmanager:…}', () => {
  const text = [
    'version: 1',
    'networks:',
    '  - id: n',
    '    chain: evm',
    '    endpoints:',
    '      - id: e',
    '        url: "https://rpc.example.com/${secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:rpc-AbCdEf}"',
    '        headers: { X-Token: "${ssm:/vantage/token}", X-Other: "${ssm:/vantage/token}" }',
  ].join('\n');

  it('parse and validate at load, and are listed for IAM', () => {
    const refs = listSecretReferences(fromText(text));
    expect(refs.map((r) => [r.kind, r.name])).toEqual([
      ['secretsmanager', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rpc-AbCdEf'],
      ['ssm', '/vantage/token'],
    ]);
  });

  it('resolve through the injected fetchers, each name fetched once', async () => {
    const asked: string[][] = [];
    const ssm: SecretFetcher = async (names) => {
      asked.push([...names]);
      return new Map([['/vantage/token', 'tok-123456789']]);
    };
    const secretsmanager: SecretFetcher = async (names) => new Map(names.map((n) => [n, 'path-key-abcdef']));
    const { config, redactor } = await resolveSecrets(fromText(text), { env: {}, ssm, secretsmanager });
    expect(asked).toEqual([['/vantage/token']]);
    expect(config.networks[0]!.endpoints[0]!.url).toBe('https://rpc.example.com/path-key-abcdef');
    expect(config.networks[0]!.endpoints[0]!.headers).toEqual({ 'X-Token': 'tok-123456789', 'X-Other': 'tok-123456789' });
    expect(redactor.redact('tok-123456789 path-key-abcdef')).toBe('*** ***');
  });

  it('without a fetcher for their kind they are config errors naming the reference', async () => {
    const err = await rejection(resolveSecrets(fromText(text), { env: {} }));
    expect(err.problems.map((p) => p.message)).toEqual([
      '${secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:rpc-AbCdEf} cannot be resolved here: no secretsmanager access was configured (use ${env:NAME} instead)',
      '${ssm:/vantage/token} cannot be resolved here: no ssm access was configured (use ${env:NAME} instead)',
    ]);
  });

  it('a name the store does not have, or a failing store, is a config error', async () => {
    const empty: SecretFetcher = async () => new Map();
    const failing: SecretFetcher = async () => {
      throw Object.assign(new Error('User is not authorized to perform: ssm:GetParameters\nmore'), { name: 'AccessDeniedException' });
    };
    const notFound = await rejection(resolveSecrets(fromText(text), { env: {}, ssm: empty, secretsmanager: empty }));
    expect(notFound.problems.map((p) => p.message)).toContain('${ssm:/vantage/token} was not found');
    const denied = await rejection(resolveSecrets(fromText(text), { env: {}, ssm: failing, secretsmanager: empty }));
    expect(denied.problems.map((p) => p.message)).toContain('could not read ${ssm:/vantage/token}: AccessDeniedException: User is not authorized to perform: ssm:GetParameters');
  });
});

describe('per reference, as the probe Lambda resolves them', () => {
  const text = [
    'version: 1',
    'networks:',
    '  - id: n',
    '    chain: evm',
    '    endpoints:',
    '      - { id: ok, url: "https://ok.example.com/${ssm:/vantage/good}" }',
    '      - { id: a, url: "https://a.example.com", headers: { X-Api-Key: "${ssm:/vantage/missing}" } }',
    '      - { id: b, url: "https://vantage:pw-literal-0b9e2c@b.example.com/${ssm:/vantage/missing}" }',
    '      - { id: c, url: "https://c.example.com", basicAuth: { username: u, password: "${ssm:/vantage/denied}" } }',
    '      - { id: d, url: "https://d.example.com/${env:VANTAGE_TEST_UNSET}" }',
  ].join('\n');
  const ssm: SecretFetcher = async () => new Map<string, string | { problem: string }>([
    ['/vantage/good', 'good-value-123456'],
    ['/vantage/denied', { problem: 'access denied (AccessDeniedException: not authorized)' }],
  ]);

  it('fills what resolves; an endpoint needing a value that does not is left as written and says why', async () => {
    const { config, unresolved } = await resolveReferences(fromText(text), { env: {}, ssm });
    const [ok, a, b, c, d] = config.networks[0]!.endpoints;
    expect(ok).toMatchObject({ url: 'https://ok.example.com/good-value-123456' });
    expect(ok!.unresolvedSecrets).toBeUndefined();
    expect(a).toMatchObject({ headers: { 'X-Api-Key': '${ssm:/vantage/missing}' }, unresolvedSecrets: ['${ssm:/vantage/missing} was not found'] });
    expect(b!.unresolvedSecrets).toEqual(['${ssm:/vantage/missing} was not found']);
    expect(c!.unresolvedSecrets).toEqual(['${ssm:/vantage/denied}: access denied (AccessDeniedException: not authorized)']);
    expect(d!.unresolvedSecrets).toEqual(['environment variable VANTAGE_TEST_UNSET is not set (referenced as ${env:VANTAGE_TEST_UNSET})']);
    expect(unresolved.map((u) => [u.reference, u.endpoints, u.uses.map((x) => x.path)])).toEqual([
      ['${ssm:/vantage/missing}', ['n/a', 'n/b'], ['networks[0].endpoints[1].headers.X-Api-Key', 'networks[0].endpoints[2].url']],
      ['${ssm:/vantage/denied}', ['n/c'], ['networks[0].endpoints[3].basicAuth.password']],
      ['${env:VANTAGE_TEST_UNSET}', ['n/d'], ['networks[0].endpoints[4].url']],
    ]);
  });

  it('redacts the values it read and literal passwords, but not the names of references it could not read', async () => {
    const { redactor } = await resolveReferences(fromText(text), { env: {}, ssm });
    expect(redactor.redact('https://ok.example.com/good-value-123456')).toBe('https://ok.example.com/***');
    expect(redactor.redact('https://vantage:pw-literal-0b9e2c@b.example.com/${ssm:/vantage/missing}'))
      .toBe('https://vantage:***@b.example.com/${ssm:/vantage/missing}');
    expect(redactor.redact('not probed: ${ssm:/vantage/missing} was not found')).toBe('not probed: ${ssm:/vantage/missing} was not found');
  });

  it('the same resolution for the CLI is a config error: one line per AWS reference, each place of an unset variable', async () => {
    const err = await rejection(resolveSecrets(fromText(text), { env: {}, ssm }));
    expect(err.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'networks[0].endpoints[1].headers.X-Api-Key: ${ssm:/vantage/missing} was not found',
      'networks[0].endpoints[3].basicAuth.password: ${ssm:/vantage/denied}: access denied (AccessDeniedException: not authorized)',
      'networks[0].endpoints[4].url: environment variable VANTAGE_TEST_UNSET is not set (referenced as ${env:VANTAGE_TEST_UNSET})',
    ]);
  });
});

describe('the loader keeps references as written', () => {
  it('so a config can be checked (and bundled) without its secrets', () => {
    const config = applyDefaults(loadConfigFile(EVERY));
    expect(config.networks[0]!.endpoints[0]!.url).toBe('https://rpc.example.com/v3/${env:VANTAGE_TEST_KEY}');
  });
});
