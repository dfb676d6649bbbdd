// Secrets Manager in the double: GetSecretValue over awsJson1_1
// (X-Amz-Target secretsmanager.GetSecretValue), answering like the service.
// SecretId (1-2048 characters) is the secret's name or its ARN (the full ARN
// ends in "-" and six random characters: here always -AbCdEf); a VersionStage
// other than AWSCURRENT, or a VersionId, finds nothing.
import { AwsServiceError, type JsonProtocol } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';

export const SECRETS_MANAGER_PROTOCOL: JsonProtocol = { kind: 'json', version: '1.1', targetPrefix: 'secretsmanager' };

export function secretsManagerService(secrets: Map<string, string>): ServiceDefinition {
  const getSecretValue = (request: AwsRequest) => {
    const input = request.input as { SecretId?: unknown; VersionId?: unknown; VersionStage?: unknown };
    if (typeof input.SecretId !== 'string' || input.SecretId.length === 0) {
      throw new AwsServiceError('InvalidParameterException', 'You must provide a value for the SecretId parameter.');
    }
    if (input.SecretId.length > 2048) throw new AwsServiceError('ValidationException', '1 validation error detected: Value at \'secretId\' failed to satisfy constraint: Member must have length less than or equal to 2048');
    const arn = /^arn:aws[a-z-]*:secretsmanager:([a-z0-9-]+):\d{12}:secret:(.+?)(-[A-Za-z0-9]{6})?$/.exec(input.SecretId);
    if (arn && arn[1] !== request.region) throw new AwsServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    const name = arn ? arn[2]! : input.SecretId;
    const value = secrets.get(name);
    if (value === undefined || (arn?.[3] !== undefined && arn[3] !== '-AbCdEf')) throw new AwsServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    if (input.VersionId !== undefined || (input.VersionStage !== undefined && input.VersionStage !== 'AWSCURRENT')) {
      throw new AwsServiceError('ResourceNotFoundException', "Secrets Manager can't find the specified secret value for staging label or version.");
    }
    return {
      ARN: `arn:aws:secretsmanager:${request.region}:111111111111:secret:${name}-AbCdEf`,
      Name: name,
      SecretString: value,
      VersionId: '00000000-0000-4000-8000-000000000001',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: Math.floor(Date.now() / 1000),
    };
  };
  return { name: 'secretsmanager', signingName: 'secretsmanager', protocol: SECRETS_MANAGER_PROTOCOL, operations: { GetSecretValue: getSecretValue } };
}
