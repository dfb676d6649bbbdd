// Every connection of one probe session: the host is resolved once, then
// each connection (the first, and each one the HTTP session opens after the server
// closed the previous) goes through openConnection, which verifies before it
// hands a socket over. What went wrong on any of them is kept, so that a
// failure on a reconnect whose request the adapter treats as optional
// (eth_syncing, net_peerCount, the exposure calls) is still the probe's
// reason, and `tls` reports the certificate that failed.
import type { TlsInfo } from '../report/tls-info.ts';
import { openConnection, type ConnectOptions, type ConnectOutcome, type ConnectTarget } from './connect.ts';
import { addReason, type Reason } from '../report/reasons.ts';
import { resolveAddresses, type ResolvedAddress } from './resolve.ts';
import { emptyTimings } from '../report/timings.ts';

export interface ConnectorOptions extends ConnectOptions {
  /** probe.resolvers; null: the system's. */
  readonly resolvers: readonly string[] | null;
  readonly timeoutMs: number;
  /** Ask AAAA too (false for probe.ipv6: off). Default true. */
  readonly ipv6?: boolean;
  /**
   * The address every connection goes to, already resolved (one address of
   * an endpoint probed on its own). Absent: the host is resolved on the
   * first open() and its first address used.
   */
  readonly address?: ResolvedAddress;
}

export class Connector {
  readonly #target: ConnectTarget;
  readonly #options: ConnectorOptions;
  #address: ResolvedAddress | null = null;
  #opened = 0;
  readonly #failures: Reason[] = [];
  #tls: TlsInfo | null = null;
  #tlsFailed = false;

  constructor(target: ConnectTarget, options: ConnectorOptions) {
    this.#target = target;
    this.#options = options;
    this.#address = options.address ?? null;
  }

  /**
   * One more verified connection. The first writes the probe's phase
   * timings (DNS included); later ones are timed on their own and not
   * reported (a reconnect is not what the customer's first request pays).
   */
  async open(): Promise<ConnectOutcome> {
    const first = this.#opened === 0;
    this.#opened++;
    const timings = first ? this.#options.timings : emptyTimings();
    if (!this.#address) {
      const resolved = await resolveAddresses(this.#target.host, {
        signal: this.#options.signal,
        resolvers: this.#options.resolvers,
        timeoutMs: this.#options.timeoutMs,
        deadlineWords: this.#options.deadlineWords,
        ipv6: this.#options.ipv6,
      });
      if (first) timings.dnsMs = resolved.dnsMs;
      if (!resolved.ok) return this.#record(first, { ok: false, reasons: [resolved.reason], tls: null });
      // One address for the whole session: a reconnect goes where the probe already is.
      this.#address = resolved.addresses[0]!;
    }
    const outcome = await openConnection(this.#target, this.#address.address, { ...this.#options, timings });
    return this.#record(first, outcome);
  }

  #record(first: boolean, outcome: ConnectOutcome): ConnectOutcome {
    // The facts shown are the first connection's, unless a later one
    // presented a certificate that failed: that is the one to see.
    if (outcome.tls && (first || (!outcome.ok && !this.#tlsFailed))) this.#tls = outcome.tls;
    if (outcome.ok) return outcome;
    if (outcome.tls) this.#tlsFailed = true;
    if (first) {
      for (const r of outcome.reasons) addReason(this.#failures, r);
      return outcome;
    }
    // Said once per distinct failure however many reconnects met it.
    const reasons = outcome.reasons.map((r) => ({ code: r.code, message: `${r.message} (on a new connection after the server closed the previous one)` }));
    for (const r of reasons) addReason(this.#failures, r);
    return { ...outcome, reasons };
  }

  /** Every connection failure so far, first connection's included, each once. */
  get failures(): readonly Reason[] {
    return this.#failures;
  }

  /** The certificate facts to report (null: no handshake reached a certificate). */
  get tls(): TlsInfo | null {
    return this.#tls;
  }
}
