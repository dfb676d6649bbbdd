// <ns>-alarms-<n>: a share of the alarms when the central stack cannot hold
// them all (src/alarms/alarm-stacks.ts packs them). A sibling of the central
// stack in its account and region; it reaches the alert topics by their
// deterministic ARNs, not by cross-stack exports, so either side can be
// updated on its own.
import { Stack, type StackProps } from 'aws-cdk-lib';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import type { PlannedAlarm } from '../src/alarms/planned-alarm.ts';
import type { Deployment } from './deployment.ts';
import { VantageAlarms } from './monitoring/vantage-alarms.ts';
import { alertTopicName } from './names.ts';

export interface AlarmStackProps extends StackProps {
  readonly deployment: Deployment;
  readonly alarms: readonly PlannedAlarm[];
  readonly dashboardUrl: string;
}

export class AlarmStack extends Stack {
  readonly alarms: VantageAlarms;

  constructor(scope: Construct, id: string, props: AlarmStackProps) {
    super(scope, id, props);
    const { central } = props.deployment;
    const topicArn = (severity: 'critical' | 'warning') => `arn:${this.partition}:sns:${central.region}:${central.account}:${alertTopicName(central.namespace, severity)}`;
    this.alarms = new VantageAlarms(this, 'Alarms', {
      deployment: props.deployment,
      alarms: props.alarms,
      topics: {
        critical: Topic.fromTopicArn(this, 'Critical', topicArn('critical')),
        warning: Topic.fromTopicArn(this, 'Warning', topicArn('warning')),
      },
      dashboardUrl: props.dashboardUrl,
    });
  }
}
