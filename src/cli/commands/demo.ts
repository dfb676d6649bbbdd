// `vantage demo` (`npm start`): real local nodes, one of them made to lag,
// probed every 2 s and shown on the status page. Ctrl-C stops everything it
// started.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { prepareConfig } from '../../config/index.ts';
import { closedLoopbackPort } from '../../demo/closed-port.ts';
import { DEMO_NETWORK, DEMO_THRESHOLDS, demoConfigYaml } from '../../demo/demo-config.ts';
import { runLagScenario, SCENARIO } from '../../demo/lag-scenario.ts';
import { startLocalNode, type LocalNode } from '../../demo/local-node.ts';
import type { Report } from '../../report/report.ts';
import { runService } from '../../serve/run-service.ts';
import { PortInUseError } from '../../serve/status-server.ts';
import { EXIT, parseFlags, UsageError, type Command, type CommandIo } from '../command.ts';
import { DEFAULT_HOST, DEFAULT_PORT, parsePort } from './run.ts';

export const DEMO_INTERVAL_SECONDS = 2;

export const demo: Command = {
  name: 'demo',
  summary: 'start local EVM nodes (one made to lag) and serve their live status page',
  help: `Usage: vantage demo [--port ${DEFAULT_PORT}]

Starts three real hardhat EVM nodes on 127.0.0.1 that mine a block every
second, writes a config for them plus one port nothing listens on
(.vantage/demo.yaml), probes them every ${DEMO_INTERVAL_SECONDS} s and serves the status page,
the feed files and Prometheus /metrics (as "vantage run --serve" does).

${SCENARIO.firstStallAfter} s in, rpc-3 stops mining: it falls behind (degraded), then its newest
block gets too old (down); ${SCENARIO.stalledFor} s later it catches up and its incident resolves.
This repeats every ${SCENARIO.stalledFor + SCENARIO.healthyFor} s.

Options:
      --port N   port for the status page (default ${DEFAULT_PORT}, or any free port when it is taken)
  -h, --help     show this help

Ctrl-C stops the demo and every node it started.
`,
  async run(argv, io) {
    const { values } = parseFlags('demo', argv, { port: { type: 'string' } });
    const port = parsePort(values.port, 'demo');
    io.stdout.write('Starting 3 local hardhat nodes...\n');
    const started = await Promise.allSettled([startLocalNode(), startLocalNode(), startLocalNode()]);
    const nodes = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    try {
      if (failure) {
        io.stderr.write(`vantage demo: could not start a hardhat node: ${String(failure.reason?.message ?? failure.reason).split('\n')[0]}\n`);
        return EXIT.findings;
      }
      if (io.signal.aborted) return EXIT.ok;
      return await serveDemo(nodes as [LocalNode, LocalNode, LocalNode], port, values.port === undefined, io);
    } finally {
      await Promise.all(nodes.map((n) => n.stop()));
      if (nodes.length) io.stdout.write(`Stopped the demo and its ${nodes.length} hardhat node${nodes.length === 1 ? '' : 's'}.\n`);
    }
  },
};

