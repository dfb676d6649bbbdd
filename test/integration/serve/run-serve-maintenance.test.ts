// `vantage run --serve` with a maintenance window open over an endpoint that
// is down (a closed port): the real CLI process, real rounds, the window a
// few seconds long so the test sees it start, hold and end.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port.ts';
import { eventually, startVantage, type VantageProcess } from '../../support/vantage-process.ts';

const schema = JSON.parse(readFileSync(new URL('../../fixtures/status/statuspage-v2-summary.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
const validateSummary = ajv.compile(schema);

interface Maintenance { id: string; name: string; status: string; impact: string; scheduled_for: string; scheduled_until: string; components: { id: string; status: string }[] }
interface Summary {
  status: { indicator: string; description: string };
  components: { id: string; status: string; description: string | null }[];
  incidents: { id: string; name: string; started_at: string }[];
  scheduled_maintenances: Maintenance[];
}
interface History { components: { id: string; uptime: number | null; days: { date: string; uptime: number | null; maintenance_ms: number }[] }[] }
interface SavedHistory { rounds: number; uptime: Record<string, Record<string, [number, number]>> }

/** The window lasts this long from the test's start; long enough for the process to start and run rounds inside it. */
const WINDOW_MS = 15_000;

let vantage: VantageProcess;
let historyFile: string;
let windowEnd: number;
const json = async <T>(path: string) => (await (await fetch(`${vantage.url}${path}`)).json()) as T;
const component = (s: Summary, id: string) => s.components.find((c) => c.id === id);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-maintenance-'));
  const config = join(dir, 'vantage.yaml');
  historyFile = join(dir, 'history.json');
  const now = Date.now();
  // Config times are whole seconds: round the start down and the end up.
  const start = Math.floor((now - 1000) / 1000) * 1000;
  windowEnd = Math.ceil((now + WINDOW_MS) / 1000) * 1000;
  writeFileSync(config, `version: 1
status: { title: Maintenance test status }
maintenance:
  - { id: node-upgrade, title: Node upgrade, start: "${iso(start)}", end: "${iso(windowEnd)}", endpoints: [local-evm/node-down] }
  - { id: disk-swap, title: Disk swap, start: "${iso(now + 3_600_000)}", end: "${iso(now + 7_200_000)}", networks: [local-evm] }
networks:
  - id: local-evm
    chain: evm
    endpoints:
      - { id: node-down, url: "http://127.0.0.1:${await freePort()}", timeoutMs: 2000 }
`);
  vantage = await startVantage(['run', '--config', config, '--serve', '--port', '0', '--interval', '1', '--history', historyFile]);
  await eventually(() => json<{ rounds: number }>('/healthz'), (h) => h.rounds >= 2, 'two rounds');
});

afterAll(async () => {
  await vantage?.stop('SIGKILL');
});

describe('vantage run --serve with a maintenance window over an endpoint that is down', () => {
  it('shows the endpoint under maintenance with no incident, the window in progress and the next one scheduled', async () => {
    expect(Date.now(), 'precondition: the window is still open (this machine took it all to start the process)').toBeLessThan(windowEnd - 2000);
    const summary = await json<Summary>('/api/v2/summary.json');
    expect(validateSummary(summary), ajv.errorsText(validateSummary.errors)).toBe(true);
    expect(component(summary, 'local-evm/node-down')).toMatchObject({ status: 'under_maintenance', description: expect.stringMatching(/^Maintenance: Node upgrade \(until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)$/) });
    expect(component(summary, 'local-evm')!.status).toBe('under_maintenance');
    expect(summary.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
    expect(summary.incidents).toEqual([]);
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status, m.impact])).toEqual([
      ['node-upgrade', 'in_progress', 'maintenance'],
      ['disk-swap', 'scheduled', 'maintenance'],
    ]);
    expect(summary.scheduled_maintenances[0]!.components.map((c) => [c.id, c.status])).toEqual([['local-evm/node-down', 'under_maintenance']]);
    expect((await json<{ scheduled_maintenances: Maintenance[] }>('/api/v2/scheduled-maintenances/active.json')).scheduled_maintenances.map((m) => m.id)).toEqual(['node-upgrade']);
    expect((await json<{ scheduled_maintenances: Maintenance[] }>('/api/v2/scheduled-maintenances/upcoming.json')).scheduled_maintenances.map((m) => m.id)).toEqual(['disk-swap']);
    expect((await json<{ incidents: unknown[] }>('/api/v2/incidents.json')).incidents).toEqual([]);
    // Rounds inside the window are not uptime: none counted yet.
    const history = await json<History>('/history.json');
    const today = history.components.find((c) => c.id === 'local-evm/node-down')!.days.at(-1)!;
    expect(today.uptime).toBeNull();
    expect(today.maintenance_ms).toBeGreaterThan(0);
    const feed = await (await fetch(`${vantage.url}/feed.atom`)).text();
    expect(XMLValidator.validate(feed)).toBe(true);
    expect(feed).toContain('<title>Maintenance started: Node upgrade</title>');
    expect(feed).toContain('<title>Maintenance scheduled: Disk swap</title>');
    const page = await (await fetch(`${vantage.url}/`)).text();
    expect(page).toContain('<h3 id="mt-node-upgrade">Node upgrade</h3>');
    expect(page).toContain('<h3 id="mt-disk-swap">Disk swap</h3>');
  });

  it('returns to the normal state after the window: the outage opens an incident and uptime counts only the rounds after it', async () => {
    const summary = await eventually(
      () => json<Summary>('/api/v2/summary.json'),
      (s) => component(s, 'local-evm/node-down')?.status === 'major_outage',
      'node-down major outage after the window',
      WINDOW_MS + 30_000,
    );
    expect(summary.incidents.map((i) => i.name)).toEqual(['node-down on local-evm: major outage']);
    expect(Date.parse(summary.incidents[0]!.started_at)).toBeGreaterThanOrEqual(windowEnd);
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([['disk-swap', 'scheduled']]);
    const all = await json<{ scheduled_maintenances: Maintenance[] }>('/api/v2/scheduled-maintenances.json');
    expect(all.scheduled_maintenances.find((m) => m.id === 'node-upgrade')!.status).toBe('completed');
    const history = await json<History>('/history.json');
    expect(history.components.find((c) => c.id === 'local-evm/node-down')!.days.at(-1)!.uptime).toBe(0);
    // The saved history counts only rounds outside the window: fewer than all the rounds run.
    const saved = await eventually(async () => JSON.parse(readFileSync(historyFile, 'utf8')) as SavedHistory, (h) => h.rounds >= 1, 'the history file');
    const counted = Object.values(saved.uptime['local-evm/node-down']!).reduce((n, [, total]) => n + total, 0);
    expect(counted).toBeGreaterThan(0);
    expect(counted).toBeLessThan(saved.rounds);
    expect(Object.values(saved.uptime['local-evm/node-down']!).every(([up]) => up === 0)).toBe(true);
    const feed = await (await fetch(`${vantage.url}/feed.atom`)).text();
    expect(feed).toContain('<title>Maintenance completed: Node upgrade</title>');
  });
});
