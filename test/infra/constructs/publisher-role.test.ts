import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { PublisherRole } from '../../../infra/constructs/publisher-role.ts';
import { loadDeployment } from '../../../infra/deployment.ts';

describe('PublisherRole', () => {
  it('trusts any probe role of the organisation, by name pattern, when an organization id is given', () => {
    const app = new App({ context: { '@aws-cdk/core:enablePartitionLiterals': true } });
    const stack = new Stack(app, 'Central', { env: { account: '111111111111', region: 'us-east-1' } });
    new PublisherRole(stack, 'Publisher', { deployment: loadDeployment('examples/vantage.example.yaml', { organizationId: 'o-a1b2c3d4e5' }) });
    const roles = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Role'));
    expect(roles).toHaveLength(1);
    expect(roles[0]!.Properties.AssumeRolePolicyDocument.Statement).toEqual([{
      Action: 'sts:AssumeRole',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Condition: {
        StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' },
        ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/vantage-probe-*' },
      },
    }]);
  });
});
