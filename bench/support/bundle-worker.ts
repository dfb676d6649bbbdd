// Builds a bench worker into one JavaScript file with the probe Lambda's own
// esbuild options, for the parts where the shape of the process matters
// (peak RSS, start-up): running .ts directly would load Node's TypeScript
// stripper (~17 MB RSS) and compile every module at start, which the
// deployed bundle never does.
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { PROBE_BUNDLE_OPTIONS } from '../../functions/common/bundle-config.ts';
import { BENCH_DIR, ROOT } from './child-process.ts';
import { benchTempDir } from './temp-dir.ts';

let outDir: string | null = null;

/** Bundles bench/<script> and returns the absolute path of the .mjs. */
export async function bundleWorker(script: string): Promise<string> {
  outDir ??= benchTempDir('build');
  const outfile = join(outDir, basename(script).replace(/\.ts$/, '.mjs'));
  await build({
    ...PROBE_BUNDLE_OPTIONS,
    external: [...PROBE_BUNDLE_OPTIONS.external],
    sourcemap: false,
    entryPoints: [join(BENCH_DIR, script)],
    outfile,
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  return outfile;
}
