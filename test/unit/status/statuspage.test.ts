import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderComponents, renderIncidents, renderMaintenances, renderStatus, renderSummary } from '../../../src/status/render/statuspage.ts';
import { maintenanceModel, sampleModel, t } from '../../support/reports.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const schema = JSON.parse(readFileSync(new URL('../../fixtures/status/statuspage-v2-summary.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
ajv.addFormat('date-time', RFC3339);
const validateSummary = ajv.compile(schema);
const options = { pageUrl: 'https://status.example.com', refreshSeconds: null, sourceNote: null };

describe('Statuspage v2 rendering', () => {
  it('produces a summary.json that matches the Statuspage v2 field set exactly', async () => {
    const summary = renderSummary(await sampleModel(), options);
    const valid = validateSummary(summary);
    expect(ajv.errorsText(validateSummary.errors)).toBe('No errors');
    expect(valid).toBe(true);
  });

  it('lists networks as groups followed by their endpoints, each endpoint pointing at its group', async () => {
    const { components } = renderSummary(await sampleModel(), options);
    expect(components.map((c) => [c.id, c.group, c.group_id, c.status, c.position])).toEqual([
      ['eth-main', true, null, 'partial_outage', 1],
      ['eth-main/rpc-1', false, 'eth-main', 'major_outage', 1],
      ['eth-main/rpc-2', false, 'eth-main', 'operational', 2],
      ['eth-main/rpc-3', false, 'eth-main', 'degraded_performance', 3],
      ['algo-main', true, null, 'operational', 2],
      ['algo-main/api-1', false, 'algo-main', 'operational', 1],
    ]);
    expect(components[0]!.components).toEqual(['eth-main/rpc-1', 'eth-main/rpc-2', 'eth-main/rpc-3']);
    expect(components[3]!.description).toBe('37 blocks behind the network (max 3)');
  });

  it('puts only unresolved incidents in summary.json, newest update first, with a shortlink to the incident', async () => {
    const summary = renderSummary(await sampleModel(), options);
    expect(summary.incidents.map((i) => [i.name, i.status, i.impact])).toEqual([
      ['rpc-1 on eth-main: major outage', 'investigating', 'critical'],
      ['rpc-3 on eth-main: degraded performance', 'investigating', 'minor'],
    ]);
    const rpc3 = summary.incidents[1]!;
    expect(rpc3.shortlink).toBe(`https://status.example.com/#incident-${rpc3.id}`);
    expect(rpc3.components.map((c) => c.id)).toEqual(['eth-main/rpc-3']);
    expect(rpc3.incident_updates[0]!.affected_components).toEqual([
      { code: 'eth-main/rpc-3', name: 'rpc-3', old_status: 'operational', new_status: 'degraded_performance' },
    ]);
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });

  it('lists resolved incidents too in incidents.json, newest first, updates newest first', async () => {
    const { incidents } = renderIncidents(await sampleModel(), options);
    const resolved = incidents.find((i) => i.status === 'resolved')!;
    expect(resolved).toMatchObject({ name: 'api-1 on algo-main: major outage', started_at: t(1), resolved_at: t(3) });
    expect(resolved.incident_updates.map((u) => u.status)).toEqual(['resolved', 'investigating']);
    expect(incidents.map((i) => i.updated_at)).toEqual([...incidents.map((i) => i.updated_at)].sort().reverse());
  });

  it('gives status.json and components.json the same page and status as summary.json', async () => {
    const model = await sampleModel();
    const summary = renderSummary(model, options);
    expect(renderStatus(model, options)).toEqual({ page: summary.page, status: summary.status });
    expect(renderComponents(model, options)).toEqual({ page: summary.page, components: summary.components });
    expect(summary.page).toMatchObject({ name: 'Example Node API status', url: 'https://status.example.com', time_zone: 'Etc/UTC', updated_at: t(4) });
    expect(summary.page.id).toMatch(/^[0-9a-f]{12}$/);
  });
});

describe('Statuspage v2 scheduled maintenances', () => {
  it('lists in-progress and scheduled windows in summary.json with Statuspage fields, impact maintenance and the maintenance indicator', async () => {
    const model = await maintenanceModel();
    const summary = renderSummary(model, options);
    const valid = validateSummary(summary);
    expect(ajv.errorsText(validateSummary.errors)).toBe('No errors');
    expect(valid).toBe(true);
    expect(summary.status).toEqual({ indicator: 'maintenance', description: 'Service Under Maintenance' });
    expect(summary.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([['now', 'in_progress'], ['next', 'scheduled']]);
    const now = summary.scheduled_maintenances[0]!;
    expect(now).toMatchObject({
      name: 'Algod upgrade', impact: 'maintenance', monitoring_at: null, resolved_at: null,
      created_at: t(-130), updated_at: t(0), started_at: t(0), scheduled_for: t(0), scheduled_until: t(30),
      shortlink: 'https://status.example.com/#maintenance-now',
    });
    expect(now.components.map((c) => [c.id, c.status])).toEqual([['algo-main', 'under_maintenance'], ['algo-main/api-1', 'under_maintenance']]);
    expect(now.incident_updates.map((u) => [u.status, u.created_at, u.affected_components])).toEqual([
      ['in_progress', t(0), [{ code: 'algo-main/api-1', name: 'api-1', old_status: 'operational', new_status: 'under_maintenance' }]],
      ['scheduled', t(-130), null],
    ]);
    const next = summary.scheduled_maintenances[1]!;
    expect(next).toMatchObject({ started_at: t(-130), resolved_at: null });
    expect(next.components.map((c) => [c.id, c.status])).toEqual([['eth-main/rpc-2', 'operational']]);
  });

  it('serves every window in scheduled-maintenances.json (latest first), only scheduled ones in upcoming.json and in-progress ones in active.json', async () => {
    const model = await maintenanceModel();
    const all = renderMaintenances(model, options, 'all');
    expect(all.page).toEqual(renderSummary(model, options).page);
    expect(all.scheduled_maintenances.map((m) => [m.id, m.status])).toEqual([['next', 'scheduled'], ['now', 'in_progress'], ['done', 'completed']]);
    const done = all.scheduled_maintenances[2]!;
    expect(done).toMatchObject({ started_at: t(-120), resolved_at: t(-60) });
    expect(done.incident_updates.map((u) => u.status)).toEqual(['completed', 'in_progress', 'scheduled']);
    expect(renderMaintenances(model, options, 'upcoming').scheduled_maintenances.map((m) => m.id)).toEqual(['next']);
    expect(renderMaintenances(model, options, 'active').scheduled_maintenances.map((m) => m.id)).toEqual(['now']);
    // The same objects validate where summary.json carries them.
    const wrapped = { ...renderSummary(model, options), scheduled_maintenances: all.scheduled_maintenances };
    expect(validateSummary(wrapped), ajv.errorsText(validateSummary.errors)).toBe(true);
  });

  it('opens no incident for an endpoint down inside its window', async () => {
    const incidents = renderIncidents(await maintenanceModel(), options).incidents;
    expect(incidents.map((i) => i.name)).toEqual([]);
  });
});
