// <ns>-central: in the central account and home region, where the probes'
// metrics land: the publisher role, the alert topics, the alarms and
// composites (unless they live in alarm stacks), the dashboard, and the
// status function with its site.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Alarm, type IAlarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { AlertTopics } from './constructs/alert-topics.ts';
import { PublisherRole } from './constructs/publisher-role.ts';
import { StatusFunction } from './constructs/status-function.ts';
import { StatusSite } from './constructs/status-site.ts';
import type { Deployment } from './deployment.ts';
import { VantageAlarms } from './monitoring/vantage-alarms.ts';
import { VantageDashboard } from './monitoring/vantage-dashboard.ts';
import { VantageMetrics } from './monitoring/vantage-metrics.ts';
import { dashboardName, dashboardUrl as dashboardLink } from './names.ts';
import type { PlannedAlarm } from '../src/alarms/planned-alarm.ts';

export interface CentralStackProps extends StackProps {
  readonly deployment: Deployment;
  /** The alarms this stack builds: all of them, or none when they live in alarm stacks. */
  readonly alarms: readonly PlannedAlarm[];
}

export class CentralStack extends Stack {
  readonly publisher: PublisherRole;
  readonly topics: AlertTopics;
  readonly alarms: VantageAlarms | null;
  readonly dashboard: VantageDashboard;
  readonly site: StatusSite;
  readonly status: StatusFunction;

  constructor(scope: Construct, id: string, props: CentralStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    const { central } = deployment;
    const name = dashboardName(central.namespace);
    const dashboardUrl = dashboardLink(central.namespace, central.region);
    const metrics = new VantageMetrics(central.namespace);

    this.publisher = new PublisherRole(this, 'Publisher', { deployment });
    this.topics = new AlertTopics(this, 'Alerts', { deployment });
    this.alarms = props.alarms.length > 0 ? new VantageAlarms(this, 'Alarms', { deployment, alarms: props.alarms, topics: this.topics, dashboardUrl }) : null;
    // Alarms of the alarm stacks by their deterministic ARN (no cross-stack export).
    const imported = new Map<string, IAlarm>();
    const alarmOf = (alarmName: string): IAlarm => {
      const own = this.alarms?.byName.get(alarmName);
      if (own) return own;
      const found = imported.get(alarmName) ?? Alarm.fromAlarmArn(this, `Imported ${imported.size}`, `arn:${this.partition}:cloudwatch:${central.region}:${central.account}:alarm:${alarmName}`);
      imported.set(alarmName, found);
      return found;
    };
    this.dashboard = new VantageDashboard(this, 'Dashboard', { deployment, dashboardName: name, metrics, planned: deployment.plan.alarms, alarmOf });
    this.site = new StatusSite(this, 'StatusSite');
    const pageUrl = `https://${this.site.distribution.distributionDomainName}`;
    this.status = new StatusFunction(this, 'Status', { deployment, bucket: this.site.bucket, pageUrl });

    new CfnOutput(this, 'StatusPageUrl', { value: `${pageUrl}/` });
    new CfnOutput(this, 'DashboardUrl', { value: dashboardUrl });
    new CfnOutput(this, 'PublisherRoleArn', { value: this.publisher.role.roleArn });
    new CfnOutput(this, 'CriticalTopicArn', { value: this.topics.critical.topicArn });
    new CfnOutput(this, 'WarningTopicArn', { value: this.topics.warning.topicArn });
  }
}
