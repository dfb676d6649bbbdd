// Two deployments in one account: Vantage and VantageStaging synthesize with
// no stack, role, topic, queue, dashboard or alarm name in common.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFleetConfig } from '../support/fleet-config.ts';
import { synthesize, type Synthesized } from '../support/synthesize.ts';

const files: string[] = [];
let prod: Synthesized;
let staging: Synthesized;

beforeAll(() => {
  for (const namespace of ['Vantage', 'VantageStaging']) files.push(writeFleetConfig({ networks: 2, endpoints: 2, regions: ['us-east-1', 'eu-west-1'], namespace }, namespace));
  prod = synthesize(files[0]!);
  staging = synthesize(files[1]!);
}, 180_000);
afterAll(() => files.forEach((f) => rmSync(dirname(f), { recursive: true, force: true })));

/** Every physical name a deployment gives: stacks, and the name properties of its resources. */
function names(s: Synthesized): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (kind: string, name: unknown) => {
    if (typeof name === 'string') out.set(kind, [...(out.get(kind) ?? []), name]);
  };
  const stacks = [s.stacks.central, ...s.stacks.alarms, ...s.stacks.probes];
  for (const stack of stacks) {
    add('stack', stack.stackName);
    const template = s.app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
    for (const r of Object.values(template.Resources)) {
      const p = r.Properties ?? {};
      add(r.Type, p['RoleName'] ?? p['TopicName'] ?? p['QueueName'] ?? p['DashboardName'] ?? p['AlarmName'] ?? p['FunctionName'] ?? p['LogGroupName'] ?? p['BucketName']);
    }
  }
  return out;
}

describe('two namespaces in one account', () => {
  it('share no stack, role, topic, queue, dashboard or alarm name', () => {
    const a = names(prod);
    const b = names(staging);
    for (const kind of ['stack', 'AWS::IAM::Role', 'AWS::SNS::Topic', 'AWS::SQS::Queue', 'AWS::CloudWatch::Dashboard', 'AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm']) {
      expect(a.get(kind)?.length ?? 0, kind).toBeGreaterThan(0);
      expect((a.get(kind) ?? []).filter((n) => (b.get(kind) ?? []).includes(n)), kind).toEqual([]);
    }
    expect(a.get('stack')!.sort()).toEqual(['vantage-central', 'vantage-probe-eu-west-1', 'vantage-probe-us-east-1']);
    expect(b.get('stack')!.sort()).toEqual(['vantagestaging-central', 'vantagestaging-probe-eu-west-1', 'vantagestaging-probe-us-east-1']);
    // Named resources only where a name is needed; the rest get CloudFormation's stack-scoped names.
    expect([...a.keys()].sort()).toEqual(['AWS::CloudWatch::Alarm', 'AWS::CloudWatch::CompositeAlarm', 'AWS::CloudWatch::Dashboard', 'AWS::IAM::Role', 'AWS::SNS::Topic', 'AWS::SQS::Queue', 'stack']);
  });

  // "?" stands for the space after the namespace (docs/deploy.md, "cdk-nag"); it also matches a letter, so a
  // namespace that extends another (Vantage, VantageStaging) can be read by the shorter one's status role.
  it('scopes each status function\'s alarm history reads to its namespace\'s alarm name prefix', () => {
    const resources = (s: Synthesized) => JSON.stringify(s.central.findResources('AWS::IAM::Policy'));
    expect(resources(prod)).toContain(':alarm:Vantage?*');
    expect(resources(staging)).toContain(':alarm:VantageStaging?*');
  });
});
