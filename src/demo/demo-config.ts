// The config `vantage demo` writes and runs: one EVM network of local nodes
// with thresholds small enough to see a lagging node within seconds.
import { stringify } from 'yaml';

export const DEMO_NETWORK = 'demo-evm';

/** Demo thresholds: blocks every second, lagging past 3 blocks, stale after 15 s without a block. */
export const DEMO_THRESHOLDS = { blockTimeSeconds: 1, maxLagBlocks: 3, maxHeadAgeSeconds: 15 } as const;

export interface DemoEndpoints {
  /** rpc-1, rpc-2, rpc-3 in order: rpc-3 is the one that stalls. */
  readonly nodeUrls: readonly [string, string, string];
  /** A port nothing listens on. */
  readonly closedPort: number;
}

export function demoConfigYaml(endpoints: DemoEndpoints): string {
  const config = {
    version: 1,
    status: { title: 'Vantage demo: local EVM nodes' },
    defaults: { timeoutMs: 2000 },
    networks: [
      {
        id: DEMO_NETWORK,
        chain: 'evm',
        ...DEMO_THRESHOLDS,
        expect: { chainId: 31337 },
        endpoints: [
          { id: 'rpc-1', url: endpoints.nodeUrls[0] },
          { id: 'rpc-2', url: endpoints.nodeUrls[1] },
          { id: 'rpc-3', url: endpoints.nodeUrls[2] },
          { id: 'rpc-4', url: `http://127.0.0.1:${endpoints.closedPort}` },
        ],
      },
    ],
  };
  return `# Written by \`vantage demo\`: three local hardhat nodes (rpc-3 stalls on purpose)\n# and one port nothing listens on (rpc-4). Regenerated on every run.\n${stringify(config)}`;
}
