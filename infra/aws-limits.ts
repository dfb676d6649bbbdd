// AWS limits the CDK app must stay inside, in one place, each with where it
// is documented. Breaking one fails synth with a message naming the config
// path, instead of a CloudFormation rollback at deploy time.

/** "Alarms based on metric math expressions can reference a maximum of 10 metrics" (CloudWatch User Guide, alarm limits). */
export const MATH_ALARM_MAX_METRICS = 10;

/** "The rule expression of a composite alarm can include as many as 100 underlying alarms" (PutCompositeAlarm). */
export const COMPOSITE_ALARM_MAX_CHILDREN = 100;

/** AlarmRule: maximum length 10240 (PutCompositeAlarm). */
export const COMPOSITE_ALARM_RULE_MAX_LENGTH = 10_240;

/** AlarmDescription: maximum length 1024; AlarmName: 255 (PutMetricAlarm). */
export const ALARM_DESCRIPTION_MAX_LENGTH = 1024;
export const ALARM_NAME_MAX_LENGTH = 255;

/** "You can have up to five targets per rule" (EventBridge quotas). */
export const EVENTBRIDGE_RULE_MAX_TARGETS = 5;

/** Alarm periods: a multiple of 60 s; alarms here evaluate at most hourly probes. */
export const ALARM_MAX_PERIOD_SECONDS = 3600;

/** Lambda function timeout: at most 900 s. */
export const LAMBDA_MAX_TIMEOUT_SECONDS = 900;

/** The retention values CloudWatch Logs accepts (PutRetentionPolicy, retentionInDays). */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** IAM role names: at most 64 characters. */
export const IAM_ROLE_NAME_MAX_LENGTH = 64;

/**
 * Dashboards (CloudWatch service quotas): "Up to 500 metrics per dashboard
 * widget. Up to 2500 metrics per dashboard, across all widgets. These quotas
 * include all metrics retrieved for use in metric math functions." A
 * DashboardBody holds 0-500 widgets; an alarm status widget 1-100 alarms
 * (Dashboard Body Structure and Syntax).
 */
export const DASHBOARD_WIDGET_MAX_METRICS = 500;
export const DASHBOARD_MAX_METRICS = 2500;
export const DASHBOARD_MAX_WIDGETS = 500;
export const ALARM_STATUS_WIDGET_MAX_ALARMS = 100;

/** "A single query can return no more than 500 time series" (Metrics Insights quotas). */
export const METRICS_INSIGHTS_MAX_SERIES = 500;

/**
 * CloudFormation quotas: 500 resources per stack; a template body uploaded
 * through S3 (as `cdk deploy` does) of at most 1 MB.
 */
export const STACK_MAX_RESOURCES = 500;
export const TEMPLATE_MAX_BYTES = 1_000_000;
