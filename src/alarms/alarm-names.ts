// Alarm names: built by infra/ from the alarm plan, parsed back by the status
// function and the page. One grammar, in one place.

/**
 * What an alarm watches. Names read as a sentence start for the person on
 * call, and parse back for the status function:
 *   "<namespace> <network>/<endpoint> <kind>"   endpoint alarms (and an endpoint's own composites)
 *   "<namespace> <network> <kind>"              network alarms and composites
 *   "<namespace> account <network>/<address> partkey-expiry"
 *   "<namespace> probe <region> heartbeat"
 *   "<namespace> fleet <group> <kind>"          Metrics Insights alarms over an alarm group (one contributor per endpoint)
 *   "<namespace> fleet <group>:<days>d tls-expiry"  the same, for the endpoints warned <days> before expiry
 *   "<namespace> * <kind>"                      the whole deployment (maintenance, heartbeat composite)
 * "*" cannot be a network id (ids start with a letter or digit), and a
 * network alarm has two words, so "fleet" and "probe" stay unambiguous.
 */
const ALARM_KINDS = [
  'outage', 'regional', 'lagging', 'stale-head', 'tls-expiry', 'exposure', 'partkey-expiry', 'heartbeat',
  'finality-lagging', 'finality-stalled', 'slow-blocks', 'cadence-anomaly', 'late-blocks', 'addresses',
  'maintenance', 'health', 'warnings',
] as const;
export type AlarmKind = (typeof ALARM_KINDS)[number];

/** The word standing for "every network and endpoint" in deployment-wide alarm names. */
export const EVERYTHING = '*';

export interface AlarmSubject {
  readonly kind: AlarmKind;
  readonly network?: string;
  readonly endpoint?: string;
  readonly account?: string;
  readonly region?: string;
  /** Alarm group of a fleet (Metrics Insights) alarm, e.g. "g1". */
  readonly group?: string;
  /** Fleet TLS alarms: the warnDays their endpoints share. */
  readonly warnDays?: number;
  /** The whole deployment (no network, no region). */
  readonly everything?: true;
}

export function alarmNamePrefix(namespace: string): string {
  return `${namespace} `;
}

export function alarmName(namespace: string, subject: AlarmSubject): string {
  const p = alarmNamePrefix(namespace);
  if (subject.everything) return `${p}${EVERYTHING} ${subject.kind}`;
  if (subject.group) return `${p}fleet ${subject.group}${subject.warnDays === undefined ? '' : `:${subject.warnDays}d`} ${subject.kind}`;
  if (subject.kind === 'heartbeat' && subject.region) return `${p}probe ${subject.region} heartbeat`;
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
  if (words.length === 3) return scopedSubject(kind, words[0]!, words[1]!);
  if (words.length !== 2) return null;
  if (words[0] === EVERYTHING) return { kind, everything: true };
  const [network, endpoint, extra] = words[0]!.split('/');
  if (!network || extra !== undefined) return null;
  return endpoint ? { kind, network, endpoint } : { kind, network };
}

/** "probe <region> heartbeat", "account <network>/<address> <kind>", "fleet <group>[:<days>d] <kind>". */
function scopedSubject(kind: AlarmKind, scope: string, what: string): AlarmSubject | null {
  if (scope === 'probe') return kind === 'heartbeat' ? { kind, region: what } : null;
  if (scope === 'account') {
    const [network, account] = what.split('/');
    return network && account ? { kind, network, account } : null;
  }
  if (scope === 'fleet') {
    const match = /^(g\d+)(?::(\d+(?:\.\d+)?)d)?$/.exec(what);
    if (!match) return null;
    return match[2] === undefined ? { kind, group: match[1]! } : { kind, group: match[1]!, warnDays: Number(match[2]) };
  }
  return null;
}
