// The central role the probe functions assume to publish metrics. It may do
// exactly one thing: PutMetricData into the deployment's namespace. Only the
// probe roles may assume it: named ARNs in the probe accounts, or the probe
// role name pattern inside one AWS Organization.
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountPrincipal, OrganizationPrincipal, PolicyDocument, PolicyStatement, Role, type IPrincipal,
} from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { publisherRoleName } from '../../src/config/deployment-names.ts';
import type { Deployment } from '../deployment.ts';
import { probeRoleName, probeRoleNamePattern } from '../names.ts';

export interface PublisherRoleProps {
  readonly deployment: Deployment;
}

export class PublisherRole extends Construct {
  readonly role: Role;

  constructor(scope: Construct, id: string, props: PublisherRoleProps) {
    super(scope, id);
    const { central, regions, organizationId } = props.deployment;
    const partition = Stack.of(this).partition;
    const probeRoleArn = (account: string, region: string) => `arn:${partition}:iam::${account}:role/${probeRoleName(central.namespace, region)}`;

    // Probe accounts not given: the probe stacks deploy into the central account.
    const accountOf = (region: string) => props.deployment.probeAccountOf(region) ?? central.account;
    const accounts = [...new Set(regions.map(accountOf))];
    const trustFor = (account: string): IPrincipal => new AccountPrincipal(account).withConditions({
      ArnEquals: { 'aws:PrincipalArn': regions.filter((r) => accountOf(r) === account).map((r) => probeRoleArn(account, r)) },
    });
    const assumedBy = organizationId
      ? new OrganizationPrincipal(organizationId).withConditions({
        ArnLike: { 'aws:PrincipalArn': `arn:${partition}:iam::*:role/${probeRoleNamePattern(central.namespace)}` },
      })
      : trustFor(accounts[0]!);

    this.role = new Role(this, 'Role', {
      roleName: publisherRoleName(central.namespace),
      description: `Vantage probes publish metrics into the ${central.namespace} namespace`,
      assumedBy,
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: {
        PutMetricData: new PolicyDocument({
          statements: [new PolicyStatement({
            sid: 'PublishIntoVantageNamespaceOnly',
            actions: ['cloudwatch:PutMetricData'],
            // PutMetricData has no resource type; the namespace condition is how it is scoped.
            resources: ['*'],
            conditions: { StringEquals: { 'cloudwatch:namespace': central.namespace } },
          })],
        }),
      },
    });
    if (!organizationId) {
      for (const account of accounts.slice(1)) {
        this.role.assumeRolePolicy!.addStatements(new PolicyStatement({
          actions: ['sts:AssumeRole'],
          principals: [trustFor(account)],
        }));
      }
    }
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'cloudwatch:PutMetricData supports no resource-level permissions; the statement is limited by the cloudwatch:namespace condition to the Vantage namespace.',
    });
  }
}
