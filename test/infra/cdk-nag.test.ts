import { readFileSync } from 'node:fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, ServerlessChecks, type NagPack } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthesize, type Synthesized } from '../support/synthesize.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize('examples/vantage.example.yaml');
});

const packs = (): NagPack[] => [new AwsSolutionsChecks(), new ServerlessChecks()];

function findings(pack: NagPack, scope: IConstruct): string[] {
  return pack.validateScope(scope).violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? r.resourceLogicalId}`));
}

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

function acknowledgements(scope: IConstruct): Acknowledgement[] {
  return scope.node.findAll().flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id: id.replace(/^annotation::/i, ''), reason }))));
}

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in any stack (AwsSolutions and Serverless packs)', () => {
    for (const pack of packs()) expect(findings(pack, s.app), pack.readPackName).toEqual([]);
  });

  it('acknowledges only findings that exist, each with a reason', () => {
    const acks = acknowledgements(s.app);
    expect(acks.length).toBeGreaterThan(0);
    // The same packs with every acknowledgement ignored: what a reviewer would see without them.
    const raw = packs().flatMap((pack) => {
      (pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
      return pack.validateScope(s.app).violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
    });
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
      const suppressed = raw.filter((f) => f.rule.replaceAll(' ', '-') === ack.id && (f.path === ack.path || f.path.startsWith(`${ack.path}/`)));
      expect(suppressed.length, `${ack.id} at ${ack.path} suppresses nothing`).toBeGreaterThan(0);
    }
  });

  it('lists every acknowledged rule in docs/deploy.md', () => {
    const docs = readFileSync('docs/deploy.md', 'utf8');
    const ids = new Set(acknowledgements(s.app).map((a) => a.id.replace(/\[.*\]$/, '')));
    expect([...ids].sort()).toEqual([
      'AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4', 'AwsSolutions-IAM5', 'AwsSolutions-SQS3',
      'Serverless-EventBusDLQ', 'Serverless-LambdaAsyncFailureDestination', 'Serverless-LambdaDLQ', 'Serverless-LambdaTracing', 'Serverless-SQSRedrivePolicy',
    ]);
    for (const id of ids) expect(docs, id).toContain(id);
  });

  it('is really checking: an unencrypted-by-default, unlogged bucket is reported', () => {
    const app = new App();
    new Bucket(new Stack(app, 'Bare'), 'Bucket');
    expect(findings(new AwsSolutionsChecks(), app)).toContain('AwsSolutions-S1 at Bare/Bucket/Resource');
  });
});
