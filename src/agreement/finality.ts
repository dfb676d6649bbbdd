// Finality across one network's endpoints in one region: how far each
// endpoint's finalized head trails its head, in blocks and seconds, and
// finality_lagging past maxFinalityLagSeconds. Pure: plain data in, findings
// out. One endpoint lagging points at its node; every endpoint lagging points
// at the chain, and the message says which.
import type { FinalityReading } from '../chains/adapter.ts';
import type { ChainFamily } from '../config/families.ts';
import { reason, type Reason, type ReasonCode } from '../report/reasons.ts';
import { EXCLUDING } from './agreement.ts';
import { formatDuration } from './format-duration.ts';

export interface FinalityInput {
  readonly id: string;
  readonly finality: FinalityReading | null;
  /** Reason codes the endpoint already has: one on the wrong chain or syncing says nothing about the chain's finality. */
  readonly codes: readonly ReasonCode[];
}

export interface FinalitySettings {
  readonly family: ChainFamily;
  readonly blockTimeSeconds: number;
  /** null: not judged (instant or unreadable finality). */
  readonly maxFinalityLagSeconds: number | null;
}

export interface EndpointFinality {
  readonly finalizedHeight: number | null;
  readonly finalityLagBlocks: number | null;
  readonly finalityLagSeconds: number | null;
  readonly reasons: readonly Reason[];
}

const UNKNOWN: Omit<EndpointFinality, 'reasons'> = { finalizedHeight: null, finalityLagBlocks: null, finalityLagSeconds: null };

/** What an operator checks when one node's finalized head falls behind. */
const NODE_HINT: Readonly<Partial<Record<ChainFamily, string>>> = {
  evm: 'check that its consensus client (beacon node) is synced and has peers',
  substrate: 'check its peers and its GRANDPA finality in the node log',
  solana: 'check that it keeps up replaying and voting (its root is behind the cluster)',
};

export function judgeFinality(inputs: readonly FinalityInput[], settings: FinalitySettings): Map<string, EndpointFinality> {
  const measured = inputs.map((input) => ({ input, ...measure(input.finality, settings.blockTimeSeconds) }));
  const max = settings.maxFinalityLagSeconds;
  const isLagging = (seconds: number | null) => max !== null && seconds !== null && seconds > max;
  const speaking = measured.filter((m) => m.finalityLagSeconds !== null && !m.input.codes.some((c) => EXCLUDING.has(c)));
  // With two or more endpoints able to say, all of them lagging is the chain, not a node.
  const chainWide = speaking.length >= 2 && speaking.every((m) => isLagging(m.finalityLagSeconds));
  const out = new Map<string, EndpointFinality>();
  for (const m of measured) {
    const reasons = isLagging(m.finalityLagSeconds) ? [lagging(m, max!, settings.family, chainWide)] : [];
    out.set(m.input.id, { finalizedHeight: m.finalizedHeight, finalityLagBlocks: m.finalityLagBlocks, finalityLagSeconds: m.finalityLagSeconds, reasons });
  }
  return out;
}

/** Seconds from the blocks' own timestamps where the adapter had them, else blocks × blockTimeSeconds. */
function measure(finality: FinalityReading | null, blockTimeSeconds: number): Omit<EndpointFinality, 'reasons'> {
  if (!finality) return UNKNOWN;
  const seconds = finality.lagSeconds ?? finality.lagBlocks * blockTimeSeconds;
  return {
    finalizedHeight: finality.finalizedHeight,
    finalityLagBlocks: finality.lagBlocks,
    finalityLagSeconds: Math.round(seconds * 10) / 10,
  };
}

function lagging(m: Omit<EndpointFinality, 'reasons'>, max: number, family: ChainFamily, chainWide: boolean): Reason {
  const unit = family === 'solana' ? 'slots' : 'blocks';
  const where = m.finalizedHeight !== null && family !== 'solana' ? `finalized block ${m.finalizedHeight}, ` : '';
  const facts = `${where}${m.finalityLagBlocks} ${unit} behind; max ${formatDuration(max)}`;
  const action = chainWide
    ? 'every endpoint of the network sees it: the chain itself is not finalizing; nothing to fix on one node, follow the chain\'s own status'
    : `this node's finality is stuck or behind${NODE_HINT[family] ? `: ${NODE_HINT[family]}` : ''}`;
  return reason('finality_lagging', `finalized head is ${formatDuration(m.finalityLagSeconds!)} behind the head (${facts}); ${action}`);
}
