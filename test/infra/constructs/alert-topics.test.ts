// The alert path as synthesized: alarm → topic (topic policy) → its KMS key
// → subscriptions → dead-letter queue (queue policy). Each hop is a resource
// policy that, if it lacks its Allow, drops notifications silently.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resourcesOf, synthesize, type CfnResource, type Synthesized } from '../../support/synthesize.ts';

const ACCOUNT = '111111111111';
const TLS_ONLY = { Bool: { 'aws:SecureTransport': 'false' } };

let example: Synthesized;

beforeAll(() => {
  example = synthesize('examples/vantage.example.yaml');
});

/** The example config moved to another account and region, with no subscriptions at all. */
function otherCentral(): string {
  const text = readFileSync('examples/vantage.example.yaml', 'utf8')
    .replace('account: "111111111111"', 'account: "222222222222"')
    .replace(/region: us-east-1\n  namespace: Vantage/, 'region: eu-central-1\n  namespace: Vantage')
    .replace('email: [ops@example.com]', 'email: []')
    .replace(/httpsSubscriptions: \[.*\]/, 'httpsSubscriptions: []');
  const file = join(mkdtempSync(join(tmpdir(), 'vantage-alerts-')), 'vantage.yaml');
  writeFileSync(file, text);
  return file;
}

function topicPolicies(s: Synthesized): Map<string, any[]> {
  const byTopic = new Map<string, any[]>();
  for (const policy of Object.values(resourcesOf(s.central, 'AWS::SNS::TopicPolicy'))) {
    for (const topic of policy.Properties['Topics'] as { Ref: string }[]) byTopic.set(topic.Ref, policy.Properties['PolicyDocument'].Statement);
  }
  return byTopic;
}

const topicIds = (s: Synthesized) => Object.keys(resourcesOf(s.central, 'AWS::SNS::Topic')).sort();

describe('alert topics', () => {
  it('let CloudWatch alarms of this account publish, next to the TLS-only Deny, on each topic', () => {
    const policies = topicPolicies(example);
    expect([...policies.keys()].sort()).toEqual(topicIds(example));
    for (const [topic, statements] of policies) {
      expect(statements, topic).toEqual([
        { Sid: 'AllowPublishThroughSSLOnly', Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Resource: { Ref: topic }, Condition: TLS_ONLY },
        {
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: 'sns:Publish',
          Resource: { Ref: topic },
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` },
          },
        },
      ]);
    }
  });

  it('allow every alarm action and OK action to reach its topic: the topic policy and the topic key both admit CloudWatch for that alarm', () => {
    const policies = topicPolicies(example);
    const topics = resourcesOf(example.central, 'AWS::SNS::Topic');
    const keys = resourcesOf(example.central, 'AWS::KMS::Key');
    const alarms: CfnResource[] = [
      ...Object.values(resourcesOf(example.central, 'AWS::CloudWatch::Alarm')),
      ...Object.values(resourcesOf(example.central, 'AWS::CloudWatch::CompositeAlarm')),
    ];
    const admitsAlarm = (st: any, action: string) =>
      st.Effect === 'Allow'
      && st.Principal?.Service === 'cloudwatch.amazonaws.com'
      && [st.Action].flat().includes(action)
      && st.Condition?.StringEquals?.['aws:SourceAccount'] === ACCOUNT
      && st.Condition?.ArnLike?.['aws:SourceArn'] === `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*`;
    let checked = 0;
    for (const alarm of alarms) {
      for (const target of [...(alarm.Properties['AlarmActions'] ?? []), ...(alarm.Properties['OKActions'] ?? [])] as { Ref: string }[]) {
        const name = `${alarm.Properties['AlarmName']} → ${target.Ref}`;
        expect(policies.get(target.Ref)?.some((st) => admitsAlarm(st, 'sns:Publish')), name).toBe(true);
        const keyId = topics[target.Ref]!.Properties['KmsMasterKeyId']['Fn::GetAtt'][0] as string;
        const keyStatements = keys[keyId]!.Properties['KeyPolicy'].Statement as any[];
        expect(keyStatements.some((st) => admitsAlarm(st, 'kms:Decrypt') && admitsAlarm(st, 'kms:GenerateDataKey*')), name).toBe(true);
        checked++;
      }
    }
    // Not vacuous: the example's alarms notify (critical composites and heartbeats, warnings with OK actions).
    expect(checked).toBeGreaterThan(20);
  });

  it('scope the publish grants to the central account and region of the config, with or without subscriptions', () => {
    const other = synthesize(otherCentral());
    const conditions = {
      StringEquals: { 'aws:SourceAccount': '222222222222' },
      ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-central-1:222222222222:alarm:*' },
    };
    const policies = topicPolicies(other);
    expect([...policies.keys()].sort()).toEqual(topicIds(other));
    for (const statements of policies.values()) {
      expect(statements.filter((st) => st.Effect === 'Allow')).toEqual([expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: conditions })]);
    }
    const key = Object.values(resourcesOf(other.central, 'AWS::KMS::Key'))[0]!;
    expect(key.Properties['KeyPolicy'].Statement).toContainEqual(expect.objectContaining({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Condition: conditions }));
    other.central.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});

describe('undelivered alerts queue', () => {
  it('admits exactly the two topics (sns.amazonaws.com, SendMessage, by topic ARN) next to its TLS-only Deny', () => {
    const [queueId, queue] = Object.entries(resourcesOf(example.central, 'AWS::SQS::Queue'))[0]!;
    const policies = Object.values(resourcesOf(example.central, 'AWS::SQS::QueuePolicy'));
    expect(policies).toHaveLength(1);
    expect(policies[0]!.Properties['Queues']).toEqual([{ Ref: queueId }]);
    const queueArn = { 'Fn::GetAtt': [queueId, 'Arn'] };
    const statements = policies[0]!.Properties['PolicyDocument'].Statement as any[];
    expect(statements.filter((st) => st.Effect === 'Deny')).toEqual([
      { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:*', Resource: queueArn, Condition: TLS_ONLY },
    ]);
    const allowed = statements.filter((st) => st.Effect === 'Allow');
    expect(allowed.map((st) => st.Condition.ArnEquals['aws:SourceArn'].Ref).sort()).toEqual(topicIds(example));
    for (const st of allowed) {
      expect(st).toEqual({
        Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': { Ref: expect.any(String) } } },
      });
    }
    // Every subscription's redrive target is this queue.
    for (const sub of Object.values(resourcesOf(example.central, 'AWS::SNS::Subscription'))) {
      expect(sub.Properties['RedrivePolicy']).toEqual({ deadLetterTargetArn: queueArn });
    }
    // SQS managed encryption: SNS needs no key policy to write here (a KMS-encrypted queue would).
    expect(queue.Properties['SqsManagedSseEnabled']).toBe(true);
    expect(queue.Properties['KmsMasterKeyId']).toBeUndefined();
  });
});
