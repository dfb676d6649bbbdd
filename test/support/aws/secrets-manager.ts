// Secrets Manager in the double: GetSecretValue over awsJson1_1
// (X-Amz-Target secretsmanager.GetSecretValue), answering like the service.
import { AwsServiceError, type JsonProtocol } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';

export const SECRETS_MANAGER_PROTOCOL: JsonProtocol = { kind: 'json', version: '1.1', targetPrefix: 'secretsmanager' };

export function secretsManagerService(secrets: Map<string, string>): ServiceDefinition {
  const getSecretValue = (request: AwsRequest) => {
    const input = request.input as { SecretId?: unknown };
    if (typeof input.SecretId !== 'string' || input.SecretId.length === 0) {
      throw new AwsServiceError('InvalidParameterException', 'You must provide a value for the SecretId parameter.');
    }
    const value = secrets.get(input.SecretId);
    if (value === undefined) throw new AwsServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    return {
      ARN: `arn:aws:secretsmanager:${request.region}:111111111111:secret:${input.SecretId}-AbCdEf`,
      Name: input.SecretId,
      SecretString: value,
      VersionId: '00000000-0000-4000-8000-000000000001',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: Math.floor(Date.now() / 1000),
    };
  };
  return { name: 'secretsmanager', signingName: 'secretsmanager', protocol: SECRETS_MANAGER_PROTOCOL, operations: { GetSecretValue: getSecretValue } };
}
