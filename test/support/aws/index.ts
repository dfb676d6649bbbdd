// The local AWS double with the services the probe Lambda uses registered.
// Other services (S3, CloudWatch alarms) register theirs with double.register().
import { cloudwatchService } from './cloudwatch.ts';
import { secretsManagerService } from './secrets-manager.ts';
import { AwsDouble } from './server.ts';
import { ssmService, type SsmParameter } from './ssm.ts';
import { stsService, type StsDouble, type StsOptions } from './sts.ts';

export { AwsDouble } from './server.ts';
export type { AwsRequest, Fault, FaultKind, RequestRecord, ServiceDefinition } from './server.ts';
export { AwsServiceError } from './protocols.ts';
export { publishedDatums, type PublishedDatum } from './cloudwatch.ts';
export { TEST_CREDENTIALS, type KnownCredentials } from './sigv4.ts';

export interface ProbeAwsDouble {
  readonly double: AwsDouble;
  readonly sts: StsDouble;
  readonly parameters: Map<string, SsmParameter>;
  readonly secrets: Map<string, string>;
}

export async function startProbeAwsDouble(options: { sts?: StsOptions } = {}): Promise<ProbeAwsDouble> {
  const parameters = new Map<string, SsmParameter>();
  const secrets = new Map<string, string>();
  let double: AwsDouble | null = null;
  // What STS issues becomes valid for signing, as in AWS.
  const sts = stsService({ ...options.sts, onIssue: (credentials) => double?.trust(credentials) });
  double = await AwsDouble.start([cloudwatchService(), sts.service, ssmService(parameters), secretsManagerService(secrets)]);
  return { double: double!, sts, parameters, secrets };
}