async function serveDemo(nodes: [LocalNode, LocalNode, LocalNode], port: number, portIsDefault: boolean, io: CommandIo): Promise<number> {
  // Start all clocks together so the healthy nodes stay within a block of each other.
  await Promise.all(nodes.map((n) => n.setIntervalMining(SCENARIO.blockIntervalMs)));
  const file = writeDemoConfig(demoConfigYaml({ nodeUrls: [nodes[0].url, nodes[1].url, nodes[2].url], closedPort: await closedLoopbackPort() }));
  const { config, redactor } = await prepareConfig(file, { env: io.env });
  const startedAt = Date.now();
  const elapsed = () => {
    const s = Math.floor((Date.now() - startedAt) / 1000);
    return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  };
  const tell = (line: string) => io.stdout.write(`[${elapsed()}] ${line}\n`);
  const scenarioStop = new AbortController();
  const stopScenario = () => scenarioStop.abort();
  io.signal.addEventListener('abort', stopScenario, { once: true });
  let scenario: Promise<void> | null = null;
  const lastSeen = new Map<string, string>();

  const serve = (listenPort: number) =>
    runService({
      config,
      redactor,
      region: 'local',
      intervalSeconds: DEMO_INTERVAL_SECONDS,
      serve: { plan: { page: { host: DEFAULT_HOST, port: listenPort }, metrics: null }, allowedHosts: [] },
      historyFile: null,
      signal: io.signal,
      log: (line) => io.stderr.write(`${line}\n`),
      onListening: ({ url }) => {
        io.stdout.write(introduction(url, relative(process.cwd(), file) || file));
        scenario = runLagScenario({ healthy: nodes[0], laggard: nodes[2] }, tell, scenarioStop.signal);
      },
      // Only changes: a line every 2 s would scroll the explanation away.
      onReport: (report: Report) => endpointChanges(report, lastSeen).forEach(tell),
    });
  try {
    await serve(port);
  } catch (err) {
    if (!(err instanceof PortInUseError)) throw err;
    // A port the user chose is theirs to change; the default one is ours.
    if (!portIsDefault) throw new UsageError(err.message, 'demo');
    io.stdout.write(`Port ${port} is taken; using a free port instead.\n`);
    await serve(0);
  } finally {
    stopScenario();
    io.signal.removeEventListener('abort', stopScenario);
    await scenario;
  }
  return EXIT.ok;
}

/** "rpc-3 is now degraded: lagging" for each endpoint whose status or reasons changed since the last round. */
export function endpointChanges(report: Report, lastSeen: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const endpoint of report.networks.flatMap((n) => n.endpoints)) {
    const codes = [...new Set(endpoint.reasons.map((r) => r.code))].join(', ');
    const now = `${endpoint.status}: ${codes}`;
    const before = lastSeen.get(endpoint.id);
    lastSeen.set(endpoint.id, now);
    if (now === before || (before === undefined && endpoint.status === 'up')) continue;
    lines.push(endpoint.status === 'up' ? `${endpoint.id} is up again` : `${endpoint.id} is ${before === undefined ? '' : 'now '}${endpoint.status}: ${codes.replaceAll('_', ' ')}`);
  }
  return lines;
}

/** .vantage/demo.yaml in the working directory (so it can be read and reused), else a temp dir. */
function writeDemoConfig(text: string): string {
  for (const dir of [join(process.cwd(), '.vantage'), join(tmpdir(), `vantage-demo-${process.pid}`)]) {
    try {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, 'demo.yaml');
      writeFileSync(file, text);
      return file;
    } catch {
      // read-only working directory: try the next place
    }
  }
  throw new Error('cannot write the demo config to .vantage/ or the temp directory');
}

function introduction(url: string, configFile: string): string {
  return `
Vantage demo: probing network "${DEMO_NETWORK}" every ${DEMO_INTERVAL_SECONDS} s.

  Status page   ${url}/
  Metrics       ${url}/metrics   (Prometheus, blackbox_exporter names)
  Feed files    ${url}/api/v2/summary.json, ${url}/feed.atom
  Config        ${configFile}   (try: npx vantage check --config ${configFile})

What you are looking at:
  rpc-1, rpc-2  healthy hardhat nodes, a new block every ${DEMO_THRESHOLDS.blockTimeSeconds} s
  rpc-3         a hardhat node that stops mining ${SCENARIO.firstStallAfter} s in: it falls behind (lagging,
                degraded), then its newest block gets older than ${DEMO_THRESHOLDS.maxHeadAgeSeconds} s (stale head, down);
                ${SCENARIO.stalledFor} s later it catches up and its incident resolves. This repeats.
  rpc-4         a port nothing listens on: connection refused (down)

Ctrl-C stops the demo and every node it started.

`;
}
