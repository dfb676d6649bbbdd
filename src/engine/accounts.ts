// Account watch (Algorand participation keys): read from the first
// non-reference endpoint that answered, else a reference one (DESIGN.md).
import type { AccountReading, ChainAdapter } from '../chains/adapter.ts';
import type { ResolvedNetwork } from '../config/resolved-config.ts';
import { withSession, type EndpointProbe, type ProbeOptions } from '../probe/probe-endpoint.ts';
import { reason, type Reason } from '../probe/reasons.ts';

export async function readAccounts(
  network: ResolvedNetwork,
  probes: readonly EndpointProbe[],
  adapter: ChainAdapter | null,
  options: ProbeOptions,
): Promise<AccountReading[]> {
  if (network.accounts.length === 0) return [];
  const answered = (p: EndpointProbe) => p.chain?.height !== null && p.chain?.height !== undefined && p.endpoint.visibility === 'public';
  const source = probes.find((p) => !p.endpoint.reference && answered(p)) ?? probes.find((p) => p.endpoint.reference && answered(p));
  if (!adapter?.readAccounts || !source) {
    const why = source ? reason('invalid_response', `chain family ${network.chain} has no account watch`) : noSourceReason(probes);
    return network.accounts.map((a) => ({ address: a.address, participation: null, voteLastValid: null, daysToExpiry: null, reasons: [{ ...why, message: `account ${a.address}: ${why.message}` }] }));
  }
  const lastRound = source.chain?.height ?? null;
  const read = adapter.readAccounts.bind(adapter);
  return withSession(
    source.endpoint,
    options,
    async ({ http }, { now }) => read({ network, endpoint: source.endpoint, http, now }, network.accounts, lastRound),
    ({ reasons }) => network.accounts.map((a) => ({
      address: a.address, participation: null, voteLastValid: null, daysToExpiry: null,
      reasons: reasons.map((r) => ({ ...r, message: `account ${a.address}: ${r.message}` })),
    })),
  );
}

function noSourceReason(probes: readonly EndpointProbe[]): Reason {
  const first = probes.find((p) => p.reasons.length > 0)?.reasons[0];
  return first ? { code: first.code, message: `no endpoint answered (${first.message})` } : reason('timeout', 'no endpoint answered');
}
