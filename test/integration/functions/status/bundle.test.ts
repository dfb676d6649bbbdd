// The status function as it deploys: bundled by esbuild with the options and
// the embedded config the CDK app uses (functions/common/bundle-config.ts),
// then invoked against the local AWS double with endpoints from the SDK's
// own AWS_ENDPOINT_URL_<SERVICE> variables.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBE_BUNDLE_OPTIONS, probeBundleDefine } from '../../../../functions/common/bundle-config.ts';
import { FUNCTION_ENV } from '../../../../functions/common/environment.ts';
import { ROOT as REPOSITORY_ROOT } from '../../../support/vantage-cli.ts';
import { useTestCredentials } from '../../../support/aws-env.ts';
import { BUCKET, lambdaContext, startStatusWorld, type StatusWorld } from './status-world.ts';

useTestCredentials();

let world: StatusWorld;
let bundle: string;
const saved: Record<string, string | undefined> = {};
const ENV = ['AWS_REGION', 'AWS_ENDPOINT_URL_CLOUDWATCH', 'AWS_ENDPOINT_URL_S3', FUNCTION_ENV.statusBucket];

beforeAll(async () => {
  world = await startStatusWorld();
  bundle = join(mkdtempSync(join(tmpdir(), 'vantage-status-bundle-')), 'index.mjs');
  await build({
    ...PROBE_BUNDLE_OPTIONS,
    external: [...PROBE_BUNDLE_OPTIONS.external],
    entryPoints: [join(REPOSITORY_ROOT, 'functions/status/handler.ts')],
    outfile: bundle,
    define: probeBundleDefine(world.configFile),
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
  it('bundles into one file that writes the feed from the embedded config', async () => {
    expect(statSync(bundle).size).toBeGreaterThan(0);
    const { handler } = (await import(pathToFileURL(bundle).href)) as { handler: (event: unknown, context: unknown) => Promise<{ written: number; indicator: string }> };
    const result = await handler({}, lambdaContext());
    expect(result).toMatchObject({ written: 9, indicator: 'none' });
    const summary = world.json<{ page: { name: string }; components: { id: string }[] }>('api/v2/summary.json');
    expect(summary.page.name).toBe('Acme RPC status');
    expect(summary.components.map((c) => c.id)).toEqual(['eth-main', 'eth-main/rpc-1', 'eth-main/rpc-2', 'algo-main', 'algo-main/api-1']);
  });
});
