// Resolves an endpoint's host to every address it has, the way DESIGN.md's
// "Every address on its own" says: IP literals as they are, `localhost` to
// the loopback addresses, names in the hosts file from it, every other name
// asked as A and AAAA in parallel of the configured resolvers (or the
// system's), bounded by the probe's signal.
//
// Never dns.lookup: getaddrinfo runs on libuv's four-thread pool and an
// abort does not free its thread, so four names whose servers never answer
// would hold every thread for the system resolver's whole timeout and starve
// every other probe (and zlib, fs, crypto) in the process. c-ares' Resolver
// asks over its own sockets on the event loop, and cancel() ends its queries.
import { Resolver } from 'node:dns/promises';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { normalizeName, readHostsFile, type HostsTable } from './hosts-file.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { ms } from '../report/timings.ts';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface ResolveOptions {
  /** The probe's deadline: every query is cancelled when it fires. */
  readonly signal: AbortSignal;
  /** `ip`, `ip:port` or `[ipv6]:port`; null: the system's DNS servers. */
  readonly resolvers: readonly string[] | null;
  /** The probe's timeout: c-ares' own retry timers are sized under it. */
  readonly timeoutMs: number;
  /** Ask AAAA too (false for `probe.ipv6: off`). Default true. */
  readonly ipv6?: boolean;
  /** Words for "until the signal fired", e.g. "within 5000 ms". */
  readonly deadlineWords?: () => string;
  /** The hosts file's table; the system's file by default (tests pass their own). */
  readonly hosts?: () => HostsTable;
}

export type Resolution =
  | {
    readonly ok: true;
    /** IPv4 in answer order, then IPv6 in answer order. */
    readonly addresses: readonly ResolvedAddress[];
    /** null for an IP literal (no resolution happened). */
    readonly dnsMs: number | null;
  }
  | {
    readonly ok: false;
    readonly reason: Reason;
    /** null when the deadline cut resolution off. */
    readonly dnsMs: number | null;
  };

/**
 * Once one family has answered with addresses, how long the other may still
 * take. RFC 8305 waits 50 ms so a connection starts sooner; a monitor wants
 * the whole address set, but a black-holed AAAA (common) must not turn an
 * IPv4 endpoint into a timeout.
 */
const SECOND_FAMILY_WAIT_MS = 250;

const LOOPBACK: readonly ResolvedAddress[] = [{ address: '127.0.0.1', family: 4 }, { address: '::1', family: 6 }];

export async function resolveAddresses(host: string, options: ResolveOptions): Promise<Resolution> {
  const literal = isIP(host);
  if (literal !== 0) return { ok: true, addresses: [{ address: host, family: literal as 4 | 6 }], dnsMs: null };
  const start = performance.now();
  const name = normalizeName(host);
  const ipv6 = options.ipv6 ?? true;
  const local = (addresses: readonly ResolvedAddress[]): Resolution => {
    const kept = orderByFamily(addresses.filter((a) => ipv6 || a.family === 4));
    return kept.length > 0
      ? { ok: true, addresses: kept, dnsMs: ms(start, performance.now()) }
      : { ok: false, reason: reason('dns_failed', `${host}: the hosts file lists only IPv6 addresses, and probe.ipv6 is off`), dnsMs: ms(start, performance.now()) };
  };
  // RFC 6761: the first two are loopback by definition, the last never resolves.
  if (name === 'localhost') return local(LOOPBACK);
  if (name === 'invalid' || name.endsWith('.invalid')) {
    return { ok: false, reason: reason('dns_failed', `${host}: NXDOMAIN, names under .invalid never resolve (RFC 6761)`), dnsMs: ms(start, performance.now()) };
  }
  const listed = (options.hosts ?? readHostsFile)().get(name);
  if (listed) return local(listed);
  return askDns(host, options, ipv6, start);
}

type Family = 4 | 6;
type Answer = { readonly family: Family; readonly addresses: readonly string[] } | { readonly family: Family; readonly code: string };

