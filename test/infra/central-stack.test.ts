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

/** The metrics a math alarm reads, as "MetricName Network/Endpoint@Region", and the ids its expressions use. */
function readMetrics(props: Record<string, any>) {
  const queries = props['Metrics'] as MetricQuery[];
  const stats = queries.filter((q) => q.MetricStat);
  const dims = (q: MetricQuery) => Object.fromEntries(q.MetricStat!.Metric.Dimensions.map((d) => [d.Name, d.Value]));
  const identifiers = new Set(queries.filter((q) => q.Expression).flatMap((q) => q.Expression!.match(/\b[a-z][a-zA-Z0-9]*\b/g) ?? []));
  return {
    series: stats.map((q) => {
      const d = dims(q);
      expect(Object.keys(d).sort()).toEqual(['Endpoint', 'Network', 'ProbeRegion']);
      expect(q.MetricStat!.Metric.Namespace).toBe('Vantage');
      return `${q.MetricStat!.Metric.MetricName} ${d['Network']}/${d['Endpoint']}@${d['ProbeRegion']}`;
    }).sort(),
    statIds: stats.map((q) => q.Id).sort(),
    usedIds: [...identifiers].filter((id) => queries.some((q) => q.Id === id)).sort(),
    returned: queries.filter((q) => q.ReturnData !== false),
  };
}

const everyRegion = (metric: string, network: string, endpoint: string) => REGIONS.map((r) => `${metric} ${network}/${endpoint}@${r}`).sort();

