// Opens one fresh connection to one address the way a customer's client
// would, timing each phase at the socket (TCP connect, TLS handshake), and
// judges the certificate before anyone may write to it. Hand-written on
// node:net/node:tls (not a library) because these timings and the
// certificate facts are the product; the HTTP session then speaks HTTP over the socket.
//
// openConnection is the only way the probe gets a socket: the first
// connection, the HTTP session's reconnects, and every later kind (per address,
// WebSocket) come through it, so no request byte is ever written on a
// connection whose certificate has not passed verification.
import { isIP, connect as tcpConnect, type NetConnectOpts, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { connect as tlsConnect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { blockingCertificateReasons, describeTls, type HandshakeFacts } from './certificate.ts';
import { peerIdentity, skipLegacyCertificate, type PeerIdentity } from './peer-certificate.ts';
import type { TlsInfo } from '../report/tls-info.ts';
import { nodeText } from '../report/node-text.ts';
import { reason, type Reason } from '../report/reasons.ts';
import { secureContextFor } from './secure-contexts.ts';
import { ms, type Timings } from '../report/timings.ts';

export interface ConnectTarget {
  /** Host as in the URL, without IPv6 brackets: SNI, the certificate check and Host. */
  readonly host: string;
  readonly port: number;
  readonly tls: boolean;
  /** SNI and certificate name when it differs from host. */
  readonly serverName: string | null;
  readonly caFile: string | null;
  /** Send the request even when the certificate fails (tls.insecureSkipVerify); the facts are still reported. */
  readonly insecureSkipVerify: boolean;
}

export type ConnectOutcome =
  | { readonly ok: true; readonly socket: Socket | TLSSocket; readonly tls: TlsInfo | null }
  /** Every reason that applies (a certificate can be untrusted and for another name at once). */
  | { readonly ok: false; readonly reasons: readonly Reason[]; readonly tls: TlsInfo | null };

/**
 * Where sockets come from: node:net and node:tls. The one seam a test may
 * replace, to make an address fail the way a host without an IPv6 route
 * does (ENETUNREACH at connect), which loopback cannot produce.
 */
export interface SocketFactory {
  readonly tcp: (options: NetConnectOpts) => Socket;
  readonly tls: (options: ConnectionOptions) => TLSSocket;
}

export const NODE_SOCKETS: SocketFactory = { tcp: tcpConnect, tls: tlsConnect };

export interface ConnectOptions {
  readonly signal: AbortSignal;
  /** Where phase timings are written; also read by the caller on failure. */
  readonly timings: Timings;
  /** Words for "until the signal fired", e.g. "within 5000 ms". */
  readonly deadlineWords: () => string;
  /** Wall clock in ms: certificate validity is judged against it. */
  readonly now: () => number;
  /** Stop after TCP: private endpoints must not be sent anything. */
  readonly tcpOnly?: boolean;
  /** node:net/node:tls unless a test injects its own (SocketFactory). */
  readonly sockets?: SocketFactory;
}

/**
 * Connects to `address` (already resolved) and, for https, verifies the
 * certificate (chain, name, validity) unless the endpoint skips
 * verification. A socket is returned only when it may be written to; one
 * that failed verification is destroyed here, before a byte is sent.
 */
export async function openConnection(target: ConnectTarget, address: string, options: ConnectOptions): Promise<ConnectOutcome> {
  const { signal, timings, deadlineWords } = options;
  const sockets = options.sockets ?? NODE_SOCKETS;
  const where = `${target.host}:${target.port}`;
  if (!target.tls || options.tcpOnly) {
    const tcpStart = performance.now();
    const tcp = await connectTcp(sockets, address, target.port, signal);
    if (!tcp.aborted) timings.connectMs = ms(tcpStart, performance.now());
    if (!tcp.ok) return { ok: false, reasons: [connectFailure(tcp, where, address, deadlineWords)], tls: null };
    return { ok: true, socket: tcp.socket, tls: null };
  }

  const secured = await connectTls(sockets, address, target, signal, timings);
  if (!secured.ok) {
    if (secured.phase === 'tcp') return { ok: false, reasons: [connectFailure(secured, where, address, deadlineWords)], tls: null };
    const failure = secured.aborted
      ? reason('timeout', `connected to ${where}, but the TLS handshake got no answer ${deadlineWords()}`)
      : reason('tls_failed', `TLS handshake with ${where} failed: ${secured.message}`);
    return { ok: false, reasons: [failure], tls: null };
  }
  const now = options.now();
  const tls = describeTls(secured.facts, now);
  if (!target.insecureSkipVerify) {
    const blocking = blockingCertificateReasons(secured.facts, now);
    if (blocking.length > 0) {
      secured.socket.destroy();
      return { ok: false, reasons: blocking, tls };
    }
  }
  return { ok: true, socket: secured.socket, tls };
}

/** Errors where the network, not the server, gave up: no answer came back. */
const UNANSWERED = new Set(['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

/**
 * What connect(2) says when this host has no way to an address: no route,
 * or no source address of that family. For an IPv6 address that is a fact
 * about the vantage point (a Lambda outside a VPC has no IPv6 egress), which
 * probe.ipv6 decides how to count (DESIGN.md: skipped, or no_route).
 */
export const NO_ROUTE_CODES: ReadonlySet<string> = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

function connectFailure(tcp: { readonly aborted: boolean; readonly code: string }, where: string, address: string, deadlineWords: () => string): Reason {
  if (tcp.aborted) return reason('connect_timeout', `no TCP answer from ${where} ${deadlineWords()}`);
  if (NO_ROUTE_CODES.has(tcp.code) && isIP(address) === 6) {
    return reason('no_route', `no route to ${address} (${where}) from this vantage point (${tcp.code})`);
  }
  if (tcp.code === 'ECONNREFUSED') return reason('connect_refused', `connection refused by ${where} (nothing listening)`);
  if (UNANSWERED.has(tcp.code)) return reason('connect_timeout', `no TCP answer from ${where} (${tcp.code})`);
  return reason('connect_refused', `cannot connect to ${where} (${tcp.code})`);
}

type Connected = { ok: true; aborted: false; socket: Socket } | { ok: false; aborted: boolean; code: string };

function connectTcp(sockets: SocketFactory, address: string, port: number, signal: AbortSignal): Promise<Connected> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ ok: false, aborted: true, code: 'ABORTED' });
    const socket = sockets.tcp({ host: address, port, noDelay: true });
    const settle = (outcome: Connected) => {
      signal.removeEventListener('abort', onAbort);
      socket.removeListener('error', onError);
      socket.removeListener('connect', onConnect);
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const onAbort = () => settle({ ok: false, aborted: true, code: 'ABORTED' });
    const onError = (err: NodeJS.ErrnoException) => settle({ ok: false, aborted: false, code: err.code ?? err.message });
    const onConnect = () => settle({ ok: true, aborted: false, socket });
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', onError);
    socket.once('connect', onConnect);
  });
}

