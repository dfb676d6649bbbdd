// The one way this app builds a Lambda function (as Powertools' example app
// has one function construct): Node.js 24 on arm64, JSON logs into its own
// log group with a retention, bundled locally by esbuild with what the
// function needs of the config embedded (the probe: the validated config;
// the status function: only its status view), using the probe bundle's own
// esbuild options so what functions/probe/build.ts tests is what deploys.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Duration } from 'aws-cdk-lib';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PROBE_BUNDLE_OPTIONS } from '../../functions/common/bundle-config.ts';

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface VantageFunctionProps {
  /** Handler file, relative to the repository root. */
  readonly entry: string;
  /** What the bundle embeds (esbuild define): probeBundleDefine or statusBundleDefine of the config. */
  readonly bundleDefine: Readonly<Record<string, string>>;
  readonly memoryMb: number;
  readonly timeout: Duration;
  readonly role: IRole;
  readonly environment: Readonly<Record<string, string>>;
  readonly logRetentionDays: number;
  readonly description: string;
  /** An event older than this is dropped instead of run late. */
  readonly maxEventAge: Duration;
}

export class VantageFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  /** What the bundle embeds, as given (tests build the same bundle from it). */
  readonly bundleDefine: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: VantageFunctionProps) {
    super(scope, id);
    this.bundleDefine = props.bundleDefine;
    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetentionDays as RetentionDays });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(REPOSITORY_ROOT, props.entry),
      handler: 'handler',
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      role: props.role,
      environment: { ...props.environment },
      description: props.description,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      // A scheduled run that failed is superseded by the next tick; retrying it late only adds stale data.
      retryAttempts: 0,
      maxEventAge: props.maxEventAge,
      bundling: nodejsBundling(props.bundleDefine),
    });
  }
}

/**
 * PROBE_BUNDLE_OPTIONS (esbuild's own option names) in NodejsFunction's
 * terms. An option added there and not mapped here fails synth instead of
 * silently building a different bundle.
 */
export function nodejsBundling(define: Readonly<Record<string, string>>): BundlingOptions {
  const { bundle, platform, format, target, minify, sourcemap, mainFields, banner, external, alias, define: fixedDefine, legalComments, ...unmapped } = PROBE_BUNDLE_OPTIONS;
  if (Object.keys(unmapped).length > 0 || !bundle || platform !== 'node' || format !== 'esm' || sourcemap !== 'external') {
    throw new Error(`PROBE_BUNDLE_OPTIONS changed (${Object.keys(unmapped).join(', ') || 'bundle/platform/format/sourcemap'}): map it in infra/constructs/vantage-function.ts`);
  }
  return {
    format: OutputFormat.ESM,
    target,
    minify,
    sourceMap: true,
    sourceMapMode: SourceMapMode.EXTERNAL,
    mainFields: [...mainFields],
    banner: banner.js,
    externalModules: [...external],
    bundleAwsSDK: true,
    esbuildArgs: {
      '--legal-comments': legalComments,
      ...Object.fromEntries(Object.entries(alias).map(([name, path]) => [`--alias:${name}`, path])),
    },
    define: { ...fixedDefine, ...define },
    // Never Docker: bundling runs here, offline, with the project's esbuild.
    forceDockerBundling: false,
  };
}
