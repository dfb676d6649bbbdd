// The AWS quotas a deployment leans on, with how much of each it uses: the
// cost output names the increases to request before deploying (and the
// Metrics Insights alarm quota, which cannot be raised).
import type { ResolvedConfig } from '../config/resolved-config.ts';
import { METRICS_INSIGHTS, PUT_METRIC_ALARM_PER_SECOND } from '../config/aws-limits.ts';
import type { AlarmPlan } from '../alarms/alarm-plan.ts';

export interface QuotaUse {
  readonly quota: string;
  readonly used: number;
  readonly limit: number;
  readonly adjustable: boolean;
  /** One line of context (what the count is, where it comes from). */
  readonly note: string;
}

/** Service quotas defaults (CloudWatch, Lambda): the figures a new account starts with. */
export const QUOTA_DEFAULTS = {
  putMetricDataPerSecond: 500,
  lambdaConcurrentExecutions: 1000,
  describeAlarmContributorsPerSecond: 9,
} as const;

export interface QuotaInputs {
  /** PutMetricData requests in the first second of a minute: every region's shards publish their first round at once. */
  readonly putRequestsPerSecond: number;
  readonly invocationSeconds: number;
  readonly intervalSeconds: number;
}

export function quotaUse(config: ResolvedConfig, plan: AlarmPlan, inputs: QuotaInputs): QuotaUse[] {
  const insights = plan.alarms.filter((a) => a.condition.type === 'insights').length;
  const metricAlarms = plan.alarms.filter((a) => a.billing !== 'composite').length;
  const overlapping = Math.ceil(inputs.invocationSeconds / inputs.intervalSeconds);
  return [
    {
      quota: 'Metrics Insights alarms per account and region',
      used: insights,
      limit: METRICS_INSIGHTS.maxAlarmsPerAccountRegion,
      adjustable: false,
      note: `shared by every deployment in the account and region; this one keeps to ${METRICS_INSIGHTS.maxAlarmsPerDeployment}`,
    },
    {
      quota: 'PutMetricData requests per second (central region)',
      used: inputs.putRequestsPerSecond,
      limit: QUOTA_DEFAULTS.putMetricDataPerSecond,
      adjustable: true,
      note: 'peak: every region and shard publishes its first round in the same second',
    },
    {
      quota: 'Lambda concurrent executions per probe region',
      used: config.probe.shards * overlapping,
      limit: QUOTA_DEFAULTS.lambdaConcurrentExecutions,
      adjustable: true,
      note: `${config.probe.shards} shard(s) × ${overlapping} invocation(s) running at once`,
    },
    {
      quota: 'PutMetricAlarm requests per second (deploys)',
      used: PUT_METRIC_ALARM_PER_SECOND,
      limit: PUT_METRIC_ALARM_PER_SECOND,
      adjustable: true,
      note: `${metricAlarms.toLocaleString('en-US')} metric alarms: about ${Math.ceil(metricAlarms / PUT_METRIC_ALARM_PER_SECOND / 60)} min to create or delete them all`,
    },
    {
      quota: 'DescribeAlarmContributors requests per second',
      used: insights > 0 ? Math.min(insights, QUOTA_DEFAULTS.describeAlarmContributorsPerSecond) : 0,
      limit: QUOTA_DEFAULTS.describeAlarmContributorsPerSecond,
      adjustable: true,
      note: `the status function reads ${insights} fleet alarm(s) a minute, paced within the quota`,
    },
  ];
}

/** Adjustable quotas the deployment would pass: the increases to request. */
export function increasesNeeded(quotas: readonly QuotaUse[]): QuotaUse[] {
  return quotas.filter((q) => q.adjustable && q.used > q.limit);
}
