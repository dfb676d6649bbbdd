// Credentials of the central publisher role, assumed with STS (the regional
// endpoint of the caller's own region) and cached until shortly before they
// expire, so a warm Lambda assumes the role every few invocations, not every
// minute. A failed assumption is not cached: the next call tries again.
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { ASSUME_ROLE } from '../config/aws-limits.ts';

export interface TemporaryCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

export type CredentialProvider = () => Promise<TemporaryCredentials>;

export interface AssumedRoleOptions {
  readonly sts: STSClient;
  readonly roleArn: string;
  /** Shows in the central account's CloudTrail, e.g. `vantage-probe-eu-west-1`. */
  readonly sessionName: string;
  readonly durationSeconds?: number;
  readonly now?: () => number;
}

/** Renew when less than this is left: a run must never start signing with credentials about to lapse. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

export function assumedRoleCredentials(options: AssumedRoleOptions): CredentialProvider {
  const now = options.now ?? Date.now;
  let cached: Promise<TemporaryCredentials> | null = null;
  let expiresAt = 0;

  const assume = async (): Promise<TemporaryCredentials> => {
    const out = await options.sts.send(new AssumeRoleCommand({
      RoleArn: options.roleArn,
      RoleSessionName: options.sessionName.slice(0, ASSUME_ROLE.maxSessionNameLength),
      DurationSeconds: options.durationSeconds ?? ASSUME_ROLE.minDurationSeconds,
    }));
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error(`AssumeRole ${options.roleArn} returned no credentials`);
    }
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  };

  return () => {
    if (cached && expiresAt - now() > REFRESH_BEFORE_EXPIRY_MS) return cached;
    const pending = assume().then(
      (credentials) => {
        expiresAt = credentials.expiration.getTime();
        return credentials;
      },
      (err: unknown) => {
        if (cached === pending) cached = null;
        throw err;
      },
    );
    cached = pending;
    // While in flight, concurrent callers share this request.
    expiresAt = Number.POSITIVE_INFINITY;
    return pending;
  };
}
