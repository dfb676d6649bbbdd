// Alarm names: built by infra/ from the alarm plan, parsed back by the status
// function and the page. One grammar, in one place.

/**
 * What an alarm watches. Names read as a sentence start for the person on
 * call, and parse back for the status function:
 *   "<namespace> <network>/<endpoint> <kind>"   endpoint alarms
 *   "<namespace> <network> <kind>"              network alarms (stale, health composite)
 *   "<namespace> account <network>/<address> partkey-expiry"
 *   "<namespace> probe <region> heartbeat"
 */
const ALARM_KINDS = [
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
