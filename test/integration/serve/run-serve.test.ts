// `vantage run --serve` against real hardhat nodes: the CLI process as a user
// starts it, heights moved by mining real blocks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.ts';
import { startHardhat, type HardhatNode } from '../../support/hardhat.ts';
import { eventually, runVantage, startVantage, type VantageProcess } from '../../support/vantage-process.ts';

const schema = JSON.parse(readFileSync(new URL('../../fixtures/status/statuspage-v2-summary.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const validateSummary = ajv.compile(schema);

type Summary = { components: { id: string; status: string; description: string | null }[]; incidents: { id: string; name: string; status: string; resolved_at: string | null }[] };

let nodes: HardhatNode[] = [];
let dir: string;
let config: string;
let historyFile: string;
let closedPort: number;
let vantage: VantageProcess;

const get = async (path: string, init?: RequestInit) => fetch(`${vantage.url}${path}`, init);
const json = async <T>(path: string) => (await (await get(path)).json()) as T;
const component = (s: Summary, id: string) => s.components.find((c) => c.id === id);

beforeAll(async () => {
  nodes = await Promise.all([startHardhat(), startHardhat(), startHardhat()]);
  await Promise.all(nodes.map((n) => n.mine(5)));
  closedPort = await freePort();
  dir = mkdtempSync(join(tmpdir(), 'vantage-serve-'));
  config = join(dir, 'vantage.yaml');
  historyFile = join(dir, 'state', 'history.json');
  writeFileSync(config, `version: 1
status: { title: Serve test status }
networks:
  - id: local-evm
    chain: evm
    blockTimeSeconds: 1
    maxLagBlocks: 3
    maxHeadAgeSeconds: 3600
    expect: { chainId: 31337 }
    endpoints:
      - { id: node-a, url: "${nodes[0]!.url}" }
      - { id: node-b, url: "${nodes[1]!.url}" }
      - { id: node-c, url: "${nodes[2]!.url}" }
      - { id: node-d, url: "http://127.0.0.1:${closedPort}", timeoutMs: 2000 }
      - { id: ref-node, url: "${nodes[0]!.url}", reference: true }
      - { id: admin-port, url: "http://127.0.0.1:${closedPort}", visibility: private }
`);
  vantage = await startVantage(['run', '--config', config, '--serve', '--port', '0', '--interval', '1', '--history', historyFile]);
  await eventually(() => json<{ rounds: number }>('/healthz'), (h) => h.rounds >= 1, 'the first round');
});

afterAll(async () => {
  await vantage?.stop('SIGKILL');
  await Promise.all(nodes.map((n) => n.stop()));
});

describe('vantage run --serve on real nodes', () => {
  it('serves /metrics with blackbox_exporter names that a Prometheus parser and promtool accept', async () => {
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${promtool.stdout}${promtool.stderr}`).toBe('');
    expect(promtool.status).toBe(0);
    const families = parsePrometheusTextFormat(text);
    const sample = (name: string, endpoint: string) => families.find((f) => f.name === name)?.metrics.find((m) => m.labels?.['endpoint'] === endpoint);
    expect(sample('probe_success', 'node-a')).toMatchObject({ labels: { network: 'local-evm', endpoint: 'node-a', region: 'local' }, value: '1' });
    expect(sample('probe_success', 'node-d')!.value).toBe('0');
    expect(Number(sample('vantage_block_height', 'node-a')!.value)).toBeGreaterThanOrEqual(5);
    expect(Number(sample('probe_duration_seconds', 'node-a')!.value)).toBeGreaterThan(0);
    expect(families.find((f) => f.name === 'probe_http_duration_seconds')!.metrics.filter((m) => m.labels?.['endpoint'] === 'node-a').map((m) => m.labels!['phase']).sort())
      .toEqual(['connect', 'processing', 'resolve', 'tls', 'transfer']);
  });

  it('shows an endpoint that falls behind as degraded with its reason, in summary.json, the feed and the page', async () => {
    await Promise.all([nodes[0]!.mine(10), nodes[2]!.mine(10)]);
    const summary = await eventually(() => json<Summary>('/api/v2/summary.json'), (s) => component(s, 'local-evm/node-b')?.status === 'degraded_performance', 'node-b degraded');
    expect(validateSummary(summary), ajv.errorsText(validateSummary.errors)).toBe(true);
    expect(component(summary, 'local-evm/node-b')!.description).toBe('10 blocks behind the network (max 3)');
    expect(component(summary, 'local-evm/node-d')).toMatchObject({ status: 'major_outage', description: 'connection refused' });
    expect(component(summary, 'local-evm')!.status).toBe('partial_outage');
    expect(summary.incidents.map((i) => i.name)).toContain('node-b on local-evm: degraded performance');
    const feed = await (await get('/feed.atom')).text();
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toContain('<title>Investigating: node-b on local-evm: degraded performance</title>');
    const html = await (await get('/')).text();
    expect(html).toContain('10 blocks behind the network (max 3)');
  });

  it('never puts node URLs, reference or private endpoints into the public files', async () => {
    for (const path of ['/', '/api/v2/summary.json', '/api/v2/incidents.json', '/history.json', '/feed.atom', '/badges/local-evm.json']) {
      const body = await (await get(path)).text();
      for (const node of nodes) expect(body, path).not.toContain(`:${node.port}`);
      expect(body, path).not.toContain(`:${closedPort}`);
      expect(body, path).not.toMatch(/ref-node|admin-port/);
    }
  });

  it('keeps no URL or operator message in the history file or /metrics (URLs can carry keys)', async () => {
    const saved = readFileSync(historyFile, 'utf8');
    const metrics = await (await get('/metrics')).text();
    for (const [what, body] of [['history file', saved], ['/metrics', metrics]] as const) {
      for (const node of nodes) expect(body, what).not.toContain(`:${node.port}`);
      expect(body, what).not.toContain(`:${closedPort}`);
      expect(body, what).not.toContain('connection refused by');
    }
    // The history does know the endpoint that is down, by id and in public words.
    expect(saved).toContain('node-d (local-evm): connection refused');
  });

  it('resolves the incident once the endpoint catches up', async () => {
    await nodes[1]!.mine(10);
    const incidents = await eventually(
      () => json<Summary>('/api/v2/incidents.json'),
      (s) => s.incidents.some((i) => i.name.startsWith('node-b') && i.status === 'resolved'),
      'node-b resolved',
    );
    const resolved = incidents.incidents.find((i) => i.name.startsWith('node-b'))!;
    expect(resolved.resolved_at).not.toBeNull();
    const summary = await json<Summary>('/api/v2/summary.json');
    expect(component(summary, 'local-evm/node-b')!.status).toBe('operational');
    expect(summary.incidents.map((i) => i.id)).not.toContain(resolved.id);
  });

  it('serves each file with its content type, answers HEAD, refuses writes and 404s unknown paths', async () => {
    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/api/v2/status.json': 'application/json; charset=utf-8',
      '/history.json': 'application/json; charset=utf-8',
      '/feed.atom': 'application/atom+xml; charset=utf-8',
      '/badges/local-evm.json': 'application/json; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const r = await get(path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type'), path).toBe(type);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect((await get('/')).headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect((await get('/api/v2/summary.json')).headers.get('access-control-allow-origin')).toBe('*');
    const head = await get('/api/v2/summary.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await get('/api/v2/summary.json', { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/badges/nope.json')).status).toBe(404);
    expect((await get('/../../etc/passwd')).status).toBe(404);
  });

  it('reports health with the number of completed rounds', async () => {
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    const body = (await r.json()) as { status: string; rounds: number; lastRoundAt: string };
    expect(body.status).toBe('ok');
    expect(body.rounds).toBeGreaterThanOrEqual(2);
  });

  it('stops on SIGTERM with exit 0 and keeps the history, which a restart serves at once', async () => {
    const before = await json<Summary>('/api/v2/incidents.json');
    const { code } = await vantage.stop('SIGTERM');
    expect(code).toBe(0);
    const saved = JSON.parse(readFileSync(historyFile, 'utf8')) as { rounds: number };
    expect(saved.rounds).toBeGreaterThanOrEqual(2);
    vantage = await startVantage(['run', '--config', config, '--serve', '--port', '0', '--interval', '3600', '--history', historyFile]);
    const after = await json<Summary>('/api/v2/incidents.json');
    expect(after.incidents.map((i) => i.id)).toEqual(expect.arrayContaining(before.incidents.map((i) => i.id)));
    const { code: again } = await vantage.stop('SIGINT');
    expect(again).toBe(0);
  });
});

describe('vantage run without --serve', () => {
  it('prints one JSON report per round with --json and stops cleanly on SIGTERM', async () => {
    const process = await startVantage(['run', '--config', config, '--interval', '1', '--json'], { waitFor: /^(\{"schemaVersion":1.*)$/m });
    const report = JSON.parse(process.stdout().split('\n')[0]!) as { region: string; networks: { endpoints: { id: string; status: string }[] }[] };
    expect(report.region).toBe('local');
    expect(report.networks[0]!.endpoints.find((e) => e.id === 'node-d')!.status).toBe('down');
    const { code } = await process.stop('SIGTERM');
    expect(code).toBe(0);
    expect(process.stderr()).toBe('');
  });
});

describe('vantage run usage errors', () => {
  it.each([
    [['run', '--interval', '5'], /--config FILE is required/],
    [['run', '--config', 'examples/local.yaml', '--interval', '0'], /--interval must be a number of seconds, at least 1 \(got "0"\)/],
    [['run', '--config', 'examples/local.yaml', '--serve', '--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['run', '--config', 'examples/local.yaml', '--port', '9000'], /--port and --host need --serve/],
  ])('%j exits 2 with one line naming the problem', async (args, message) => {
    const { code, stdout, stderr } = await runVantage(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('exits 2 naming the port when it is already in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, stderr } = await runVantage(['run', '--config', 'examples/local.yaml', '--serve', '--port', String(port)]);
      expect(code).toBe(2);
      expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('exits 2 and leaves an unreadable history file untouched', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vantage-history-')), 'history.json');
    writeFileSync(file, '{"format": 1, "oops": true}');
    const { code, stderr } = await runVantage(['run', '--config', 'examples/local.yaml', '--history', file, '--interval', '1']);
    expect(code).toBe(2);
    expect(stderr).toContain(`history file ${file} is not a Vantage history`);
    expect(readFileSync(file, 'utf8')).toBe('{"format": 1, "oops": true}');
  });
});
