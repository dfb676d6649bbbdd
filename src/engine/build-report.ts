// Results → the JSON report: merges agreement findings into each endpoint,
// derives statuses upward (endpoint → network → report) and redacts every
// URL, message and certificate name. Messages are bounded here too, behind
// the cleaning of node text where it enters them: whatever a message quotes,
// the report (the Lambda's one summary log line) cannot grow with it.
import { judgeHeight, type NetworkAgreement } from '../agreement/agreement.ts';
import type { EndpointArrival } from '../agreement/arrival-delay.ts';
import type { AccountReading } from '../chains/adapter.ts';
import type { Redactor } from '../config/redactor.ts';
import type { ResolvedNetwork } from '../config/resolved-config.ts';
import { clip, stripControls } from '../report/node-text.ts';
import { addReason, statusOfReasons, worstStatus, type Reason } from '../report/reasons.ts';
import { REPORT_SCHEMA_VERSION, type AccountReport, type EndpointReport, type NetworkReport, type Report } from '../report/report.ts';
import { NO_DEPTH, type EndpointDepth } from './chain-depth.ts';
import type { EndpointProbe } from './probe-endpoint.ts';
import { judgeAddresses } from './address-verdict.ts';

/** Characters of a reason message, at most: far above any message's own words plus the node text it quotes. */
export const MESSAGE_MAX = 1000;

/** Clipped before redaction, so the Redactor sees the clip mark and redacts a secret's cut beginning. */
const boundedMessage = (message: string) => stripControls(clip(message, MESSAGE_MAX));

export function buildNetworkReport(
  network: ResolvedNetwork,
  probes: readonly EndpointProbe[],
  agreement: NetworkAgreement,
  depth: ReadonlyMap<string, EndpointDepth>,
  accounts: readonly AccountReading[],
  redactor: Redactor,
  /** Per endpoint id, where the network watches arrival and the endpoint was watched. */
  arrival: ReadonlyMap<string, EndpointArrival> = new Map(),
  nowMs: number = Date.now(),
): NetworkReport {
  const redactReasons = (reasons: readonly Reason[]) => reasons.map((r) => ({ code: r.code, message: redactor.redact(boundedMessage(r.message)) }));
  const redactOrNull = (text: string | null) => (text === null ? null : redactor.redact(text));
  const settings = { maxLagBlocks: network.maxLagBlocks, maxHeadAgeSeconds: network.maxHeadAgeSeconds };
  const endpoints: EndpointReport[] = probes.map((probe) => {
    const agreed = agreement.endpoints.get(probe.endpoint.id);
    const deep = depth.get(probe.endpoint.id) ?? NO_DEPTH;
    const reasons = [...probe.reasons];
    const arrived = arrival.get(probe.endpoint.id);
    for (const r of [...(agreed?.reasons ?? []), ...deep.reasons, ...(arrived?.reasons ?? [])]) addReason(reasons, r);
    // Every address's height is judged against the reference the primaries agreed on.
    const verdict = judgeAddresses(probe.addresses, (a) => judgeHeight({
      id: a.address,
      height: a.chain?.height ?? null,
      headTimeSeconds: a.chain?.headTimeSeconds ?? null,
      headAgeSeconds: a.chain?.headAgeSeconds ?? null,
      codes: a.reasons.map((r) => r.code),
    }, agreement.referenceHeight, settings, nowMs).reasons);
    for (const r of verdict.reasons) addReason(reasons, r);
    return {
      id: probe.endpoint.id,
      url: redactor.redact(probe.endpoint.url),
      reference: probe.endpoint.reference,
      status: statusOfReasons(reasons),
      reasons: redactReasons(reasons),
      timings: { ...probe.timings },
      // A certificate names its host, and the host can be a secret reference.
      tls: probe.tls && { ...probe.tls, issuer: redactOrNull(probe.tls.issuer), subject: redactOrNull(probe.tls.subject) },
      chain: probe.chain
        ? {
            height: probe.chain.height,
            lagBlocks: agreed?.lagBlocks ?? null,
            headAgeSeconds: agreed?.headAgeSeconds ?? null,
            syncing: probe.chain.syncing,
            peers: probe.chain.peers,
            finalizedHeight: deep.finalizedHeight,
            finalityLagBlocks: deep.finalityLagBlocks,
            finalityLagSeconds: deep.finalityLagSeconds,
            blockIntervalSeconds: deep.blockIntervalSeconds,
          }
        : null,
      arrival: arrived ? { ...arrived.arrival } : null,
      // In DESIGN.md's order, the primary flag beside the family. An IP-literal host can be a secret reference's value.
      addresses: verdict.addresses.map((a) => ({
        address: redactor.redact(a.address), family: a.family, primary: a.primary, status: a.status, reasons: redactReasons(a.reasons), ttfbMs: a.ttfbMs, height: a.height,
      })),
    };
  });
  const accountReports: AccountReport[] = accounts.map((a) => ({
    address: a.address,
    status: statusOfReasons(a.reasons),
    participation: a.participation,
    voteLastValid: a.voteLastValid,
    daysToExpiry: a.daysToExpiry,
    reasons: redactReasons(a.reasons),
  }));
  // Reference endpoints are reported with their own status but never move the network's.
  const status = worstStatus([
    ...endpoints.filter((e) => !e.reference).map((e) => e.status),
    ...accountReports.map((a) => a.status),
  ]);
  return { id: network.id, chain: network.chain, status, referenceHeight: agreement.referenceHeight, endpoints, accounts: accountReports };
}

export function buildReport(parts: { startedAt: string; durationMs: number; region: string; networks: readonly NetworkReport[] }): Report {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    startedAt: parts.startedAt,
    durationMs: parts.durationMs,
    region: parts.region,
    status: worstStatus(parts.networks.map((n) => n.status)),
    networks: parts.networks,
  };
}