function askDns(host: string, options: ResolveOptions, ipv6: boolean, start: number): Promise<Resolution> {
  const { signal } = options;
  const deadlineWords = options.deadlineWords ?? (() => 'before the deadline');
  const families: Family[] = ipv6 ? [4, 6] : [4];
  let resolver: Resolver;
  try {
    resolver = newResolver(options);
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    return Promise.resolve({ ok: false, reason: reason('dns_failed', `${host}: cannot use the resolvers (${text})`), dnsMs: null });
  }
  const servers = describeServers(resolver.getServers());
  if (signal.aborted) return Promise.resolve({ ok: false, reason: reason('dns_failed', `${host}: timeout, no answer from ${servers} ${deadlineWords()}`), dnsMs: null });

  return new Promise((resolve) => {
    const answers = new Map<Family, Answer>();
    let wait: NodeJS.Timeout | undefined;
    let done = false;
    const finish = (aborted: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(wait);
      signal.removeEventListener('abort', onAbort);
      // Ends whatever is still asked (the other family after the wait, or everything at the deadline).
      resolver.cancel();
      const dnsMs = aborted ? null : ms(start, performance.now());
      const addresses = families.flatMap((f) => {
        const a = answers.get(f);
        return a && 'addresses' in a ? a.addresses.map((address) => ({ address, family: f })) : [];
      });
      if (addresses.length > 0 && !aborted) return resolve({ ok: true, addresses, dnsMs });
      resolve({ ok: false, reason: reason('dns_failed', failureMessage(host, families, answers, servers, aborted ? deadlineWords() : null)), dnsMs });
    };
    const onAbort = () => finish(true);
    signal.addEventListener('abort', onAbort, { once: true });
    for (const family of families) {
      void ask(resolver, family, host).then((answer) => {
        if (done) return;
        answers.set(family, answer);
        if (answers.size === families.length) finish(false);
        else if ('addresses' in answer && answer.addresses.length > 0) wait ??= setTimeout(() => finish(false), SECOND_FAMILY_WAIT_MS);
      });
    }
  });
}

function newResolver(options: ResolveOptions): Resolver {
  // c-ares retries a silent server on its own timer, doubling it each try
  // (capped at maxTimeout): a quarter of the probe's timeout to start with,
  // so a lost datagram is asked again well inside the deadline, and three
  // tries that outlast it, so the deadline, not c-ares, ends a black hole.
  // The probe's signal is the real bound: cancel() ends every query of this
  // resolver, which is why each resolution has its own (cheap to make: docs/benchmarks.md).
  const timeout = Math.min(2000, Math.max(250, Math.round(options.timeoutMs / 4)));
  const resolver = new Resolver({ timeout, tries: 3, maxTimeout: options.timeoutMs });
  if (options.resolvers) resolver.setServers([...options.resolvers]);
  return resolver;
}

async function ask(resolver: Resolver, family: Family, host: string): Promise<Answer> {
  try {
    const addresses = family === 4 ? await resolver.resolve4(host) : await resolver.resolve6(host);
    return { family, addresses };
  } catch (err) {
    return { family, code: (err as NodeJS.ErrnoException).code ?? 'EUNKNOWN' };
  }
}

/** c-ares' codes, in the words a DNS operator uses. */
const ANSWER_WORDS: Readonly<Record<string, string>> = {
  ENOTFOUND: 'NXDOMAIN',
  ENODATA: 'no records',
  ESERVFAIL: 'SERVFAIL',
  EREFUSED: 'REFUSED',
  ETIMEOUT: 'timeout',
  ECANCELLED: 'timeout',
  ECONNREFUSED: 'connection refused (nothing listens on the DNS port)',
  EFORMERR: 'FORMERR',
  ENOTIMP: 'NOTIMP',
  EBADRESP: 'malformed answer',
  EBADNAME: 'not a valid DNS name',
};

function failureMessage(host: string, families: readonly Family[], answers: ReadonlyMap<Family, Answer>, servers: string, deadlineWords: string | null): string {
  const words = families.map((f) => {
    const a = answers.get(f);
    if (!a) return 'timeout';
    if ('addresses' in a) return 'no records';
    return ANSWER_WORDS[a.code] ?? a.code;
  });
  const deadline = deadlineWords ? ` ${deadlineWords}` : '';
  if (words.every((w) => w === words[0])) {
    const word = words[0]!;
    if (word === 'timeout') return `${host}: timeout, no answer from ${servers}${deadline}`;
    if (word === 'no records') return `${host}: no ${families.length === 2 ? 'A or AAAA' : 'A'} records from ${servers}`;
    return `${host}: ${word} from ${servers}${deadline}`;
  }
  const parts = families.map((f, i) => `${f === 4 ? 'A' : 'AAAA'} ${words[i]}`);
  return `${host}: ${parts.join(', ')}, from ${servers}${deadline}`;
}

/** `1.1.1.1` → `1.1.1.1:53`, `::1` → `[::1]:53`: always with the port, so a message names exactly where it asked. */
export function describeServers(servers: readonly string[]): string {
  if (servers.length === 0) return 'no DNS server (none configured on this system)';
  return servers.map((s) => {
    if (isIP(s) === 6) return `[${s}]:53`;
    if (isIP(s) === 4) return `${s}:53`;
    return s;
  }).join(', ');
}

function orderByFamily(addresses: readonly ResolvedAddress[]): ResolvedAddress[] {
  return [...addresses.filter((a) => a.family === 4), ...addresses.filter((a) => a.family === 6)];
}
