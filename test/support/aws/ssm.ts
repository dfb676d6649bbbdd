// SSM Parameter Store in the double: GetParameter over awsJson1_1
// (X-Amz-Target AmazonSSM.GetParameter), answering like the service
// (Parameter { Name, Type, Value, Version, ARN, DataType, LastModifiedDate }).
// Validates like the GetParameter reference: Name 1-2048 characters, spaces
// around it removed and spaces inside refused (ValidationException); a name
// or the parameter's ARN, optionally with a ":version" selector; SecureString
// values come back as ciphertext unless WithDecryption is true.
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
    if (input.Name.length > 2048) throw new AwsServiceError('ValidationException', '1 validation error detected: Value at \'name\' failed to satisfy constraint: Member must have length less than or equal to 2048');
    if (input.WithDecryption !== undefined && typeof input.WithDecryption !== 'boolean') throw new AwsServiceError('SerializationException', 'WithDecryption must be a boolean');
    const trimmed = input.Name.trim();
    if (/\s/.test(trimmed)) throw new AwsServiceError('ValidationException', `Parameter name: can't contain spaces: ${trimmed}`);
    const arn = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter(\/.+)$/.exec(trimmed);
    const [base, selector] = (arn ? arn[1]! : trimmed).split(':') as [string, string | undefined];
    const name = arn && !parameters.has(base) ? base.slice(1) : base;
    const found = parameters.get(name);
    if (!found) throw new AwsServiceError('ParameterNotFound', '');
    if (selector !== undefined && selector !== '1') throw new AwsServiceError('ParameterVersionNotFound', `Systems Manager could not find version ${selector} of ${name}.`);
    const type = found.type ?? 'SecureString';
    // SecureString values come back encrypted unless decryption was asked for.
    const value = type === 'SecureString' && input.WithDecryption !== true ? `AQICAH${Buffer.from(found.value).toString('base64')}` : found.value;
    return {
      Parameter: {
        Name: name,
        Type: type,
        Value: value,
        Version: 1,
        LastModifiedDate: Math.floor(Date.now() / 1000),
        ARN: `arn:aws:ssm:${request.region}:111111111111:parameter${name.startsWith('/') ? '' : '/'}${name}`,
        DataType: 'text',
      },
    };
  };
  return { name: 'ssm', signingName: 'ssm', protocol: SSM_PROTOCOL, operations: { GetParameter: getParameter } };
}
