// Part 6: cold start of the probe Lambda. The bundle is built with the same
// esbuild options the CDK app deploys (functions/probe/build.ts), for the
// deployable example config; its size, and how long a fresh Node process
// takes to import it (module evaluation included: the handler, its logger
// and publisher are created at import, as in a Lambda init) against a bare
// `node -e ''`, median of 20 each, interleaved, in the same run.
import { spawn } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { buildProbeBundle } from '../../functions/probe/build.ts';
import { ROOT } from '../support/child-process.ts';
import { verdict, type BenchSettings, type PartResult } from '../support/part-result.ts';
import { median, round3 } from '../support/stats.ts';
import { benchTempDir } from '../support/temp-dir.ts';
import { TARGETS } from '../targets.ts';

const CONFIG = join(ROOT, 'examples', 'vantage.example.yaml');

function timeProcess(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A Lambda-like environment: a region, no credentials needed to import.
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env['PATH'], AWS_REGION: 'eu-west-1' } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n')[0]}`))));
  });
}

export async function coldStart(settings: BenchSettings): Promise<PartResult> {
  const dir = benchTempDir('cold');
  const bundled = await buildProbeBundle({ configFile: CONFIG, outDir: join(dir, 'bundled') });
  const externalSdk = await buildProbeBundle({ configFile: CONFIG, outDir: join(dir, 'external-sdk'), external: ['@aws-sdk/*'] });
  // The external-SDK build finds @aws-sdk/* the way the runtime-provided SDK
  // is found: as installed packages next to it.
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const importer = (file: string, name: string) => {
    const path = join(dir, name);
    // Import, then exit at once: sockets or timers must not add to the time.
    writeFileSync(path, `await import(${JSON.stringify(pathToFileURL(file).href)});\nprocess.exit(0);\n`);
    return path;
  };
  const importBundled = importer(bundled.file, 'import-bundled.mjs');
  const importExternal = importer(externalSdk.file, 'import-external.mjs');

  const samples = settings.quick ? 7 : 20;
  const bare: number[] = [];
  const withBundle: number[] = [];
  const withExternal: number[] = [];
  // One of each first (disk cache), then interleaved so drift hits all alike.
  for (const args of [['-e', ''], [importBundled], [importExternal]]) await timeProcess(args, dir);
  for (let i = 0; i < samples; i++) {
    bare.push(await timeProcess(['-e', ''], dir));
    withBundle.push(await timeProcess([importBundled], dir));
    withExternal.push(await timeProcess([importExternal], dir));
  }
  const overBare = median(withBundle) - median(bare);
  const externalOverBare = median(withExternal) - median(bare);
  const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    id: 'cold-start',
    title: '6. Cold start of the probe Lambda bundle',
    rows: [
      { measure: 'bundle, AWS SDK bundled (as deployed)', value: `${kib(bundled.bytes)} KiB` },
      { measure: 'bundle, AWS SDK external (runtime-provided)', value: `${kib(externalSdk.bytes)} KiB` },
      { measure: `bare node -e '' (median of ${samples})`, value: `${Math.round(median(bare))} ms` },
      { measure: 'import over bare node, SDK bundled (as deployed)', value: `${Math.round(overBare)} ms`, target: `≤ ${TARGETS.importOverBareMs} ms`, verdict: verdict(overBare <= TARGETS.importOverBareMs) },
      { measure: 'import over bare node, SDK external (context)', value: `${Math.round(externalOverBare)} ms` },
    ],
    notes: [
      `Built from ${CONFIG.slice(ROOT.length + 1)} with functions/probe/build.ts (the CDK app's esbuild options: ESM, node24, minified, external source map). Import time = wall time of a fresh process that imports the bundle and exits, minus the same for node -e ''; each process's whole life (Node start-up included), interleaved ${samples} times.`,
      `The deployed build bundles the AWS SDK (docs/lambda.md, "Which AWS SDK"): it runs the SDK version the tests ran against, not whichever one the runtime carries, and here it imports ${overBare < externalOverBare ? `${Math.round(externalOverBare - overBare)} ms faster than` : `no faster than (${Math.round(overBare - externalOverBare)} ms slower than)`} the same SDK loaded as installed packages. Bundle bytes are reported, not judged: they cost nothing per invocation; init time does.`,
    ],
    data: {
      config: CONFIG.slice(ROOT.length + 1), bundleBytes: bundled.bytes, externalSdkBundleBytes: externalSdk.bytes,
      bareMs: { median: round3(median(bare)), samples: bare.map(round3) },
      importMs: { median: round3(median(withBundle)), samples: withBundle.map(round3) },
      importOverBareMs: round3(overBare),
      externalSdkImportMs: { median: round3(median(withExternal)), samples: withExternal.map(round3) },
      externalSdkImportOverBareMs: round3(externalOverBare),
    },
  };
}
