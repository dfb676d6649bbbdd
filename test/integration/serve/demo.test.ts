// `vantage demo` as a newcomer runs it: real hardhat nodes, a live page whose
// heights move, rpc-3 falling behind on its own, and Ctrl-C leaving nothing
// running.
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, runVantage, startVantage, type VantageProcess } from '../../support/vantage-process.ts';

type Summary = { components: { id: string; status: string; description: string | null }[] };

let demo: VantageProcess;
let cwd: string;

const json = async <T>(path: string) => (await (await fetch(`${demo.url}${path}`)).json()) as T;
const height = async (endpoint: string) => {
  const text = await (await fetch(`${demo.url}/metrics`)).text();
  const match = new RegExp(`^vantage_block_height\\{network="demo-evm",endpoint="${endpoint}",region="local"\\} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : null;
};
const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'vantage-demo-'));
  demo = await startVantage(['demo', '--port', '0'], { cwd, waitFor: /Status page\s+(http:\/\/127\.0\.0\.1:\d+)\//, timeoutMs: 90_000 });
}, 120_000);

afterAll(async () => {
  await demo?.stop('SIGKILL');
});

describe('vantage demo', () => {
  it('explains what is on the page and writes a config the user can reuse', () => {
    expect(demo.stdout()).toContain('rpc-3         a hardhat node that stops mining 20 s in');
    const config = parse(readFileSync(join(cwd, '.vantage', 'demo.yaml'), 'utf8')) as { networks: { endpoints: { id: string; url: string }[] }[] };
    expect(config.networks[0]!.endpoints.map((e) => e.id)).toEqual(['rpc-1', 'rpc-2', 'rpc-3', 'rpc-4']);
  });

  it('serves live data: heights climb between rounds and the closed port shows a major outage', async () => {
    const first = await eventually(() => height('rpc-1'), (h) => h !== null, 'a first height');
    await eventually(() => height('rpc-1'), (h) => h !== null && h > first! + 1, 'rpc-1 to mine more blocks');
    const summary = await json<Summary>('/api/v2/summary.json');
    expect(summary.components.find((c) => c.id === 'demo-evm/rpc-4')).toMatchObject({ status: 'major_outage', description: 'connection refused' });
    expect(summary.components.find((c) => c.id === 'demo-evm/rpc-1')!.status).toBe('operational');
  });

  it('shows rpc-3 falling behind once it stops mining, with the reason', async () => {
    const summary = await eventually(
      () => json<Summary>('/api/v2/summary.json'),
      (s) => s.components.some((c) => c.id === 'demo-evm/rpc-3' && c.status !== 'operational'),
      'rpc-3 to lag',
      90_000,
    );
    expect(summary.components.find((c) => c.id === 'demo-evm/rpc-3')!.description).toMatch(/^\d+ blocks behind the network \(max 3\)$/);
    expect(demo.stdout()).toMatch(/\] rpc-3 stopped mining: lagging once 4\+ blocks behind/);
    expect(demo.stdout()).toMatch(/\] rpc-3 is now degraded: lagging/);
  }, 120_000);

  it('stops every node it started on Ctrl-C and exits 0', async () => {
    const config = parse(readFileSync(join(cwd, '.vantage', 'demo.yaml'), 'utf8')) as { networks: { endpoints: { url: string }[] }[] };
    const ports = config.networks[0]!.endpoints.slice(0, 3).map((e) => Number(new URL(e.url).port));
    for (const port of ports) expect(await refused(port)).toBe(false);
    const { code } = await demo.stop('SIGINT');
    expect(code).toBe(0);
    expect(demo.stdout()).toContain('Stopped the demo and its 3 hardhat nodes.');
    for (const port of ports) expect(await refused(port), `port ${port}`).toBe(true);
  });
});

describe('vantage demo --port', () => {
  it('a port that is taken is a usage error: exit 2, one line naming the port, and the nodes it started are stopped', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runVantage(['demo', '--port', String(port)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`vantage demo: port ${port} on 127.0.0.1 is already in use (choose another with --port) (see "vantage demo --help")\n`);
      expect(run.stdout).toContain('Stopped the demo and its 3 hardhat nodes.');
    } finally {
      blocker.close();
    }
  }, 120_000);
});
