// What the status function tests share: a config, the alarms infra/ builds
// for it (synthesized, so the function is tested against the real alarm
// names and metric math), and the local AWS double holding those alarms,
// metric datapoints and the site bucket.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';
import type { Context } from 'aws-lambda';
import { loadConfigFile } from '../../../../src/config/load.ts';
import { applyDefaults, type ResolvedConfig } from '../../../../src/config/resolved-config.ts';
import { resourcesOf, synthesize } from '../../../support/synthesize.ts';
import { AwsDouble } from '../../../support/aws/index.ts';
import { cloudwatchService } from '../../../support/aws/cloudwatch.ts';
import { AlarmStore, cloudwatchAlarmsService } from '../../../support/aws/cloudwatch-alarms.ts';
import { cloudwatchMetricDataService, type MetricPoint } from '../../../support/aws/cloudwatch-metric-data.ts';
import { s3Service, type Buckets, type StoredObject } from '../../../support/aws/s3.ts';

export const BUCKET = 'vantage-status-site';

export const CONFIG = `version: 1
probe:
  regions: [us-east-1, eu-west-1]
central: { account: "111111111111", region: us-east-1 }
status: { title: Acme RPC status }
networks:
  - id: eth-main
    chain: evm
    maxLagBlocks: 3
    endpoints:
      - { id: rpc-1, url: "https://rpc-1.example.com/v3/\${ssm:/vantage/rpc-key}" }
      - { id: rpc-2, url: "https://rpc-2.example.com" }
      - { id: ref, url: "https://ref.example.net", reference: true }
      - { id: admin, url: "https://10.0.0.9:8545", visibility: private }
  - id: algo-main
    chain: algorand
    endpoints:
      - { id: api-1, url: "https://algod.example.com" }
`;

export interface StatusWorld {
  readonly configFile: string;
  readonly config: ResolvedConfig;
  /** What the synthesized status function embeds in its bundle (esbuild define). */
  readonly statusBundleDefine: Readonly<Record<string, string>>;
  /** The Content-Security-Policy the synthesized CloudFront distribution sends with the page. */
  readonly siteContentSecurityPolicy: string;
  readonly double: AwsDouble;
  readonly alarms: AlarmStore;
  /** Alarm names infra/ created, in template order. */
  readonly alarmNames: readonly string[];
  readonly points: MetricPoint[];
  readonly buckets: Buckets;
  object(key: string): StoredObject | undefined;
  json<T>(key: string): T;
  stop(): Promise<void>;
}

export async function startStatusWorld(yaml = CONFIG): Promise<StatusWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-status-fn-'));
  const configFile = join(dir, 'vantage.yaml');
  writeFileSync(configFile, yaml);
  const synthesized = synthesize(configFile);
  const alarms = new AlarmStore();
  const created = new Date(Date.now() - 60 * 86_400_000);
  const alarmNames: string[] = [];
  for (const resource of Object.values(resourcesOf(synthesized.central, 'AWS::CloudWatch::Alarm'))) {
    const p = resource.Properties;
    alarms.put({ AlarmName: p['AlarmName'], Metrics: p['Metrics'], Threshold: p['Threshold'], ComparisonOperator: p['ComparisonOperator'], EvaluationPeriods: p['EvaluationPeriods'] }, created);
    alarmNames.push(p['AlarmName'] as string);
  }
  const points: MetricPoint[] = [];
  const buckets: Buckets = new Map([[BUCKET, new Map()]]);
  const double = await AwsDouble.start([cloudwatchService(), cloudwatchAlarmsService(alarms), cloudwatchMetricDataService(() => points), s3Service(buckets)]);
  return {
    configFile,
    config: applyDefaults(loadConfigFile(configFile)),
    statusBundleDefine: synthesized.stacks.central.status.function.bundleDefine,
    siteContentSecurityPolicy: siteCsp(synthesized.central),
    double,
    alarms,
    alarmNames,
    points,
    buckets,
    object: (key) => buckets.get(BUCKET)!.get(key),
    json: <T>(key: string) => JSON.parse(buckets.get(BUCKET)!.get(key)!.body.toString('utf8')) as T,
    stop: () => double.stop(),
  };
}

function siteCsp(central: Template): string {
  const policies = Object.values(resourcesOf(central, 'AWS::CloudFront::ResponseHeadersPolicy'));
  if (policies.length !== 1) throw new Error(`expected one response headers policy, found ${policies.length}`);
  return policies[0]!.Properties['ResponseHeadersPolicyConfig'].SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy as string;
}

/** Up (0/1) samples every 10 minutes over [fromMs, toMs) for one endpoint and region. */
export function upSamples(network: string, endpoint: string, region: string, fromMs: number, toMs: number, up: (at: number) => number): MetricPoint[] {
  const out: MetricPoint[] = [];
  for (let at = fromMs; at < toMs; at += 600_000) {
    out.push({ namespace: 'Vantage', metricName: 'Up', dimensions: { Network: network, Endpoint: endpoint, ProbeRegion: region }, unit: 'None', at, value: up(at) });
  }
  return out;
}

export function lambdaContext(remainingMs = 50_000): Context {
  const end = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'vantage-status',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:111111111111:function:vantage-status',
    memoryLimitInMB: '256',
    awsRequestId: `req-${Math.random().toString(16).slice(2)}`,
    logGroupName: '/aws/lambda/vantage-status',
    logStreamName: 'test',
    getRemainingTimeInMillis: () => Math.max(0, end - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
