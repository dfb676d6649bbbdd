// What the demo does to rpc-3, on a loop: mine normally, stop mining (it
// falls behind, then its head goes stale), catch up and mine again (its
// incident resolves). Every step is told to the person watching.
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_THRESHOLDS } from './demo-config.ts';
import type { LocalNode } from './local-node.ts';

export const SCENARIO = {
  /** Seconds of normal mining before rpc-3 first stalls. */
  firstStallAfter: 20,
  /** Seconds rpc-3 stays stalled: long enough to go stale. */
  stalledFor: 30,
  /** Seconds of normal mining between stalls. */
  healthyFor: 30,
  blockIntervalMs: DEMO_THRESHOLDS.blockTimeSeconds * 1000,
} as const;

export interface ScenarioNodes {
  /** A node that keeps mining (the height to catch up to). */
  readonly healthy: LocalNode;
  readonly laggard: LocalNode;
}

/** Runs until `signal` fires. Failures (a node gone) are told, not thrown. */
export async function runLagScenario(nodes: ScenarioNodes, tell: (line: string) => void, signal: AbortSignal): Promise<void> {
  try {
    await sleep(SCENARIO.firstStallAfter * 1000, undefined, { signal });
    for (;;) {
      await nodes.laggard.setIntervalMining(0);
      tell(`rpc-3 stopped mining: lagging once ${DEMO_THRESHOLDS.maxLagBlocks + 1}+ blocks behind (degraded), ` +
        `stale after ${DEMO_THRESHOLDS.maxHeadAgeSeconds} s without a block (down).`);
      await sleep(SCENARIO.stalledFor * 1000, undefined, { signal });
      const behind = (await nodes.healthy.blockNumber()) - (await nodes.laggard.blockNumber());
      await nodes.laggard.mine(behind);
      await nodes.laggard.setIntervalMining(SCENARIO.blockIntervalMs);
      tell(`rpc-3 caught up (${behind} blocks) and mines again: its incident resolves. Next stall in ${SCENARIO.healthyFor} s.`);
      await sleep(SCENARIO.healthyFor * 1000, undefined, { signal });
    }
  } catch (err) {
    if (signal.aborted) return;
    tell(`the lag scenario stopped: ${err instanceof Error ? err.message : String(err)}`);
  }
}
