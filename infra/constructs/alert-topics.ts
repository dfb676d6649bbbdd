// The two alert topics (critical pages, warnings inform), encrypted with a
// customer managed key CloudWatch alarms are allowed to use (the AWS managed
// SNS key does not let CloudWatch publish). Subscriptions come from the
// config; an HTTPS URL's secret references become CloudFormation dynamic
// references, resolved at deploy time, never written into the template.
//
// The whole path from an alarm to a person, and what each hop needs:
// - alarm → topic: the topic policy must allow cloudwatch.amazonaws.com to
//   sns:Publish. enforceSSL writes a topic policy, which replaces SNS's
//   default one, so without that Allow no alarm is ever delivered (SNS
//   Developer Guide, "Amazon SNS access control case examples": CloudWatch
//   alarms publishing to a topic).
// - the topic's KMS key: CloudWatch needs kms:Decrypt and kms:GenerateDataKey*
//   on it (SNS Developer Guide, "Key management": compatibility between event
//   sources from AWS services and encrypted topics).
// - topic → dead-letter queue: the queue policy must allow sns.amazonaws.com
//   to sqs:SendMessage from these topics (SNS Developer Guide, "Configuring an
//   Amazon SNS dead-letter queue for a subscription"); CDK adds that
//   statement with each subscription's deadLetterQueue. The queue uses SQS
//   managed encryption: a queue under a KMS key would also need SNS on that
//   key's policy.
// Both service principals are limited to this account's alarms and topics
// (confused deputy: a service acts for many accounts).
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription, UrlSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { namespaceSlug } from '../../src/config/deployment-names.ts';
import { substituteReferences } from '../../src/config/secret-reference.ts';
import type { Deployment } from '../deployment.ts';
import type { AlertTopics as Topics } from '../monitoring/vantage-alarms.ts';

export interface AlertTopicsProps {
  readonly deployment: Deployment;
}

export class AlertTopics extends Construct implements Topics {
  readonly critical: Topic;
  readonly warning: Topic;
  readonly key: Key;
  /** Notifications SNS could not deliver, kept 14 days for review. */
  readonly undelivered: Queue;

  constructor(scope: Construct, id: string, props: AlertTopicsProps) {
    super(scope, id);
    const { central, config } = props.deployment;
    const slug = namespaceSlug(central.namespace);
    this.key = new Key(this, 'Key', {
      description: `Encrypts the ${central.namespace} alert topics`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    const fromThisAccountsAlarms = alarmSourceConditions(Stack.of(this).partition, central.account, central.region);
    this.key.addToResourcePolicy(new PolicyStatement({
      sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
      principals: [new ServicePrincipal(CLOUDWATCH_PRINCIPAL)],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: fromThisAccountsAlarms,
    }));
    this.undelivered = new Queue(this, 'Undelivered', {
      queueName: `${slug}-undelivered-alerts`,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.undelivered).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: 'This queue is the dead-letter queue of every alert subscription (SNS redrive policy), which the rule does not recognise.' },
      { id: 'Serverless-SQSRedrivePolicy', reason: 'A dead-letter queue has no further dead-letter queue; undelivered alerts stay here 14 days for review.' },
    );
    const topic = (name: 'critical' | 'warning') => new Topic(this, name === 'critical' ? 'Critical' : 'Warning', {
      topicName: `${slug}-${name}`,
      displayName: `${central.namespace} ${name}`,
      masterKey: this.key,
      enforceSSL: true,
    });
    this.critical = topic('critical');
    this.warning = topic('warning');
    for (const target of [this.critical, this.warning]) {
      // Goes into the same topic policy as enforceSSL's TLS-only Deny.
      target.addToResourcePolicy(new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal(CLOUDWATCH_PRINCIPAL)],
        actions: ['sns:Publish'],
        resources: [target.topicArn],
        conditions: fromThisAccountsAlarms,
      }));
    }

    const deadLetterQueue = this.undelivered;
    for (const address of config.alerting.email) {
      this.critical.addSubscription(new EmailSubscription(address, { deadLetterQueue }));
      this.warning.addSubscription(new EmailSubscription(address, { deadLetterQueue }));
    }
    // HTTPS endpoints are paging integrations (PagerDuty, Opsgenie): critical only.
    for (const url of config.alerting.httpsSubscriptions) {
      this.critical.addSubscription(new UrlSubscription(dynamicReferences(url), { protocol: SubscriptionProtocol.HTTPS, deadLetterQueue }));
    }
  }
}

const CLOUDWATCH_PRINCIPAL = 'cloudwatch.amazonaws.com';

/** CloudWatch acting for an alarm of this account in the central region, and nothing else. */
export function alarmSourceConditions(partition: string, account: string, region: string): Record<string, Record<string, string>> {
  return {
    StringEquals: { 'aws:SourceAccount': account },
    ArnLike: { 'aws:SourceArn': `arn:${partition}:cloudwatch:${region}:${account}:alarm:*` },
  };
}

/** `${ssm:/p}` → `{{resolve:ssm:/p}}`, `${secretsmanager:n}` → `{{resolve:secretsmanager:n:SecretString}}`. */
export function dynamicReferences(value: string): string {
  return substituteReferences(value, (ref) => {
    if (ref.kind === 'ssm') return `{{resolve:ssm:${ref.name}}}`;
    if (ref.kind === 'secretsmanager') return `{{resolve:secretsmanager:${ref.name}:SecretString}}`;
    // loadDeployment rejects ${env:...} before any construct is built.
    throw new Error(`${ref.raw} cannot be deployed`);
  });
}
