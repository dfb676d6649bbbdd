// Account watch (Algorand participation keys): read from the first
// non-reference endpoint that answered, else a reference one (DESIGN.md).
// Like a probe, it never throws: every failure is a reason on each account.
import type { AccountReading, ChainAdapter } from '../chains/adapter.ts';
import type { ResolvedAccount, ResolvedNetwork } from '../config/resolved-config.ts';
import { nodeText } from '../report/node-text.ts';
import { withSession, type EndpointProbe, type ProbeOptions } from './probe-endpoint.ts';
import { addReason, reason, type Reason } from '../report/reasons.ts';

export async function readAccounts(
  network: ResolvedNetwork,
  probes: readonly EndpointProbe[],
  adapter: ChainAdapter,
  options: ProbeOptions,
): Promise<AccountReading[]> {
  if (network.accounts.length === 0) return [];
  const answered = (p: EndpointProbe) => p.chain?.height !== null && p.chain?.height !== undefined && p.endpoint.visibility === 'public';
  const source = probes.find((p) => !p.endpoint.reference && answered(p)) ?? probes.find((p) => p.endpoint.reference && answered(p));
  if (!adapter.readAccounts || !source) {
    const why = source ? reason('invalid_response', `chain family ${network.chain} has no account watch`) : noSourceReason(probes);
    return failAll(network.accounts, [why]);
  }
  const lastRound = source.chain?.height ?? null;
  const read = adapter.readAccounts.bind(adapter);
  try {
    const end = await withSession(source.endpoint, options, ({ http, now }) =>
      read({ network, endpoint: source.endpoint, http, now }, network.accounts, lastRound));
    if (end.value === null) return failAll(network.accounts, end.connectionReasons);
    const readings = end.value;
    // One reading per configured account, in config order, whatever the adapter returned.
    // A connection of the session that failed (verification included) is every account's reason:
    // the server presented it to this read, whichever account's request met it.
    return network.accounts.map((a) => withReasons(
      readings.find((r) => r.address === a.address)
        ?? failOne(a, [reason('invalid_response', `endpoint ${source.endpoint.id} returned nothing for this account`)]),
      failOne(a, end.connectionReasons).reasons,
    ));
  } catch (err) {
    // A bug must not take the run down: report it on the accounts.
    const text = nodeText(err instanceof Error ? err.message : String(err));
    return failAll(network.accounts, [reason('invalid_response', `unexpected error while reading accounts: ${text}`)]);
  }
}

function withReasons(reading: AccountReading, extra: readonly Reason[]): AccountReading {
  const reasons = [...reading.reasons];
  for (const r of extra) addReason(reasons, r);
  return reasons.length === reading.reasons.length ? reading : { ...reading, reasons };
}

function failAll(accounts: readonly ResolvedAccount[], reasons: readonly Reason[]): AccountReading[] {
  return accounts.map((a) => failOne(a, reasons));
}

function failOne(account: ResolvedAccount, reasons: readonly Reason[]): AccountReading {
  return {
    address: account.address, participation: null, voteLastValid: null, daysToExpiry: null,
    reasons: reasons.map((r) => ({ code: r.code, message: `account ${account.address}: ${r.message}` })),
  };
}

function noSourceReason(probes: readonly EndpointProbe[]): Reason {
  const first = probes.find((p) => p.endpoint.visibility === 'public' && p.reasons.length > 0)?.reasons[0];
  return first ? { code: first.code, message: `no endpoint answered (${first.message})` } : reason('timeout', 'no endpoint answered');
}