type Secured =
  | { ok: true; socket: TLSSocket; facts: HandshakeFacts }
  | { ok: false; phase: 'tcp' | 'tls'; aborted: boolean; code: string; message: string };

/**
 * TCP connect and TLS handshake on one tls.connect: the socket's 'connect'
 * (TCP up) and 'secureConnect' (handshake done) events time the two phases.
 * (Connecting a net.Socket first and wrapping it in TLS afterwards costs
 * more CPU per probe: docs/benchmarks.md.)
 */
function connectTls(sockets: SocketFactory, address: string, target: ConnectTarget, signal: AbortSignal, timings: Timings): Promise<Secured> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ ok: false, phase: 'tcp', aborted: true, code: 'ABORTED', message: 'aborted' });
    const checkedName = target.serverName ?? target.host;
    // Node checks the name only when the chain verified; we check the name
    // we mean (Node would fall back to "localhost" for IP targets without
    // SNI), from the X509Certificate (peer-certificate.ts).
    let checked: PeerIdentity | null = null;
    let phase: 'tcp' | 'tls' = 'tcp';
    const tcpStart = performance.now();
    let tlsStart = 0;
    const tls = sockets.tls({
      host: address,
      port: target.port,
      // SNI must not carry an IP address (RFC 6066).
      servername: isIP(checkedName) ? '' : checkedName,
      secureContext: secureContextFor(target.caFile),
      // Verified below instead, so a failed verification still yields the
      // certificate's facts (when it expired, who issued it).
      rejectUnauthorized: false,
      checkServerIdentity: () => {
        checked = peerIdentity(tls, checkedName);
        return undefined;
      },
      ALPNProtocols: ['http/1.1'],
    });
    const restoreCertificate = skipLegacyCertificate(tls);
    const settle = (outcome: Secured) => {
      restoreCertificate();
      signal.removeEventListener('abort', onAbort);
      tls.removeListener('error', onError);
      tls.removeListener('connect', onConnect);
      tls.removeListener('secureConnect', onSecure);
      // A phase's time is kept when it ended on its own; one the deadline cut off stays null.
      if (phase === 'tls' && (outcome.ok || !outcome.aborted)) timings.tlsMs = ms(tlsStart, performance.now());
      if (phase === 'tcp' && !outcome.ok && !outcome.aborted) timings.connectMs = ms(tcpStart, performance.now());
      if (!outcome.ok) tls.destroy();
      resolve(outcome);
    };
    const onAbort = () => settle({ ok: false, phase, aborted: true, code: 'ABORTED', message: 'aborted' });
    const onError = (err: NodeJS.ErrnoException) =>
      settle({ ok: false, phase, aborted: false, code: err.code ?? err.message, message: describeTlsError(err) });
    const onConnect = () => {
      tlsStart = performance.now();
      timings.connectMs = ms(tcpStart, tlsStart);
      phase = 'tls';
    };
    const onSecure = () => {
      // Not checked yet when the chain failed verification: the facts are still reported.
      const { certificate, hostnameError } = (checked as PeerIdentity | null) ?? peerIdentity(tls, checkedName);
      const authError = tls.authorizationError as unknown as string | NodeJS.ErrnoException | null;
      settle({
        ok: true,
        socket: tls,
        facts: {
          protocol: tls.getProtocol(),
          certificate,
          authorizationError: tls.authorized ? null : typeof authError === 'string' ? authError : authError?.code ?? 'UNKNOWN',
          hostnameError,
          checkedName,
        },
      });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    tls.once('error', onError);
    tls.once('connect', onConnect);
    tls.once('secureConnect', onSecure);
  });
}

function describeTlsError(err: NodeJS.ErrnoException): string {
  if (err.code === 'ECONNRESET') return 'connection reset by the server during the handshake';
  // OpenSSL's "…:error:0A00010B:SSL routines:fn:reason:file.c:77:" → "reason".
  const openssl = /:error:[0-9A-F]+:[^:]*:[^:]*:([^:]+)/.exec(err.message);
  // Cleaned like node text: it describes what the server did, and no raw error text reaches a message.
  const text = nodeText(openssl?.[1] ?? err.message.split('\n')[0]!);
  return err.code ? `${text} (${nodeText(err.code)})` : text;
}
