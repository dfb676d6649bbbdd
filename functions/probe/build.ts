// Builds the probe Lambda bundle with the same esbuild options the CDK app
// uses: `node functions/probe/build.ts --config vantage.yaml --out dist/probe`.
// Also used by the bundle test and `npm run bench` (cold start).
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { ConfigError } from '../../src/config/config-error.ts';
import { PROBE_BUNDLE_OPTIONS, PROBE_ENTRY, probeBundleDefine } from '../common/bundle-config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The handler file inside the output directory (NodejsFunction's name for ESM). */
const BUNDLE_FILE = 'index.mjs';

export interface ProbeBuildOptions {
  readonly configFile: string;
  readonly outDir: string;
  /** Overrides PROBE_BUNDLE_OPTIONS.external, e.g. ['@aws-sdk/*'] to measure the runtime-provided SDK. */
  readonly external?: readonly string[];
}

export interface ProbeBuild {
  /** Absolute path of index.mjs. */
  readonly file: string;
  readonly bytes: number;
}

export async function buildProbeBundle(options: ProbeBuildOptions): Promise<ProbeBuild> {
  const file = join(resolve(options.outDir), BUNDLE_FILE);
  const buildOptions: BuildOptions = {
    ...PROBE_BUNDLE_OPTIONS,
    external: [...(options.external ?? PROBE_BUNDLE_OPTIONS.external)],
    entryPoints: [join(ROOT, PROBE_ENTRY)],
    outfile: file,
    define: { ...PROBE_BUNDLE_OPTIONS.define, ...probeBundleDefine(options.configFile) },
    absWorkingDir: ROOT,
    logLevel: 'silent',
  };
  await build(buildOptions);
  return { file, bytes: statSync(file).size };
}

async function main(argv: string[]): Promise<number> {
  let values: { config?: string; out?: string; 'external-sdk'?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { config: { type: 'string', short: 'c' }, out: { type: 'string', short: 'o' }, 'external-sdk': { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`build: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
  if (!values.config || !values.out) {
    process.stderr.write('Usage: node functions/probe/build.ts --config FILE --out DIR [--external-sdk]\n');
    return 2;
  }
  try {
    const result = await buildProbeBundle({
      configFile: values.config,
      outDir: values.out,
      external: values['external-sdk'] ? ['@aws-sdk/*'] : undefined,
    });
    process.stderr.write(`built ${result.file} (${(result.bytes / 1024).toFixed(1)} KiB)\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
