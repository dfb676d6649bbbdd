// Real hardhat 3 JSON-RPC nodes on 127.0.0.1 for tests and benches: the same
// launcher `vantage demo` uses (port 0, killed on exit), under the name the
// tests know.
import { startLocalNode, type LocalNode } from '../../src/demo/local-node.ts';

export type HardhatNode = LocalNode;

export function startHardhat(options: { startupMs?: number } = {}): Promise<HardhatNode> {
  return startLocalNode(options);
}
