// Secret references: resolved once, every value registered with the
// Redactor in each form it can take on the way out, unresolvable references
// are config errors naming the reference and the path (never the value).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.ts';
import { prepareConfig } from '../../../src/config/index.ts';
import { loadConfigFile, parseConfigText } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { listSecretReferences, resolveSecrets, type SecretFetcher } from '../../../src/config/resolve-secrets.ts';

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
      '36: networks[0].endpoints[0].url: environment variable VANTAGE_TEST_KEY is not set (referenced as ${env:VANTAGE_TEST_KEY})',
      '37: networks[0].endpoints[0].headers.X-Api-Key: environment variable VANTAGE_TEST_KEY is not set (referenced as ${env:VANTAGE_TEST_KEY})',
      '42: networks[0].endpoints[1].basicAuth.password: environment variable VANTAGE_TEST_PASSWORD is not set (referenced as ${env:VANTAGE_TEST_PASSWORD})',
    ]);
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

  it('without AWS access (the CLI) they are config errors naming the reference', async () => {
    const err = await rejection(resolveSecrets(fromText(text), { env: {} }));
    expect(err.problems.map((p) => p.message)).toEqual([
      '${ssm:/vantage/token} is resolved by the probe Lambda, not here: use ${env:NAME} to run this config locally',
      '${secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:rpc-AbCdEf} is resolved by the probe Lambda, not here: use ${env:NAME} to run this config locally',
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

describe('the loader keeps references as written', () => {
  it('so a config can be checked (and bundled) without its secrets', () => {
    const config = applyDefaults(loadConfigFile(EVERY));
    expect(config.networks[0]!.endpoints[0]!.url).toBe('https://rpc.example.com/v3/${env:VANTAGE_TEST_KEY}');
  });
});
