// Part 4: a full check of a 200-endpoint EVM config: 10 networks of 20
// endpoints, each network with 2 endpoints on real hardhat nodes (plain
// HTTP, as hardhat serves) and 18 on JSON-RPC fakes over HTTPS that answer
// in 10 ms (a nearby node), 2 of them 50 blocks behind (agreement must flag
// them `lagging`). Every probe runs the full EVM adapter (chainId, latest
// block, syncing, peers, the admin/personal exposure calls).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startHardhat, type HardhatNode } from '../../test/support/hardhat.ts';
import type { LoopbackServerReady } from '../servers/loopback-server.ts';
import type { BenchCertificates } from '../support/bench-certificates.ts';
import { runInChild, startService, type Service } from '../support/child-process.ts';
import type { BenchSettings, PartResult } from '../support/part-result.ts';
import { round3 } from '../support/stats.ts';
import { benchTempDir } from '../support/temp-dir.ts';
import type { FullRoundInput, FullRoundResult } from '../workers/full-round.ts';

const NETWORKS = 10;
const PER_NETWORK = 20;
const HARDHAT_PER_NETWORK = 2;
const FAKES_PER_NETWORK = PER_NETWORK - HARDHAT_PER_NETWORK;
const LAG_BLOCKS = 50;
/** Listener i of the fakes reports height + offset[i % 9]: 2 of every 18 lag. */
const OFFSETS = [0, 0, 0, 0, 0, 0, 0, 0, -LAG_BLOCKS];
const HARDHAT_CHAIN_ID = 31337;

export async function fullRound(certs: BenchCertificates, settings: BenchSettings): Promise<PartResult> {
  const nodes: HardhatNode[] = [];
  let fakes: Service<LoopbackServerReady> | null = null;
  try {
    nodes.push(...(await Promise.all([startHardhat(), startHardhat()])));
    await Promise.all(nodes.map((n) => n.mine(100)));
    const height = await nodes[0]!.blockNumber();
    const chainId = Number(await nodes[0]!.rpc<string>('eth_chainId'));
    if (chainId !== HARDHAT_CHAIN_ID) throw new Error(`hardhat answers chainId ${chainId}, the bench expects ${HARDHAT_CHAIN_ID}`);
    fakes = await startService<LoopbackServerReady>('servers/loopback-server.ts', {
      tls: { certFile: certs.certFile, keyFile: certs.keyFile }, listeners: NETWORKS * FAKES_PER_NETWORK, delayMs: 10, kind: 'evm',
      evm: { chainId, height, heightOffsets: OFFSETS },
    }, { timeoutMs: 30_000 });

    const ports = fakes.ready.ports;
    const config = {
      version: 1,
      networks: Array.from({ length: NETWORKS }, (_, n) => ({
        id: `evm-${n}`,
        chain: 'evm',
        expect: { chainId },
        endpoints: [
          ...nodes.map((node, i) => ({ id: `hardhat-${i}`, url: node.url })),
          ...ports.slice(n * FAKES_PER_NETWORK, (n + 1) * FAKES_PER_NETWORK).map((port, i) => ({ id: `fake-${i}`, url: `https://127.0.0.1:${port}/`, tls: { caFile: certs.caFile } })),
        ],
      })),
    };
    const configFile = join(benchTempDir('round'), 'vantage.yaml');
    writeFileSync(configFile, stringify(config));

    const rounds = settings.quick ? 2 : 4;
    const result = await runInChild<FullRoundResult>('workers/full-round.ts', { configFile, rounds } satisfies FullRoundInput, { timeoutMs: 180_000 });
    const expectedLagging = NETWORKS * FAKES_PER_NETWORK * (OFFSETS.filter((o) => o !== 0).length / OFFSETS.length);
    for (const check of result.checks) {
      if (check.endpoints !== NETWORKS * PER_NETWORK || check.withHeight !== check.endpoints || check.statuses['degraded'] !== expectedLagging) {
        throw new Error(`unexpected check result: ${check.withHeight} of ${check.endpoints} endpoints read a height, statuses ${JSON.stringify(check.statuses)} (expected ${expectedLagging} degraded)`);
      }
    }
    const [first, ...rest] = result.checks;
    const warmWall = rest.map((c) => c.wallMs);
    const warmCpu = rest.map((c) => c.cpuMs);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor((v.length - 1) / 2)]!;
    return {
      id: 'full-round',
      title: `4. Full check: ${NETWORKS * PER_NETWORK} EVM endpoints (${NETWORKS * HARDHAT_PER_NETWORK} on hardhat, ${NETWORKS * FAKES_PER_NETWORK} HTTPS fakes)`,
      rows: [
        { measure: 'vantage check, first in a fresh process: wall / CPU', value: `${Math.round(result.loadWallMs + first!.wallMs)} / ${Math.round(result.loadCpuMs + first!.cpuMs)} ms` },
        { measure: '  of which loading the CLI: wall / CPU', value: `${Math.round(result.loadWallMs)} / ${Math.round(result.loadCpuMs)} ms` },
        { measure: 'repeat round (vantage run): wall / CPU, median', value: `${Math.round(median(warmWall))} / ${Math.round(median(warmCpu))} ms` },
        { measure: 'CPU per endpoint, repeat round', value: `${Math.round((median(warmCpu) * 1000) / (NETWORKS * PER_NETWORK))} µs` },
      ],
      notes: [
        `Through the CLI's main() ("check --config FILE --json"): config load and validation, probes (probe.concurrency 32, the default), agreement, the JSON report. Each endpoint probe sends 7 JSON-RPC calls (4 reads, 3 exposure checks) on one fresh connection. Every check found all ${NETWORKS * PER_NETWORK} heights and flagged exactly the ${expectedLagging} lagging fakes. hardhat's and the fakes' CPU is not counted.`,
      ],
      data: {
        networks: NETWORKS, endpoints: NETWORKS * PER_NETWORK, hardhatNodes: nodes.length, rounds,
        loadWallMs: round3(result.loadWallMs), loadCpuMs: round3(result.loadCpuMs),
        checks: result.checks.map((c) => ({ wallMs: round3(c.wallMs), cpuMs: round3(c.cpuMs), exitCode: c.exitCode, statuses: c.statuses })),
      },
    };
  } finally {
    await fakes?.stop();
    await Promise.all(nodes.map((n) => n.stop()));
  }
}
