import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAlarmName } from '../../src/alarms/alarm-names.ts';
import { alarmPlan } from '../../src/alarms/alarm-plan.ts';
import { resourcesOf, synthesize, type CfnResource, type Synthesized } from '../support/synthesize.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];
const ACCOUNT = '111111111111';

let s: Synthesized;
let alarms: CfnResource[];
const alarm = (name: string) => {
  const found = alarms.find((a) => a.Properties['AlarmName'] === name);
  if (!found) throw new Error(`no alarm named "${name}"`);
  return found.Properties;
};

beforeAll(() => {
  s = synthesize('examples/vantage.example.yaml');
  alarms = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Alarm'));
});

interface MetricQuery {
  Id: string;
  Expression?: string;
  ReturnData?: boolean;
  Period?: number;
  MetricStat?: { Metric: { MetricName: string; Namespace: string; Dimensions: { Name: string; Value: string }[] }; Stat: string; Period: number };
}

const composites = () => Object.values(resourcesOf(s.central, 'AWS::CloudWatch::CompositeAlarm'));
const composite = (name: string) => composites().find((c) => c.Properties['AlarmName'] === name)!.Properties;
const childrenOf = (rule: string) => [...rule.matchAll(/ALARM\("([^"]+)"\)/g)].map((m) => m[1]);
/** A region-less alarm metric's dimensions, in the order CDK writes them (sorted by name). */
const regionless = (network: string, endpoint: string) => [{ Name: 'AlarmGroup', Value: 'g1' }, { Name: 'Endpoint', Value: endpoint }, { Name: 'Network', Value: network }];

describe('central stack alarms for 2 networks × 3 endpoints × 3 regions', () => {
  it('creates 42 metric alarms and 5 composites, all named so the status function can parse them back', () => {
    expect(alarms).toHaveLength(42);
    s.central.resourceCountIs('AWS::CloudWatch::CompositeAlarm', 5);
    const kinds: Record<string, number> = {};
    for (const a of alarms) {
      const subject = parseAlarmName('Vantage', a.Properties['AlarmName']);
      expect(subject, a.Properties['AlarmName']).not.toBeNull();
      kinds[subject!.kind] = (kinds[subject!.kind] ?? 0) + 1;
    }
    // 4 served endpoints (api-1, rpc-1..3) × outage/regional/lagging/tls-expiry/addresses/exposure, finality for the 3 evm ones,
    // + node-3-admin exposure; per network stale-head, slow-blocks, cadence band, maintenance; eth finality-stalled;
    // 1 partkey, 3 heartbeats and the deployment's maintenance suppressor. The reference endpoint none.
    expect(kinds).toEqual({
      outage: 4, regional: 4, lagging: 4, 'tls-expiry': 4, addresses: 4, exposure: 5, 'finality-lagging': 3, 'stale-head': 2, 'finality-stalled': 1,
      'slow-blocks': 2, 'cadence-anomaly': 2, maintenance: 3, 'partkey-expiry': 1, heartbeat: 3,
    });
    expect(alarms.map((a) => a.Properties['AlarmName']).filter((n: string) => n.includes('public-ref'))).toEqual([]);
  });

  it('builds exactly the alarms `vantage cost` prices, reading as many metrics as it bills', () => {
    const built = [...alarms, ...composites()].map((a) => a.Properties['AlarmName']).sort();
    const plan = alarmPlan(s.deployment.config);
    expect(built).toEqual(plan.alarms.map((a) => a.name).sort());
    for (const planned of plan.alarms.filter((a) => a.billing === 'standard')) {
      const props = alarm(planned.name);
      const read = props['Metrics'] ? (props['Metrics'] as MetricQuery[]).filter((q) => q.MetricStat).length : 1;
      expect(read, planned.name).toBe(planned.billedMetrics);
    }
  });

  it('counts an outage on the endpoint\'s one region-less RegionsDown metric: Sum over a period = regions that saw it down', () => {
    expect(alarm('Vantage eth-main/rpc-2 outage')).toMatchObject({
      Namespace: 'Vantage', MetricName: 'RegionsDown', Statistic: 'Sum', Period: 60, Unit: 'Count',
      Dimensions: regionless('eth-main', 'rpc-2'),
      Threshold: 2, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'notBreaching',
    });
  });

  it('raises a regional issue for down in at least one region but fewer than an outage, from the same one metric', () => {
    const props = alarm('Vantage algorand-mainnet/api-1 regional');
    const queries = props['Metrics'] as MetricQuery[];
    expect(queries.filter((q) => q.MetricStat)).toEqual([expect.objectContaining({ Id: 'down', ReturnData: false, MetricStat: expect.objectContaining({ Stat: 'Sum', Metric: expect.objectContaining({ MetricName: 'RegionsDown', Dimensions: regionless('algorand-mainnet', 'api-1') }) }) })]);
    expect(queries.find((q) => q.ReturnData !== false)!.Expression).toBe('IF(down >= 1 AND down < 2, 1, 0)');
    expect(props).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('judges lag and exposure on the probe\'s own 0/1 judgement from any region, TLS expiry on the fewest days', () => {
    expect(alarm('Vantage eth-main/rpc-1 lagging')).toMatchObject({ MetricName: 'Lagging', Statistic: 'Maximum', Dimensions: regionless('eth-main', 'rpc-1'), Threshold: 1, EvaluationPeriods: 3, DatapointsToAlarm: 3 });
    expect(alarm('Vantage algorand-mainnet/api-1 tls-expiry')).toMatchObject({
      MetricName: 'TlsDaysToExpiry', Statistic: 'Minimum', Period: 3600, Threshold: 14, ComparisonOperator: 'LessThanThreshold',
      Dimensions: [...regionless('algorand-mainnet', 'api-1'), { Name: 'WarnDays', Value: '14' }],
    });
    expect(alarm('Vantage algorand-mainnet/node-3-admin exposure')).toMatchObject({ MetricName: 'Exposed', Statistic: 'Maximum', Threshold: 1, EvaluationPeriods: 1 });
    expect(alarm('Vantage eth-main/rpc-3 finality-lagging')).toMatchObject({ MetricName: 'FinalityLagging', Statistic: 'Maximum', Threshold: 1 });
  });

  it('calls a chain stalled when the freshest head of the network is too old, and finality stalled when every endpoint lags', () => {
    expect(alarm('Vantage eth-main stale-head')).toMatchObject({ MetricName: 'HeadAge', Statistic: 'Minimum', Dimensions: [{ Name: 'Network', Value: 'eth-main' }], Threshold: 120, ComparisonOperator: 'GreaterThanThreshold' });
    expect(alarm('Vantage algorand-mainnet stale-head')).toMatchObject({ Threshold: 30 });
    expect(alarm('Vantage eth-main finality-stalled')).toMatchObject({ MetricName: 'FinalityLagging', Statistic: 'Minimum', Dimensions: [{ Name: 'Network', Value: 'eth-main' }], Threshold: 1 });
  });

  it('watches block cadence per network with an anomaly detection band and a fixed cadenceFactor × blockTimeSeconds threshold', () => {
    const detectors = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::AnomalyDetector')).map((d) => d.Properties['SingleMetricAnomalyDetector']);
    expect(detectors).toContainEqual({ Namespace: 'Vantage', MetricName: 'BlockInterval', Dimensions: [{ Name: 'Network', Value: 'eth-main' }], Stat: 'Minimum' });
    const band = alarm('Vantage eth-main cadence-anomaly');
    expect(band).toMatchObject({ ComparisonOperator: 'GreaterThanUpperThreshold', ThresholdMetricId: expect.any(String) });
    const queries = band['Metrics'] as MetricQuery[];
    expect(queries.find((q) => q.Id === band['ThresholdMetricId'])!.Expression).toMatch(/^ANOMALY_DETECTION_BAND\(\w+, 2\)$/);
    expect(queries.find((q) => q.MetricStat)!.MetricStat).toMatchObject({ Stat: 'Minimum', Period: 300, Metric: { MetricName: 'BlockInterval' } });
    // EVM's 12 s blocks, cadenceFactor 2.
    expect(alarm('Vantage eth-main slow-blocks')).toMatchObject({ MetricName: 'BlockInterval', Threshold: 24, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('watches the participation key hourly and each probe region\'s heartbeat with missing data breaching', () => {
    expect(alarm('Vantage account algorand-mainnet/WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY partkey-expiry')).toMatchObject({
      Namespace: 'Vantage', MetricName: 'PartKeyDaysToExpiry', Statistic: 'Minimum', Period: 3600, Threshold: 14, ComparisonOperator: 'LessThanThreshold',
      Dimensions: [{ Name: 'Account', Value: 'WHNXGKYOVIQADYS4VTYBG6SGWFIG6235C5LMXM76J3LHE475QJLIHUC5KY' }, { Name: 'Network', Value: 'algorand-mainnet' }],
    });
    for (const region of REGIONS) {
      expect(alarm(`Vantage probe ${region} heartbeat`)).toMatchObject({
        MetricName: 'ProbeRuns', Statistic: 'Sum', Dimensions: [{ Name: 'ProbeRegion', Value: region }],
        Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching', EvaluationPeriods: 3,
      });
    }
  });

  it('combines each network\'s critical alarms, by name, in one composite that pages, and its warnings in another', () => {
    const eth = composite('Vantage eth-main health');
    expect(childrenOf(eth['AlarmRule']).sort()).toEqual([
      'Vantage eth-main stale-head',
      ...['rpc-1', 'rpc-2', 'rpc-3'].flatMap((e) => [`Vantage eth-main/${e} exposure`, `Vantage eth-main/${e} outage`]),
    ].sort());
    expect(eth['AlarmRule']).toMatch(/^ALARM\("[^"]+"\)( OR ALARM\("[^"]+"\))+$/);
    expect(eth['AlarmActions']).toEqual([{ Ref: expect.stringMatching(/^AlertsCritical/) }]);
    const warnings = composite('Vantage eth-main warnings');
    expect(childrenOf(warnings['AlarmRule'])).toContain('Vantage eth-main/rpc-1 lagging');
    expect(warnings['AlarmActions']).toEqual([{ Ref: expect.stringMatching(/^AlertsWarning/) }]);
    expect(warnings['OKActions']).toHaveLength(1);
  });

  it('gives no metric alarm an action of its own: every notification comes from a suppressible composite', () => {
    for (const a of alarms) {
      expect(a.Properties['AlarmActions'], a.Properties['AlarmName']).toBeUndefined();
      expect(a.Properties['OKActions'], a.Properties['AlarmName']).toBeUndefined();
    }
  });

  it('describes every alarm in a sentence for the person on call, with a runbook hint, within 1024 characters', () => {
    for (const a of [...alarms, ...composites()]) {
      const text = a.Properties['AlarmDescription'] as string;
      expect(text.length, a.Properties['AlarmName']).toBeLessThanOrEqual(1024);
      expect(text, a.Properties['AlarmName']).toMatch(/\nRunbook: .{20,}\nDashboard: https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#dashboards\/dashboard\/vantage$/s);
    }
    expect(alarm('Vantage eth-main/rpc-1 outage')['AlarmDescription']).toMatch(/^eth-main \/ rpc-1 down from at least 2 of 3 regions \(us-east-1, eu-west-1, ap-southeast-1\)\./);
    expect(alarm('Vantage eth-main/rpc-1 regional')['AlarmDescription']).toMatch(/^eth-main \/ rpc-1 down from 1 of 3 regions/);
    expect(alarm('Vantage algorand-mainnet/node-3-admin exposure')['AlarmDescription']).toMatch(/^algorand-mainnet \/ node-3-admin is private but answers from the internet\./);
    expect(alarm('Vantage probe eu-west-1 heartbeat')['AlarmDescription']).toContain('(stack vantage-probe-eu-west-1)');
  });
});

describe('central stack alerting', () => {
  it('encrypts both topics with a rotated key CloudWatch may use, and refuses plain-HTTP publishers', () => {
    s.central.resourceCountIs('AWS::SNS::Topic', 2);
    s.central.allResourcesProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlertsKey'), 'Arn'] } });
    s.central.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'vantage-critical' });
    s.central.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'vantage-warning' });
    s.central.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({
        Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` },
        },
      })]) },
    });
    s.central.allResourcesProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  it('subscribes the email addresses to both topics and the paging URL to critical only, with its secret left to CloudFormation', () => {
    const subs = Object.values(resourcesOf(s.central, 'AWS::SNS::Subscription')).map((r) => r.Properties);
    const on = (topic: string) => subs.filter((p) => p['TopicArn'].Ref.startsWith(topic)).map((p) => `${p['Protocol']} ${p['Endpoint']}`).sort();
    expect(on('AlertsCritical')).toEqual([
      'email ops@example.com',
      'https https://events.pagerduty.com/integration/{{resolve:ssm:/vantage/pagerduty-key}}/enqueue',
    ]);
    expect(on('AlertsWarning')).toEqual(['email ops@example.com']);
    for (const p of subs) expect(p['RedrivePolicy']).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [expect.stringMatching(/^AlertsUndelivered/), 'Arn'] } });
  });
});

describe('central stack IAM', () => {
  it('lets only the probe roles assume the publisher role, which may only PutMetricData into the namespace', () => {
    s.central.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'vantage-metrics-publisher',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Condition: { ArnEquals: { 'aws:PrincipalArn': REGIONS.map((r) => `arn:aws:iam::${ACCOUNT}:role/vantage-probe-${r}`) } },
        }],
      },
      Policies: [{
        PolicyName: 'PutMetricData',
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [{
            Sid: 'PublishIntoVantageNamespaceOnly',
            Effect: 'Allow',
            Action: 'cloudwatch:PutMetricData',
            Resource: '*',
            Condition: { StringEquals: { 'cloudwatch:namespace': 'Vantage' } },
          }],
        },
      }],
    });
  });

  it('gives the status function exactly: its log group, alarm listing, the deployment\'s alarm history, GetMetricData, PutObject into its bucket and GetObject of its maintenance file', () => {
    const policies = Object.values(resourcesOf(s.central, 'AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties['PolicyDocument'].Statement).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^StatusLogs/), 'Arn'] } },
      // DescribeAlarms is authorized against alarm:* even with a name prefix; history is read per name.
      { Sid: 'ListAlarms', Action: 'cloudwatch:DescribeAlarms', Effect: 'Allow', Resource: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` },
      { Sid: 'ReadVantageAlarmHistory', Action: 'cloudwatch:DescribeAlarmHistory', Effect: 'Allow', Resource: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:Vantage?*` },
      { Sid: 'ReadUptimeMetrics', Action: 'cloudwatch:GetMetricData', Effect: 'Allow', Resource: '*' },
      { Sid: 'WriteStatusFeed', Action: 's3:PutObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^StatusSiteBucket/), 'Arn'] }, '/*']] } },
      // Read back: when each maintenance window was published (the function keeps no state of its own).
      {
        Sid: 'ReadMaintenanceAnnouncements', Action: 's3:GetObject', Effect: 'Allow',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^StatusSiteBucket/), 'Arn'] }, '/api/v2/scheduled-maintenances.json']] },
      },
    ]);
  });

  it('never allows a wildcard action, and Resource "*" only where the action has no resource type', () => {
    const statements = [
      ...Object.values(resourcesOf(s.central, 'AWS::IAM::Policy')).flatMap((p) => p.Properties['PolicyDocument'].Statement),
      ...Object.values(resourcesOf(s.central, 'AWS::IAM::Role')).flatMap((r) => (r.Properties['Policies'] ?? []).flatMap((p: any) => p.PolicyDocument.Statement)),
    ];
    for (const st of statements) {
      for (const action of [st.Action].flat()) expect(action).not.toMatch(/\*/);
      if ([st.Resource].flat().includes('*')) expect(['cloudwatch:PutMetricData', 'cloudwatch:GetMetricData']).toContain(st.Action);
    }
  });
});

describe('central stack status page', () => {
  it('keeps the bucket private, encrypted, versioned and TLS-only, readable by this distribution alone', () => {
    const buckets = Object.entries(resourcesOf(s.central, 'AWS::S3::Bucket'));
    expect(buckets).toHaveLength(2);
    for (const [, b] of buckets) {
      expect(b.Properties['PublicAccessBlockConfiguration']).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(b.Properties['BucketEncryption']).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
      expect(b.Properties['AccessControl']).toBeUndefined();
    }
    const [siteId, site] = buckets.find(([id]) => id.startsWith('StatusSiteBucket'))!;
    expect(site.Properties['VersioningConfiguration']).toEqual({ Status: 'Enabled' });
    expect(site.Properties['LoggingConfiguration']).toMatchObject({ DestinationBucketName: { Ref: expect.stringMatching(/^StatusSiteAccessLogs/) } });

    const policy = Object.values(resourcesOf(s.central, 'AWS::S3::BucketPolicy')).find((p) => p.Properties['Bucket'].Ref === siteId)!;
    const statements = policy.Properties['PolicyDocument'].Statement as any[];
    expect(statements.filter((st) => st.Effect === 'Allow')).toEqual([{
      Action: 's3:GetObject',
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteId, 'Arn'] }, '/*']] },
      Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: expect.stringMatching(/^StatusSiteDistribution/) }]] } } },
    }]);
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
  });

  it('serves it through CloudFront with Origin Access Control, HTTPS only', () => {
    s.central.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    s.central.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    s.central.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] }),
        Origins: [Match.objectLike({
          OriginAccessControlId: { 'Fn::GetAtt': [Match.stringLikeRegexp('OriginAccessControl'), 'Id'] },
          S3OriginConfig: { OriginAccessIdentity: '' },
        })],
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('answers other sites\' status widgets (CORS on GET) and sends security headers', () => {
    s.central.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CorsConfig: Match.objectLike({
          AccessControlAllowCredentials: false,
          AccessControlAllowMethods: { Items: ['GET', 'HEAD'] },
          AccessControlAllowOrigins: { Items: ['*'] },
        }),
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31_536_000 }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          // Its value is checked against the page the status function writes (test/integration/functions/status).
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.stringLikeRegexp("^default-src 'none'; style-src 'sha256-"), Override: true },
        }),
      }),
    });
    s.central.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ResponseHeadersPolicyId: { Ref: Match.stringLikeRegexp('^StatusSiteHeaders') } }),
      }),
    });
  });

  it('runs the status function every minute on Node.js 24 arm64 with the feed\'s settings', () => {
    s.central.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('^StatusLogs') } },
      Environment: { Variables: Match.exact({
        VANTAGE_STATUS_BUCKET: { Ref: Match.stringLikeRegexp('^StatusSiteBucket') },
        VANTAGE_STATUS_URL: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^StatusSiteDistribution'), 'DomainName'] }]] },
        POWERTOOLS_SERVICE_NAME: 'vantage-status',
      }) },
    });
    s.central.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)' });
    s.central.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});

describe('central dashboard', () => {
  it('shows per network: alarms, up by region, latency, lag, head age, certificate days (block height only with metrics.detail: full)', () => {
    const dashboards = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties['DashboardName']).toBe('vantage');
    const body = JSON.stringify(dashboards[0]!.Properties['DashboardBody']);
    for (const network of ['eth-main', 'algorand-mainnet']) {
      for (const title of ['alarms', 'up by region (0/1)', 'time to first byte (ms)', 'head age (s)', 'height lag (blocks)', 'certificate days to expiry']) {
        expect(body).toContain(`${network}${title === 'alarms' ? ' ' : ': '}${title}`);
      }
    }
    expect(body).toContain('Probe runs by region');
    expect(body).not.toContain('block height');
    // Certificate days come from the region-less alarm metric, one series per endpoint.
    expect(body).toContain('SELECT MIN(TlsDaysToExpiry) FROM SCHEMA(');
    expect(body).toContain("AlarmGroup, Network, Endpoint, WarnDays) WHERE Network = 'eth-main' GROUP BY Endpoint ORDER BY MIN() ASC");
  });

  it('graphs failing addresses per endpoint from the addresses alarm\'s own region-less metric, one series per endpoint', () => {
    const body = JSON.stringify(Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Dashboard'))[0]!.Properties['DashboardBody']);
    for (const network of ['eth-main', 'algorand-mainnet']) {
      expect(body).toContain(`${network}: failing addresses per endpoint`);
      expect(body).toMatch(new RegExp(`SELECT MAX\\(AddressesUnhealthy\\) FROM SCHEMA\\([^,]+, AlarmGroup, Network, Endpoint\\) WHERE Network = '${network}' GROUP BY Endpoint ORDER BY MAX\\(\\) DESC`));
    }
    // No per-region series of it is published any more: the dashboard reads none.
    expect(body).not.toMatch(/AddressesUnhealthy\) FROM SCHEMA\([^)]*ProbeRegion/);
  });
});
