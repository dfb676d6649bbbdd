// Physical names the stacks share without cross-stack references: the probe
// stacks live in other regions (maybe other accounts) than the central one,
// and alarm stacks are siblings of the central stack. Every name carries the
// namespace's slug, so two deployments (Vantage and VantageStaging) share an
// account without sharing a stack, role, topic, queue, dashboard or alarm.
// Names the Lambda functions read are in src/config/deployment-names.ts.
import { namespaceSlug } from '../src/config/deployment-names.ts';
import { IAM_ROLE_NAME_MAX_LENGTH, STACK_NAME_MAX_LENGTH } from '../src/config/aws-limits.ts';

/** A stack name starts with a letter and holds letters, digits and hyphens: the slug, prefixed when it starts with a digit. */
function stackPrefix(namespace: string): string {
  const slug = namespaceSlug(namespace);
  return /^[a-z]/.test(slug) ? slug : `vantage-${slug}`;
}

function stackName(namespace: string, suffix: string): string {
  const name = `${stackPrefix(namespace)}-${suffix}`;
  if (name.length > STACK_NAME_MAX_LENGTH) throw new Error(`stack name "${name}" is longer than ${STACK_NAME_MAX_LENGTH} characters`);
  return name;
}

export function centralStackName(namespace: string): string {
  return stackName(namespace, 'central');
}

export function probeStackName(namespace: string, region: string): string {
  return stackName(namespace, `probe-${region}`);
}

/** Sibling stacks holding the alarms when the central stack cannot (src/alarms/alarm-stacks.ts), numbered from 1. */
export function alarmStackName(namespace: string, index: number): string {
  return stackName(namespace, `alarms-${index}`);
}

/**
 * The probe function's role in one region. The publisher role's trust policy
 * names these ARNs (aws:PrincipalArn), so only probe functions may publish.
 */
export function probeRoleName(namespace: string, region: string): string {
  const name = `${namespaceSlug(namespace)}-probe-${region}`;
  if (name.length > IAM_ROLE_NAME_MAX_LENGTH) throw new Error(`probe role name "${name}" is longer than ${IAM_ROLE_NAME_MAX_LENGTH} characters`);
  return name;
}

/** Pattern matching every probe role, for organisation-wide trust. */
export function probeRoleNamePattern(namespace: string): string {
  return `${namespaceSlug(namespace)}-probe-*`;
}

export function dashboardName(namespace: string): string {
  // Dashboard names allow letters, digits, "-" and "_".
  return namespaceSlug(namespace);
}

/** The alert topics, by name: alarm stacks address them by ARN, not by cross-stack reference. */
export function alertTopicName(namespace: string, severity: 'critical' | 'warning'): string {
  return `${namespaceSlug(namespace)}-${severity}`;
}

/** Console link to the deployment's dashboard (alarm descriptions and the stack output carry it). */
export function dashboardUrl(namespace: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#dashboards/dashboard/${dashboardName(namespace)}`;
}
