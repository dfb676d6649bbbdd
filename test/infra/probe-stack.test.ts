import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOf, synthesize, type Synthesized } from '../support/synthesize.ts';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];

let example: Synthesized;
let sharded: Synthesized;

beforeAll(() => {
  example = synthesize('examples/vantage.example.yaml');
  sharded = synthesize('test/fixtures/infra/sharded.yaml', { probeAccount: '222222222222', probeAccounts: { 'us-west-2': '333333333333' } });
});

describe('probe stacks', () => {
  it('builds one Vantage-Probe-<region> stack per probe region, environment-agnostic when no probe account is given', () => {
    expect(example.stacks.probes.map((p) => p.stackName)).toEqual(REGIONS.map((r) => `Vantage-Probe-${r}`));
    for (const probe of example.stacks.probes) {
      expect(probe.region).toBe(REGIONS[example.stacks.probes.indexOf(probe)]);
      expect(probe.resolve(probe.account)).toEqual({ Ref: 'AWS::AccountId' });
      expect(probe.dependencies).toEqual([example.stacks.central]);
    }
    expect(sharded.stacks.probes.map((p) => [p.region, p.account])).toEqual([['eu-west-1', '222222222222'], ['us-west-2', '333333333333']]);
  });

  it('runs the probe on Node.js 24 arm64 with the central publisher wired in, and no retries of a stale round', () => {
    const t = example.probes.get('eu-west-1')!;
    t.resourceCountIs('AWS::Lambda::Function', 1);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 256,
      Timeout: 60,
      Handler: 'index.handler',
      LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: Match.stringLikeRegexp('^ProbeLogs') } },
      Environment: { Variables: Match.exact({
        VANTAGE_PUBLISHER_ROLE_ARN: 'arn:aws:iam::111111111111:role/vantage-metrics-publisher',
        POWERTOOLS_SERVICE_NAME: 'vantage-probe',
        NODE_OPTIONS: '--max-semi-space-size=8',
      }) },
    });
    t.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 });
    t.resourceCountIs('AWS::Logs::LogGroup', 1);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    sharded.probes.get('us-west-2')!.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  it('invokes the function once per tick with the whole run as shard 0 of 1', () => {
    const rules = Object.values(resourcesOf(example.probes.get('us-east-1')!, 'AWS::Events::Rule'));
    expect(rules).toHaveLength(1);
    expect(rules[0]!.Properties['ScheduleExpression']).toBe('rate(1 minute)');
    expect(rules[0]!.Properties['Targets']).toEqual([{
      Arn: { 'Fn::GetAtt': [expect.stringMatching(/^ProbeFunction/), 'Arn'] },
      Id: 'Target0',
      Input: '{"shard":0,"of":1}',
      RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 2 },
    }]);
  });

  it('spreads 7 shards over two rules of at most five targets, each target naming its shard', () => {
    const rules = Object.values(resourcesOf(sharded.probes.get('eu-west-1')!, 'AWS::Events::Rule'));
    expect(rules.map((r) => r.Properties['Targets'].length)).toEqual([5, 2]);
    const inputs = rules.flatMap((r) => r.Properties['Targets'].map((t: { Input: string }) => JSON.parse(t.Input)));
    expect(inputs).toEqual([0, 1, 2, 3, 4, 5, 6].map((shard) => ({ shard, of: 7 })));
    for (const r of rules) {
      expect(r.Properties['ScheduleExpression']).toBe('rate(5 minutes)');
      for (const t of r.Properties['Targets']) expect(t.RetryPolicy.MaximumEventAgeInSeconds).toBe(300);
    }
  });

  it('lets the probe role assume the publisher role and read exactly the parameters and secrets the config names', () => {
    const t = example.probes.get('ap-southeast-1')!;
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'vantage-probe-ap-southeast-1',
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }], Version: '2012-10-17' },
    });
    const arn = (service: string, resource: string) => ({ 'Fn::Join': ['', [`arn:aws:${service}:ap-southeast-1:`, { Ref: 'AWS::AccountId' }, `:${resource}`]] });
    const policies = Object.values(resourcesOf(t, 'AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties['PolicyDocument'].Statement).toEqual([
      { Sid: 'AssumeCentralPublisher', Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::111111111111:role/vantage-metrics-publisher' },
      { Sid: 'ReadConfigParameters', Action: 'ssm:GetParameter', Effect: 'Allow', Resource: [arn('ssm', 'parameter/vantage/algod-token'), arn('ssm', 'parameter/vantage/eth-rpc-2-key')] },
      { Sid: 'ReadConfigSecrets', Action: 'secretsmanager:GetSecretValue', Effect: 'Allow', Resource: arn('secretsmanager', 'secret:vantage/eth-rpc-password-??????') },
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Effect: 'Allow', Resource: { 'Fn::GetAtt': [expect.stringMatching(/^ProbeLogs/), 'Arn'] } },
    ]);
    // The paging URL's parameter belongs to the central stack's subscription, not to the probe.
    expect(JSON.stringify(policies)).not.toContain('pagerduty');
  });

  it('grants no secret reads when the config has no references', () => {
    const policies = Object.values(resourcesOf(sharded.probes.get('eu-west-1')!, 'AWS::IAM::Policy'));
    expect(policies[0]!.Properties['PolicyDocument'].Statement.map((s: { Sid?: string; Action: unknown }) => s.Sid ?? s.Action)).toEqual([
      'AssumeCentralPublisher', ['logs:CreateLogStream', 'logs:PutLogEvents'],
    ]);
    sharded.probes.get('eu-west-1')!.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ VANTAGE_PUBLISHER_ROLE_ARN: 'arn:aws:iam::111111111111:role/acme-nodes-metrics-publisher' }) },
    });
  });

  it('trusts each probe account for its own probe roles only', () => {
    sharded.central.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'acme-nodes-metrics-publisher',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Condition: { ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::222222222222:role/acme-nodes-probe-eu-west-1'] } } },
          { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Condition: { ArnEquals: { 'aws:PrincipalArn': ['arn:aws:iam::333333333333:role/acme-nodes-probe-us-west-2'] } } },
        ],
      },
    });
  });

  it('follows the config into the central alarms: shards in the heartbeat, the 5-minute period, no regional alarm with outageRegions 1', () => {
    const alarms = Object.values(resourcesOf(sharded.central, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    expect(alarms.map((a) => a['AlarmName']).sort()).toEqual([
      'Acme/Nodes dot/a exposure', 'Acme/Nodes dot/a lagging', 'Acme/Nodes dot/a outage',
      'Acme/Nodes probe eu-west-1 heartbeat', 'Acme/Nodes probe us-west-2 heartbeat',
    ]);
    const heartbeat = alarms.find((a) => a['AlarmName'] === 'Acme/Nodes probe us-west-2 heartbeat')!;
    expect(heartbeat).toMatchObject({ Threshold: 7, Period: 300, Namespace: 'Acme/Nodes' });
  });
});
