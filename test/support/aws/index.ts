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

/** Credentials the SDK signs with when talking to the double (any non-empty values do). */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIDVANTAGETEST', secretAccessKey: 'vantage-test-secret' } as const;

export interface ProbeAwsDouble {
  readonly double: AwsDouble;
  readonly sts: StsDouble;
  readonly parameters: Map<string, SsmParameter>;
  readonly secrets: Map<string, string>;
}

export async function startProbeAwsDouble(options: { sts?: StsOptions } = {}): Promise<ProbeAwsDouble> {
  const parameters = new Map<string, SsmParameter>();
  const secrets = new Map<string, string>();
  const sts = stsService(options.sts);
  const double = await AwsDouble.start([cloudwatchService(), sts.service, ssmService(parameters), secretsManagerService(secrets)]);
  return { double, sts, parameters, secrets };
}
