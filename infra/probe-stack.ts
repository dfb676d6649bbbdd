// Vantage-Probe-<region>: the probe function with the config bundled, its
// schedule (one target per shard), its log group, and a role that may only
// assume the central publisher role and read the SSM parameters and secrets
// the config references.
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import {
  PROBE_ENTRY, probeBundleDefine,
} from '../functions/common/bundle-config.ts';
import { FUNCTION_ENV, PROBE_NODE_OPTIONS } from '../functions/common/environment.ts';
import { publisherRoleName } from '../src/config/deployment-names.ts';
import { listSecretReferences } from '../src/config/resolve-secrets.ts';
import type { SecretReference } from '../src/config/secret-reference.ts';
import { PROBE_FUNCTION } from '../src/cost/deployment-sizes.ts';
import { ProbeSchedule } from './constructs/probe-schedule.ts';
import { acknowledgeScheduledFunction } from './constructs/scheduled-function-findings.ts';
import { VantageFunction } from './constructs/vantage-function.ts';
import type { Deployment } from './deployment.ts';
import { probeRoleName } from './names.ts';
import { probeTimeoutSeconds } from './probe-timeout.ts';

export interface ProbeStackProps extends StackProps {
  readonly deployment: Deployment;
  readonly region: string;
}

export class ProbeStack extends Stack {
  readonly probe: VantageFunction;
  readonly role: Role;
  readonly schedule: ProbeSchedule;

  constructor(scope: Construct, id: string, props: ProbeStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    const { central, config } = deployment;
    // The stack's own partition keeps aws-cn and GovCloud right.
    const publisherArn = `arn:${this.partition}:iam::${central.account}:role/${publisherRoleName(central.namespace)}`;

    this.role = new Role(this, 'Role', {
      roleName: probeRoleName(central.namespace, props.region),
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Vantage probe in ${props.region}: publishes through the central role, reads the config's secrets`,
    });
    this.role.addToPolicy(new PolicyStatement({
      sid: 'AssumeCentralPublisher',
      actions: ['sts:AssumeRole'],
      resources: [publisherArn],
    }));
    for (const statement of secretStatements(this, listSecretReferences(deployment.config))) this.role.addToPolicy(statement);

    this.probe = new VantageFunction(this, 'Probe', {
      entry: PROBE_ENTRY,
      bundleDefine: probeBundleDefine(deployment.configFile),
      memoryMb: PROBE_FUNCTION.memoryMb,
      timeout: Duration.seconds(probeTimeoutSeconds(config, deployment.intervalSeconds)),
      role: this.role,
      environment: {
        [FUNCTION_ENV.publisherRoleArn]: publisherArn,
        POWERTOOLS_SERVICE_NAME: 'vantage-probe',
        NODE_OPTIONS: PROBE_NODE_OPTIONS,
      },
      logRetentionDays: config.logs.retentionDays,
      description: `Vantage probe (${config.probe.schedule}, ${config.probe.shards} shard(s))`,
      maxEventAge: Duration.seconds(Math.max(60, deployment.intervalSeconds)),
    });
    this.probe.logGroup.grantWrite(this.role);

    this.schedule = new ProbeSchedule(this, 'Schedule', {
      function: this.probe.function,
      expression: config.probe.schedule,
      shards: config.probe.shards,
      intervalSeconds: deployment.intervalSeconds,
    });
    acknowledgeScheduledFunction(this.probe, this.schedule.rules,
      'a probe round is a snapshot of one tick; a lost round is superseded by the next tick and a silent region raises the heartbeat alarm');
  }
}

function secretStatements(stack: Stack, refs: readonly SecretReference[]): PolicyStatement[] {
  const arn = (service: string, resource: string) => `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
  const parameters = refs.filter((r) => r.kind === 'ssm').map((r) => arn('ssm', `parameter/${r.name.replace(/^\//, '')}`));
  const secrets = refs.filter((r) => r.kind === 'secretsmanager').map((r) =>
    // A secret's ARN ends in "-" and six random characters; a full ARN is used as written.
    (r.name.startsWith('arn:') ? r.name : arn('secretsmanager', `secret:${r.name}-??????`)));
  const statements: PolicyStatement[] = [];
  if (parameters.length > 0) {
    statements.push(new PolicyStatement({ sid: 'ReadConfigParameters', actions: ['ssm:GetParameter'], resources: parameters }));
  }
  if (secrets.length > 0) {
    statements.push(new PolicyStatement({ sid: 'ReadConfigSecrets', actions: ['secretsmanager:GetSecretValue'], resources: secrets }));
  }
  return statements;
}
