// Deterministic names shared by the CDK app (infra/), the probe Lambda
// (functions/probe/) and the status function (functions/status/). Physical
// names instead of cross-stack references: probe stacks live in other
// regions (and maybe other accounts) than the central stack.

/** Lower-case slug of a namespace, for IAM and S3 names. */
export function namespaceSlug(namespace: string): string {
  return namespace.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'vantage';
}

/** The central role probe functions assume to call PutMetricData (≤ 64 chars). */
export function publisherRoleName(namespace: string): string {
  return `${namespaceSlug(namespace)}-metrics-publisher`.slice(0, 64);
}

/**
 * What an alarm watches. Names read as a sentence start for the person on
 * call, and parse back for the status function:
 *   "<namespace> <network>/<endpoint> <kind>"   endpoint alarms
 *   "<namespace> <network> <kind>"              network alarms (stale, health composite)
 *   "<namespace> account <network>/<address> partkey-expiry"
 *   "<namespace> probe <region> heartbeat"
 */
export const ALARM_KINDS = [
  'outage', 'regional', 'lagging', 'stale-head', 'tls-expiry', 'exposure', 'partkey-expiry', 'heartbeat', 'health',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

export interface AlarmSubject {
  readonly kind: AlarmKind;
  readonly network?: string;
  readonly endpoint?: string;
  readonly account?: string;
  readonly region?: string;
}

export function alarmNamePrefix(namespace: string): string {
  return `${namespace} `;
}

export function alarmName(namespace: string, subject: AlarmSubject): string {
  const p = alarmNamePrefix(namespace);
  if (subject.kind === 'heartbeat') return `${p}probe ${subject.region} heartbeat`;
  if (subject.account) return `${p}account ${subject.network}/${subject.account} ${subject.kind}`;
  if (subject.endpoint) return `${p}${subject.network}/${subject.endpoint} ${subject.kind}`;
  return `${p}${subject.network} ${subject.kind}`;
}

export function parseAlarmName(namespace: string, name: string): AlarmSubject | null {
  const prefix = alarmNamePrefix(namespace);
  if (!name.startsWith(prefix)) return null;
  const words = name.slice(prefix.length).split(' ');
  const kind = words[words.length - 1] as AlarmKind;
  if (!ALARM_KINDS.includes(kind)) return null;
  if (words.length === 3 && words[0] === 'probe' && kind === 'heartbeat') return { kind, region: words[1]! };
  if (words.length === 3 && words[0] === 'account') {
    const [network, account] = words[1]!.split('/');
    return network && account ? { kind, network, account } : null;
  }
  if (words.length !== 2) return null;
  const [network, endpoint] = words[0]!.split('/');
  if (!network) return null;
  return endpoint ? { kind, network, endpoint } : { kind, network };
}
