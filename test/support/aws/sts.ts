// STS in the double: AssumeRole over the awsQuery protocol (form-encoded
// request, XML answer), as @aws-sdk/client-sts sends and parses it. Issues
// fresh ASIA… keys per call so tests can tell which credentials signed what;
// the double then accepts requests signed with them (secret and session
// token) until they expire. Validates like STS (AssumeRole API reference):
// RoleArn 20-2048 characters naming a role, RoleSessionName 2-64 of
// [\w+=,.@-], DurationSeconds 900 up to the role's maximum session duration
// ("If you specify a value higher than this setting ... the operation fails"),
// and refuses role chaining beyond one hour.
import { randomBytes } from 'node:crypto';
import { AwsServiceError, type QueryProtocol } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';
import type { KnownCredentials } from './sigv4.ts';

export const STS_PROTOCOL: QueryProtocol = { kind: 'query', version: '2011-06-15', xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/' };

const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/([\w+=,.@/-]{1,64})$/;

export interface StsOptions {
  /** Roles that may be assumed; default: any well-formed role ARN. */
  readonly allowedRoles?: readonly string[];
  /** The roles' MaxSessionDuration; default 3600 (the publisher role's, and IAM's default). */
  readonly maxSessionDurationSeconds?: number;
  /** Called with every credential set issued, so the double accepts requests signed with it. */
  readonly onIssue?: (credentials: KnownCredentials) => void;
}

export interface IssuedCredentials {
  readonly roleArn: string;
  readonly accessKeyId: string;
  readonly expiration: Date;
}

/** "Role chaining limits your … session to a maximum of one hour." */
const CHAINED_MAX_SECONDS = 3600;

export interface StsDouble {
  readonly service: ServiceDefinition;
  /** Credentials handed out, in order. */
  readonly issued: IssuedCredentials[];
}

export function stsService(options: StsOptions = {}): StsDouble {
  const issued: IssuedCredentials[] = [];
  const assumeRole = (request: AwsRequest) => {
    const p = request.input as Record<string, string>;
    const roleArn = p['RoleArn'] ?? '';
    const session = p['RoleSessionName'] ?? '';
    const role = ROLE_ARN.exec(roleArn);
    if (!role) throw new AwsServiceError('ValidationError', `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint`);
    if (!/^[\w+=,.@-]{2,64}$/.test(session)) throw new AwsServiceError('ValidationError', `1 validation error detected: Value '${session}' at 'roleSessionName' failed to satisfy constraint`);
    if (roleArn.length < 20 || roleArn.length > 2048) throw new AwsServiceError('ValidationError', `1 validation error detected: Value '${roleArn}' at 'roleArn' failed to satisfy constraint: Member must have length between 20 and 2048`);
    const duration = Number(p['DurationSeconds'] ?? 3600);
    if (!Number.isInteger(duration) || duration < 900 || duration > 43_200) {
      throw new AwsServiceError('ValidationError', `1 validation error detected: Value '${p['DurationSeconds']}' at 'durationSeconds' failed to satisfy constraint`);
    }
    const max = request.accessKeyId.startsWith('ASIA') ? Math.min(CHAINED_MAX_SECONDS, options.maxSessionDurationSeconds ?? 3600) : options.maxSessionDurationSeconds ?? 3600;
    if (duration > max) {
      throw new AwsServiceError('ValidationError', `The requested DurationSeconds exceeds the MaxSessionDuration set for this role.`);
    }
    if (options.allowedRoles && !options.allowedRoles.includes(roleArn)) {
      throw new AwsServiceError('AccessDenied', `User: ${request.accessKeyId} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`, { status: 403 });
    }
    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const expiration = new Date(Math.floor(Date.now() / 1000) * 1000 + duration * 1000);
    const secretAccessKey = randomBytes(30).toString('base64');
    const sessionToken = randomBytes(48).toString('base64');
    issued.push({ roleArn, accessKeyId, expiration });
    options.onIssue?.({ accessKeyId, secretAccessKey, sessionToken, expiration });
    return {
      Credentials: {
        AccessKeyId: accessKeyId,
        SecretAccessKey: secretAccessKey,
        SessionToken: sessionToken,
        Expiration: expiration.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      AssumedRoleUser: {
        Arn: `arn:aws:sts::${role[1]}:assumed-role/${role[2]}/${session}`,
        AssumedRoleId: `AROA${randomBytes(8).toString('hex').toUpperCase()}:${session}`,
      },
    };
  };
  return { service: { name: 'sts', signingName: 'sts', protocol: STS_PROTOCOL, operations: { AssumeRole: assumeRole } }, issued };
}