describe('central stack alarms for 2 networks × 3 endpoints × 3 regions', () => {
  it('creates 27 metric alarms and 2 composites, all named so the status function can parse them back', () => {
    expect(alarms).toHaveLength(27);
    s.central.resourceCountIs('AWS::CloudWatch::CompositeAlarm', 2);
    const kinds: Record<string, number> = {};
    for (const a of alarms) {
      const subject = parseAlarmName('Vantage', a.Properties['AlarmName']);
      expect(subject, a.Properties['AlarmName']).not.toBeNull();
      kinds[subject!.kind] = (kinds[subject!.kind] ?? 0) + 1;
    }
    // 4 served endpoints (api-1, rpc-1..3) × outage/regional/lagging/tls-expiry/exposure,
    // + node-3-admin exposure, 2 stale-head, 1 partkey, 3 heartbeats; the reference endpoint none.
    expect(kinds).toEqual({ outage: 4, regional: 4, lagging: 4, 'tls-expiry': 4, exposure: 5, 'stale-head': 2, 'partkey-expiry': 1, heartbeat: 3 });
    expect(alarms.map((a) => a.Properties['AlarmName']).filter((n: string) => n.includes('public-ref'))).toEqual([]);
  });

  it('builds exactly the alarms `vantage cost` prices, reading as many metrics as it bills', () => {
    const composites = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::CompositeAlarm'));
    const built = [...alarms, ...composites].map((a) => a.Properties['AlarmName']).sort();
    const inventory = alarmPlan(s.deployment.config);
    expect(built).toEqual(inventory.map((a) => a.name).sort());
    for (const planned of inventory.filter((a) => a.children.length === 0 && a.subject.kind !== 'stale-head')) {
      const props = alarm(planned.name);
      const read = props['Metrics'] ? (props['Metrics'] as MetricQuery[]).filter((q) => q.MetricStat).length : 1;
      expect(read, planned.name).toBe(planned.billedMetrics);
    }
  });

  it('counts an outage over exactly the endpoint\'s Up metric in each region, against outageRegions', () => {
    const props = alarm('Vantage eth-main/rpc-2 outage');
    const m = readMetrics(props);
    expect(m.series).toEqual(everyRegion('Up', 'eth-main', 'rpc-2'));
    expect(m.usedIds).toEqual(m.statIds);
    expect(m.returned).toHaveLength(1);
    expect(m.returned[0]!.Expression).toBe('(1 - FILL(up0, 1)) + (1 - FILL(up1, 1)) + (1 - FILL(up2, 1))');
    expect(props).toMatchObject({ Threshold: 2, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 3, DatapointsToAlarm: 2, TreatMissingData: 'notBreaching' });
    for (const q of props['Metrics'] as MetricQuery[]) if (q.MetricStat) expect(q.MetricStat).toMatchObject({ Stat: 'Minimum', Period: 60 });
  });

  it('raises a regional issue for down in at least one region but fewer than an outage', () => {
    const props = alarm('Vantage algorand-mainnet/api-1 regional');
    const m = readMetrics(props);
    expect(m.series).toEqual(everyRegion('Up', 'algorand-mainnet', 'api-1'));
    expect(m.returned[0]!.Expression).toBe('IF(down >= 1 AND down < 2, 1, 0)');
    expect((props['Metrics'] as MetricQuery[]).find((q) => q.Id === 'down')!.Expression).toBe('(1 - FILL(up0, 1)) + (1 - FILL(up1, 1)) + (1 - FILL(up2, 1))');
    expect(props).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
  });

  it('judges lag, TLS expiry and exposure on the worst region', () => {
    const lag = alarm('Vantage eth-main/rpc-1 lagging');
    expect(readMetrics(lag).series).toEqual(everyRegion('HeightLag', 'eth-main', 'rpc-1'));
    expect(readMetrics(lag).returned[0]!.Expression).toMatch(/^MAX\(\[\w+0, \w+1, \w+2\]\)$/);
    // EVM default: max(1, ceil(30 s / 12 s)) = 3 blocks.
    expect(lag).toMatchObject({ Threshold: 3, ComparisonOperator: 'GreaterThanThreshold' });

    const tls = alarm('Vantage algorand-mainnet/api-1 tls-expiry');
    expect(readMetrics(tls).series).toEqual(everyRegion('TlsDaysToExpiry', 'algorand-mainnet', 'api-1'));
    expect(readMetrics(tls).returned[0]!.Expression).toMatch(/^MIN\(/);
    expect(tls).toMatchObject({ Threshold: 14, ComparisonOperator: 'LessThanThreshold' });
    for (const q of tls['Metrics'] as MetricQuery[]) if (q.MetricStat) expect(q.MetricStat.Period).toBe(3600);

    const exposed = alarm('Vantage algorand-mainnet/node-3-admin exposure');
    expect(readMetrics(exposed).series).toEqual(everyRegion('Exposed', 'algorand-mainnet', 'node-3-admin'));
    expect(exposed).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1 });
  });

  it('calls a chain stalled when the freshest head of every endpoint in every region is too old (Metrics Insights)', () => {
    const props = alarm('Vantage eth-main stale-head');
    expect(props['Metrics']).toEqual([{
      Id: expect.any(String),
      Expression: 'SELECT MIN(HeadAge) FROM SCHEMA("Vantage", Network, Endpoint, ProbeRegion) WHERE Network = \'eth-main\'',
      Label: expect.any(String),
      Period: 60,
      ReturnData: true,
    }]);
    expect(props).toMatchObject({ Threshold: 120, ComparisonOperator: 'GreaterThanThreshold' });
    expect(alarm('Vantage algorand-mainnet stale-head')).toMatchObject({ Threshold: 30 });
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

  it('combines each network\'s critical alarms, by name, in one composite that pages', () => {
    const composites = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::CompositeAlarm'));
    const eth = composites.find((c) => c.Properties['AlarmName'] === 'Vantage eth-main health')!;
    const children = [...(eth.Properties['AlarmRule'] as string).matchAll(/ALARM\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(children.sort()).toEqual([
      'Vantage eth-main stale-head',
      ...['rpc-1', 'rpc-2', 'rpc-3'].flatMap((e) => [`Vantage eth-main/${e} exposure`, `Vantage eth-main/${e} outage`]),
    ].sort());
    expect(eth.Properties['AlarmRule']).toMatch(/^ALARM\("[^"]+"\)( OR ALARM\("[^"]+"\))+$/);
    expect(eth.DependsOn).toHaveLength(children.length);
    expect(eth.Properties['AlarmActions']).toEqual([{ Ref: expect.stringMatching(/^AlertsCritical/) }]);
  });

  it('routes warnings to the warning topic, silent-region alarms to the critical topic, and leaves composite members to the composite', () => {
    const topicOf = (name: string) => (alarm(name)['AlarmActions'] as { Ref: string }[] | undefined)?.map((a) => a.Ref.replace(/[0-9A-F]{8}$/, ''));
    for (const name of ['Vantage eth-main/rpc-1 regional', 'Vantage eth-main/rpc-1 lagging', 'Vantage eth-main/rpc-1 tls-expiry']) {
      expect(topicOf(name), name).toEqual(['AlertsWarning']);
      expect(alarm(name)['OKActions']).toHaveLength(1);
    }
    expect(topicOf('Vantage probe eu-west-1 heartbeat')).toEqual(['AlertsCritical']);
    for (const name of ['Vantage eth-main/rpc-1 outage', 'Vantage eth-main/rpc-1 exposure', 'Vantage eth-main stale-head']) {
      expect(topicOf(name), name).toBeUndefined();
    }
  });

  it('describes every alarm in a sentence for the person on call, with a runbook hint, within 1024 characters', () => {
    const described = [...alarms, ...Object.values(resourcesOf(s.central, 'AWS::CloudWatch::CompositeAlarm'))];
    for (const a of described) {
      const text = a.Properties['AlarmDescription'] as string;
      expect(text.length, a.Properties['AlarmName']).toBeLessThanOrEqual(1024);
      expect(text, a.Properties['AlarmName']).toMatch(/\nRunbook: .{20,}\nDashboard: https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#dashboards\/dashboard\/vantage$/s);
    }
    expect(alarm('Vantage eth-main/rpc-1 outage')['AlarmDescription']).toMatch(/^eth-main \/ rpc-1 down from at least 2 of 3 regions \(us-east-1, eu-west-1, ap-southeast-1\)\./);
    expect(alarm('Vantage eth-main/rpc-1 regional')['AlarmDescription']).toMatch(/^eth-main \/ rpc-1 down from 1 of 3 regions/);
    expect(alarm('Vantage algorand-mainnet/node-3-admin exposure')['AlarmDescription']).toMatch(/^algorand-mainnet \/ node-3-admin is private but answers from the internet\./);
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
  it('shows per network: alarms, up by region, latency, height and lag, certificate days', () => {
    const dashboards = Object.values(resourcesOf(s.central, 'AWS::CloudWatch::Dashboard'));
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]!.Properties['DashboardName']).toBe('vantage');
    const body = JSON.stringify(dashboards[0]!.Properties['DashboardBody']);
    for (const network of ['eth-main', 'algorand-mainnet']) {
      for (const title of ['alarms', 'up by region (0/1)', 'time to first byte (ms)', 'block height', 'height lag (blocks)', 'certificate days to expiry']) {
        expect(body).toContain(`${network}${title === 'alarms' ? ' ' : ': '}${title}`);
      }
    }
    expect(body).toContain('Probe runs by region');
  });
});
