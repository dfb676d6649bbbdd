// The central status function: every minute it reads the alarms (states and
// history) and metrics (uptime, charts, regions) and writes the status feed
// into the site bucket. It may read alarms whose names carry the deployment's
// prefix, query metrics, put objects into that one bucket, and read back the
// one file it keeps maintenance announcement times in.
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { statusBundleDefine } from '../../functions/common/bundle-config.ts';
import { FUNCTION_ENV } from '../../functions/common/environment.ts';
import { alarmNamePrefix } from '../../src/alarms/alarm-names.ts';
import { STATUS_FUNCTION } from '../../src/cost/deployment-sizes.ts';
import { MAINTENANCES_PATH } from '../../src/status/status-files.ts';
import type { Deployment } from '../deployment.ts';
import { acknowledgeScheduledFunction } from './scheduled-function-findings.ts';
import { VantageFunction } from './vantage-function.ts';

export const STATUS_ENTRY = 'functions/status/handler.ts';

export interface StatusFunctionProps {
  readonly deployment: Deployment;
  readonly bucket: IBucket;
  /** Public URL of the status page, for absolute links in the feeds. */
  readonly pageUrl: string;
}

export class StatusFunction extends Construct {
  readonly function: VantageFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: StatusFunctionProps) {
    super(scope, id);
    const { central, config } = props.deployment;
    const stack = Stack.of(this);
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Vantage status function: reads alarms and metrics, writes the status feed',
    });
    this.function = new VantageFunction(this, 'Status', {
      entry: STATUS_ENTRY,
      // Only what the page renders: the status function never holds a URL or credential.
      bundleDefine: statusBundleDefine(props.deployment.configFile),
      memoryMb: STATUS_FUNCTION.memoryMb,
      timeout: Duration.seconds(50),
      role: this.role,
      environment: {
        [FUNCTION_ENV.statusBucket]: props.bucket.bucketName,
        [FUNCTION_ENV.statusPageUrl]: props.pageUrl,
        POWERTOOLS_SERVICE_NAME: 'vantage-status',
      },
      logRetentionDays: config.logs.retentionDays,
      description: 'Vantage status feed: alarm states, incidents and uptime to S3, every minute',
      maxEventAge: Duration.minutes(1),
    });
    this.function.logGroup.grantWrite(this.role);

    // DescribeAlarms is authorized against alarm:* even with AlarmNamePrefix
    // (it lists, then filters), so it cannot be narrowed to the prefix.
    const allAlarms = `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*`;
    this.role.addToPolicy(new PolicyStatement({
      sid: 'ListAlarms',
      actions: ['cloudwatch:DescribeAlarms'],
      resources: [allAlarms],
    }));
    // History is read per alarm name, so it stays within this deployment's
    // alarms (names start "<namespace> "; "?" matches the space because a
    // cdk-nag finding id with a space cannot be acknowledged).
    const alarms = `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:${alarmNamePrefix(central.namespace).replaceAll(' ', '?')}*`;
    this.role.addToPolicy(new PolicyStatement({
      sid: 'ReadVantageAlarmHistory',
      actions: ['cloudwatch:DescribeAlarmHistory'],
      resources: [alarms],
    }));
    this.role.addToPolicy(new PolicyStatement({
      sid: 'ReadUptimeMetrics',
      actions: ['cloudwatch:GetMetricData'],
      resources: ['*'],
    }));
    this.role.addToPolicy(new PolicyStatement({
      sid: 'WriteStatusFeed',
      actions: ['s3:PutObject'],
      resources: [props.bucket.arnForObjects('*')],
    }));
    this.role.addToPolicy(new PolicyStatement({
      sid: 'ReadMaintenanceAnnouncements',
      actions: ['s3:GetObject'],
      resources: [props.bucket.arnForObjects(MAINTENANCES_PATH)],
    }));

    const rule = new Rule(this, 'EveryMinute', {
      description: 'Rebuilds the Vantage status feed',
      schedule: Schedule.expression(STATUS_FUNCTION.schedule),
      targets: [new LambdaFunction(this.function.function, {
        event: RuleTargetInput.fromObject({}),
        retryAttempts: 2,
        maxEventAge: Duration.minutes(1),
      })],
    });

    Validations.of(this.role).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'cloudwatch:GetMetricData supports no resource-level permissions (Service Authorization Reference); it is read-only and the only statement on *.',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${String(stack.resolve(allAlarms))}]`,
        reason: 'cloudwatch:DescribeAlarms with AlarmNamePrefix is authorized against alarm:* (the call lists before it filters); read-only, this account and region only.',
      },
      {
        // The finding names the resource as synthesized (partition literal: the central stack's region is known).
        id: `AwsSolutions-IAM5[Resource::${String(stack.resolve(alarms))}]`,
        reason: 'Alarm names are generated from the config; the prefix limits reads to this deployment\'s alarms (composite alarms need Resource * to be read, so the status function derives network health from the metric alarms).',
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${stack.resolve(stack.getLogicalId(props.bucket.node.defaultChild as CfnBucket))}.Arn>/*]`,
        reason: 'The status feed is many objects (JSON, Atom, badges, HTML) in the one status bucket; only PutObject is allowed.',
      },
    );
    acknowledgeScheduledFunction(this.function, [rule], 'the status feed is rebuilt every minute from current state, so a failed or lost run is repaired by the next one');
  }
}
