import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROBE_BUNDLE_OPTIONS, probeBundleDefine } from '../../../../functions/common/bundle-config.ts';
import { readEmbeddedConfig } from '../../../../functions/common/embedded-config.ts';
import { ConfigError } from '../../../../src/config/config-error.ts';
import { createCa } from '../../../support/certificates.ts';

const dir = mkdtempSync(join(tmpdir(), 'vantage-bundle-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('probeBundleDefine', () => {
  it('fails the build on a bad config, naming the file and the config path', () => {
    const bad = file('bad.yaml', 'version: 1\nnetworks:\n  - id: eth\n    chain: evm\n    endpoints:\n      - { id: a, url: "ftp://x" }\n');
    let error: unknown;
    try {
      probeBundleDefine(bad);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${bad}:6: networks[0].endpoints[0].url: must be an http(s) URL`);
  });

  it('fails the build when a tls.caFile holds no certificate', () => {
    const notPem = file('not-a-cert.pem', 'hello');
    const config = file('ca.yaml', `version: 1\nnetworks:\n  - id: eth\n    chain: evm\n    endpoints:\n      - { id: a, url: "https://x.example", tls: { caFile: ${notPem} } }\n`);
    expect(() => probeBundleDefine(config)).toThrow('networks[0].endpoints[0].tls.caFile: "not-a-cert.pem" holds no PEM certificate');
  });

  it('embeds the config as written, secret references unresolved, as a JSON string literal', () => {
    const config = file('ok.yaml', 'version: 1\nnetworks:\n  - id: eth\n    chain: evm\n    endpoints:\n      - { id: a, url: "https://x.example/${ssm:/vantage/key}" }\n');
    const define = probeBundleDefine(config);
    expect(Object.keys(define)).toEqual(['globalThis.__VANTAGE_PROBE_CONFIG__']);
    const text = JSON.parse(define['globalThis.__VANTAGE_PROBE_CONFIG__']!) as string;
    expect(typeof text).toBe('string');
    const resolved = readEmbeddedConfig(text, join(dir, 'ca-out'));
    expect(resolved.networks[0]!.endpoints[0]!.url).toBe('https://x.example/${ssm:/vantage/key}');
    expect(resolved.networks[0]!.endpoints[0]!.timeoutMs).toBe(5000);
  });

  it('carries CA files inside the bundle and writes them out at cold start', async () => {
    const ca = await createCa('Bundle Test CA');
    const caFile = file('corp-ca.pem', ca.cert);
    const config = file('with-ca.yaml', `version: 1\nnetworks:\n  - id: eth\n    chain: evm\n    endpoints:\n      - { id: a, url: "https://x.example", tls: { caFile: ./corp-ca.pem } }\n`);
    const text = JSON.parse(probeBundleDefine(config)['globalThis.__VANTAGE_PROBE_CONFIG__']!) as string;
    expect((JSON.parse(text) as { source: string }).source).toBe('with-ca.yaml');
    rmSync(caFile); // the bundle must not need the original file
    const out = join(dir, 'cold-start-ca');
    const resolved = readEmbeddedConfig(text, out);
    const written = resolved.networks[0]!.endpoints[0]!.tls.caFile!;
    expect(written.startsWith(out)).toBe(true);
    expect(readFileSync(written, 'utf8')).toBe(ca.cert);
  });
});

describe('PROBE_BUNDLE_OPTIONS', () => {
  it('builds ESM for Node 24 with a require shim for CommonJS dependencies', () => {
    expect(PROBE_BUNDLE_OPTIONS).toMatchObject({ format: 'esm', target: 'node24', platform: 'node', bundle: true });
    expect(PROBE_BUNDLE_OPTIONS.banner.js).toContain('createRequire');
  });
});
