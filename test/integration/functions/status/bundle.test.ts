// The status function as it deploys: bundled by esbuild with the options and
// exactly the embedded payload the synthesized stack gives it, then invoked
// against the local AWS double with endpoints from the SDK's own
// AWS_ENDPOINT_URL_<SERVICE> variables.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_BUNDLE_OPTIONS } from '../../../../functions/common/bundle-config.ts';
import { FUNCTION_ENV } from '../../../../functions/common/environment.ts';
import { ROOT as REPOSITORY_ROOT } from '../../../support/vantage-cli.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import { BUCKET, CONFIG, lambdaContext, startStatusWorld, type StatusWorld } from './status-world.ts';

useTestCredentials();

// The test config, with an endpoint whose URL, headers and password are literals (allowed, so synth accepts them).
const LITERALS = {
  path: 'Kp2sX9vQ4mZ7Lw8Rt3Yb',
  project: 'acme-literal-project',
  token: 'literal-token-4e1f9a',
  password: 'literal-password-77c2',
};
const WITH_LITERALS = CONFIG.replace(
  '{ id: rpc-2, url: "https://rpc-2.example.com" }',
  `{ id: rpc-2, url: "https://rpc-2.example.com/v2/${LITERALS.path}", headers: { X-Project-Id: ${LITERALS.project}, Authorization: "Bearer ${LITERALS.token}" }, basicAuth: { username: status-reader, password: ${LITERALS.password} }, allowLiteralSecrets: true }`,
);

let world: StatusWorld;
let bundle: string;
const saved: Record<string, string | undefined> = {};
const ENV = ['AWS_REGION', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL_S3', FUNCTION_ENV.statusBucket];

beforeAll(async () => {
  expect(WITH_LITERALS).not.toBe(CONFIG);
  world = await startStatusWorld(WITH_LITERALS);
  bundle = join(mkdtempSync(join(tmpdir(), 'vantage-status-bundle-')), 'index.mjs');
  await build({
    ...PROBE_BUNDLE_OPTIONS,
    external: [...PROBE_BUNDLE_OPTIONS.external],
    entryPoints: [join(REPOSITORY_ROOT, 'functions/status/handler.ts')],
    outfile: bundle,
    define: { ...PROBE_BUNDLE_OPTIONS.define, ...world.statusBundleDefine },
    absWorkingDir: REPOSITORY_ROOT,
    logLevel: 'silent',
  });
  for (const key of ENV) saved[key] = process.env[key];
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_CLOUDWATCH: world.double.url,
    AWS_ENDPOINT_URL_S3: world.double.url,
    [FUNCTION_ENV.statusBucket]: BUCKET,
  });
}, 120_000);

afterAll(async () => {
  for (const key of ENV) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await world?.stop();
});

describe('status function bundle', () => {
  it('bundles into one file that writes the feed from the embedded status view', async () => {
    expect(statSync(bundle).size).toBeGreaterThan(0);
    const { handler } = (await import(pathToFileURL(bundle).href)) as { handler: (event: unknown, context: unknown) => Promise<{ written: number; indicator: string }> };
    const result = await handler({}, lambdaContext());
    expect(result).toMatchObject({ written: 12, indicator: 'none' });
    const summary = world.json<{ page: { name: string }; components: { id: string }[] }>('api/v2/summary.json');
    expect(summary.page.name).toBe('Acme RPC status');
    expect(summary.components.map((c) => c.id)).toEqual(['eth-main', 'eth-main/rpc-1', 'eth-main/rpc-2', 'algo-main', 'algo-main/api-1']);
  });

  it('holds no URL, host, header, credential or secret reference of the config', () => {
    const text = readFileSync(bundle, 'utf8');
    const map = readFileSync(`${bundle}.map`, 'utf8');
    const absent = [
      ...world.config.networks.flatMap((n) => n.endpoints.flatMap((e) => [e.url, new URL(e.url.replace(/\$\{[^}]*\}/g, 'x')).host])),
      ...Object.values(LITERALS), 'status-reader', 'ssm:/vantage/rpc-key', '/vantage/rpc-key', 'X-Project-Id',
    ];
    expect(absent).toContain('https://rpc-2.example.com/v2/Kp2sX9vQ4mZ7Lw8Rt3Yb');
    for (const value of absent) {
      expect(text.includes(value), `bundle holds ${value}`).toBe(false);
      expect(map.includes(value), `source map holds ${value}`).toBe(false);
    }
    // What the page does need is there.
    for (const value of ['Acme RPC status', 'eth-main', 'rpc-2', 'algo-main', 'api-1']) expect(text).toContain(value);
  });
});
