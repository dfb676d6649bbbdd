// Vantage-Central: in the central account and home region, where the probes'
// metrics land: the publisher role, alarms and composites, the alert topics,
// the dashboard, and the status function with its site.
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { AlertTopics } from './constructs/alert-topics.ts';
import { PublisherRole } from './constructs/publisher-role.ts';
import { StatusFunction } from './constructs/status-function.ts';
import { StatusSite } from './constructs/status-site.ts';
import type { Deployment } from './deployment.ts';
import { VantageAlarms } from './monitoring/vantage-alarms.ts';
import { VantageDashboard } from './monitoring/vantage-dashboard.ts';
import { VantageMetrics } from './monitoring/vantage-metrics.ts';
import { dashboardName } from './names.ts';

export interface CentralStackProps extends StackProps {
  readonly deployment: Deployment;
}

export class CentralStack extends Stack {
  readonly publisher: PublisherRole;
  readonly topics: AlertTopics;
  readonly alarms: VantageAlarms;
  readonly dashboard: VantageDashboard;
  readonly site: StatusSite;
  readonly status: StatusFunction;

  constructor(scope: Construct, id: string, props: CentralStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    const { central } = deployment;
    const name = dashboardName(central.namespace);
    const dashboardUrl = `https://${central.region}.console.aws.amazon.com/cloudwatch/home?region=${central.region}#dashboards/dashboard/${name}`;
    const metrics = new VantageMetrics(central.namespace);

    this.publisher = new PublisherRole(this, 'Publisher', { deployment });
    this.topics = new AlertTopics(this, 'Alerts', { deployment });
    this.alarms = new VantageAlarms(this, 'Alarms', { deployment, metrics, topics: this.topics, dashboardUrl });
    this.dashboard = new VantageDashboard(this, 'Dashboard', {
      deployment, dashboardName: name, metrics, planned: this.alarms.planned, alarms: this.alarms.byName,
    });
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
