// Wires a CloudWatchPublisher for the central account: the CloudWatch client
// in the central home region (alarms cannot read metrics across regions),
// signed either with the caller's own credentials (same account, and the CLI's
// standard AWS chain) or with the assumed central publisher role.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { STSClient } from '@aws-sdk/client-sts';
import { assumedRoleCredentials, type CredentialProvider } from './assumed-role-credentials.ts';
import { CloudWatchPublisher } from './cloudwatch-publisher.ts';

export interface PublisherSettings {
  readonly namespace: string;
  /** The central account's home region. */
  readonly centralRegion: string;
  /** Central publisher role to assume; null: publish with the caller's own credentials. */
  readonly roleArn: string | null;
  /** Region whose STS endpoint is used (the caller's own); default centralRegion. */
  readonly stsRegion?: string;
  /** AssumeRole session name (CloudTrail shows it). */
  readonly sessionName?: string;
  /** Endpoint overrides (tests); otherwise the SDK's own resolution, which honours AWS_ENDPOINT_URL_<SERVICE>. */
  readonly endpoints?: { readonly cloudwatch?: string; readonly sts?: string };
}

/** Per-request socket limits: a stuck connection fails fast and the deadline decides about retries. */
const REQUEST_HANDLER = { connectionTimeout: 3_000, requestTimeout: 10_000 } as const;

export function createPublisher(settings: PublisherSettings): CloudWatchPublisher {
  let credentials: CredentialProvider | undefined;
  if (settings.roleArn) {
    const sts = new STSClient({
      region: settings.stsRegion ?? settings.centralRegion,
      endpoint: settings.endpoints?.sts,
      maxAttempts: 2,
      requestHandler: REQUEST_HANDLER,
    });
    credentials = assumedRoleCredentials({ sts, roleArn: settings.roleArn, sessionName: settings.sessionName ?? 'vantage-probe' });
  }
  const client = new CloudWatchClient({
    region: settings.centralRegion,
    endpoint: settings.endpoints?.cloudwatch,
    credentials,
    // Retries are the publisher's own (throttling/5xx only, inside the run's deadline).
    maxAttempts: 1,
    requestHandler: REQUEST_HANDLER,
  });
  const resolveCredentials = credentials ?? (() => client.config.credentials());
  return new CloudWatchPublisher({ client, namespace: settings.namespace, resolveCredentials });
}
