// Deterministic resource names shared by the CDK app (infra/) and the
// Lambdas (functions/). Alarm names are in src/alarms/alarm-names.ts. Physical
// names instead of cross-stack references: probe stacks live in other
// regions (and maybe other accounts) than the central stack.
import { IAM_ROLE_NAME_MAX_LENGTH } from './aws-limits.ts';

/** Lower-case slug of a namespace, for IAM and S3 names. */
export function namespaceSlug(namespace: string): string {
  return namespace.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'vantage';
}

/** The central role probe functions assume to call PutMetricData. */
export function publisherRoleName(namespace: string): string {
  return `${namespaceSlug(namespace)}-metrics-publisher`.slice(0, IAM_ROLE_NAME_MAX_LENGTH);
}
