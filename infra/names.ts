// Physical names the stacks share without cross-stack references: the probe
// stacks live in other regions (maybe other accounts) than the central one.
// Names the Lambda functions read are in src/config/deployment-names.ts.
import { namespaceSlug } from '../src/config/deployment-names.ts';
import { IAM_ROLE_NAME_MAX_LENGTH } from '../src/config/aws-limits.ts';

export const CENTRAL_STACK_NAME = 'Vantage-Central';

export function probeStackName(region: string): string {
  return `Vantage-Probe-${region}`;
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
