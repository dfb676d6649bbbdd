// SSM Parameter Store in the double: GetParameter over awsJson1_1
// (X-Amz-Target AmazonSSM.GetParameter), answering like the service
// (Parameter { Name, Type, Value, Version, ARN, DataType, LastModifiedDate }).
import { AwsServiceError, type JsonProtocol } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';

export const SSM_PROTOCOL: JsonProtocol = { kind: 'json', version: '1.1', targetPrefix: 'AmazonSSM' };

export interface SsmParameter {
  readonly value: string;
  readonly type?: 'String' | 'StringList' | 'SecureString';
}

export function ssmService(parameters: Map<string, SsmParameter>): ServiceDefinition {
  const getParameter = (request: AwsRequest) => {
    const input = request.input as { Name?: unknown; WithDecryption?: unknown };
    if (typeof input.Name !== 'string' || input.Name.length === 0) {
      throw new AwsServiceError('ValidationException', '1 validation error detected: Value null at \'name\' failed to satisfy constraint: Member must not be null');
    }
    const found = parameters.get(input.Name);
    if (!found) throw new AwsServiceError('ParameterNotFound', '');
    const type = found.type ?? 'SecureString';
    // SecureString values come back encrypted unless decryption was asked for.
    const value = type === 'SecureString' && input.WithDecryption !== true ? `AQICAH${Buffer.from(found.value).toString('base64')}` : found.value;
    return {
      Parameter: {
        Name: input.Name,
        Type: type,
        Value: value,
        Version: 1,
        LastModifiedDate: Math.floor(Date.now() / 1000),
        ARN: `arn:aws:ssm:${request.region}:111111111111:parameter${input.Name.startsWith('/') ? '' : '/'}${input.Name}`,
        DataType: 'text',
      },
    };
  };
  return { name: 'ssm', signingName: 'ssm', protocol: SSM_PROTOCOL, operations: { GetParameter: getParameter } };
}
