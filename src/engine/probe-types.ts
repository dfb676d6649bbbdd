// The shapes the endpoint runner's parts pass between them: one address's
// probe, one endpoint's, the options a round hands down, and what probing
// one address needs. Types only, so every part can name them without
// importing another part.
import type { ChainReading } from '../chains/adapter.ts';
import type { ResolvedEndpoint, ResolvedNetwork } from '../config/resolved-config.ts';
import type { ConnectTarget, SocketFactory } from '../probe/connect.ts';
import type { ResolvedAddress } from '../probe/resolve.ts';
import type { Reason } from '../report/reasons.ts';
import type { Timings } from '../report/timings.ts';
import type { TlsInfo } from '../report/tls-info.ts';

/** One address of an endpoint, probed on its own connection. */
export interface AddressProbe {
  readonly address: string;
  readonly family: 4 | 6;
  /** The best address: its timings, tls, chain and reasons are the endpoint's. */
  readonly primary: boolean;
  /** No route from this vantage point under probe.ipv6: auto: counted neither way. */
  readonly skipped: boolean;
  readonly reasons: readonly Reason[];
  readonly timings: Timings;
  readonly tls: TlsInfo | null;
  readonly chain: ChainReading | null;
}

export interface EndpointProbe {
  readonly endpoint: ResolvedEndpoint;
  /** The primary address's reasons (what agreement and the other addresses add comes later). */
  readonly reasons: Reason[];
  readonly timings: Timings;
  readonly tls: TlsInfo | null;
  readonly chain: ChainReading | null;
  /** Every address probed, in resolution order; [] for private endpoints and when none resolved. */
  readonly addresses: readonly AddressProbe[];
}

export interface ProbeOptions {
  /** Fires at the run's deadline (Lambda): unfinished probes become `timeout`. */
  readonly runSignal?: AbortSignal;
  /** Wall clock in ms. */
  readonly now?: () => number;
  /** probe.resolvers: the DNS servers asked; null or absent: the system's. */
  readonly resolvers?: readonly string[] | null;
  /** probe.ipv6; default auto. */
  readonly ipv6?: 'auto' | 'on' | 'off';
  /** Where sockets come from: node's, unless a test fails an address at the connect boundary. */
  readonly sockets?: SocketFactory;
}

export interface AddressContext {
  readonly network: ResolvedNetwork;
  readonly endpoint: ResolvedEndpoint;
  readonly url: URL;
  readonly target: ConnectTarget;
  readonly address: ResolvedAddress;
  /** The endpoint's resolution time, shared by its addresses (null for an IP literal). */
  readonly dnsMs: number | null;
  /** performance.now() at the endpoint probe's start: ttfbMs and totalMs count from it. */
  readonly startedAt: number;
  /** The endpoint's deadline (timeoutMs), shared by its addresses. */
  readonly signal: AbortSignal;
  readonly deadlineWords: () => string;
  readonly options: ProbeOptions;
}
