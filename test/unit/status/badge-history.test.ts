import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderBadge } from '../../../src/status/render/badge.ts';
import { renderHistory } from '../../../src/status/render/history.ts';
import { renderStatusFiles } from '../../../src/status/status-files.ts';
import { sampleModel } from '../../support/reports.ts';

const shields = new Ajv({ strict: true, strictRequired: false }).compile(
  JSON.parse(readFileSync(new URL('../../fixtures/status/shields-endpoint.schema.json', import.meta.url), 'utf8')),
);

describe('shields.io badges', () => {
  it('match the shields endpoint schema and say the network status in words and colour', async () => {
    const model = await sampleModel();
    const badges = model.networks.map(renderBadge);
    for (const badge of badges) expect(shields(badge), JSON.stringify(shields.errors)).toBe(true);
    expect(badges).toEqual([
      { schemaVersion: 1, label: 'eth-main', message: 'partial outage', color: 'orange', cacheSeconds: 300 },
      { schemaVersion: 1, label: 'algo-main', message: 'operational', color: 'brightgreen', cacheSeconds: 300 },
    ]);
  });
});

describe('history.json', () => {
  it('has 90 days per component, networks and endpoints, and every incident of the window', async () => {
    const model = await sampleModel();
    const history = renderHistory(model);
    expect(history.window_days).toBe(90);
    expect(history.components.map((c) => [c.id, c.group_id])).toEqual([
      ['eth-main', null], ['eth-main/rpc-1', 'eth-main'], ['eth-main/rpc-2', 'eth-main'], ['eth-main/rpc-3', 'eth-main'],
      ['algo-main', null], ['algo-main/api-1', 'algo-main'],
    ]);
    for (const c of history.components) expect(c.days).toHaveLength(90);
    // api-1 was down in 2 of 5 rounds today.
    expect(history.components[5]!.days.at(-1)).toEqual({ date: '2025-11-20', uptime: 0.6, maintenance_ms: 0 });
    expect(history.incidents).toHaveLength(3);
  });
});

describe('status files', () => {
  it('renders every file with its content type at the paths the server and S3 share', async () => {
    const files = renderStatusFiles(await sampleModel(), { pageUrl: null, refreshSeconds: null, sourceNote: null });
    expect(files.map((f) => [f.path, f.contentType])).toEqual([
      ['index.html', 'text/html; charset=utf-8'],
      ['api/v2/summary.json', 'application/json; charset=utf-8'],
      ['api/v2/status.json', 'application/json; charset=utf-8'],
      ['api/v2/components.json', 'application/json; charset=utf-8'],
      ['api/v2/incidents.json', 'application/json; charset=utf-8'],
      ['api/v2/scheduled-maintenances.json', 'application/json; charset=utf-8'],
      ['api/v2/scheduled-maintenances/upcoming.json', 'application/json; charset=utf-8'],
      ['api/v2/scheduled-maintenances/active.json', 'application/json; charset=utf-8'],
      ['history.json', 'application/json; charset=utf-8'],
      ['feed.atom', 'application/atom+xml; charset=utf-8'],
      ['badges/eth-main.json', 'application/json; charset=utf-8'],
      ['badges/algo-main.json', 'application/json; charset=utf-8'],
    ]);
    for (const f of files.filter((x) => x.path.endsWith('.json'))) expect(() => JSON.parse(f.body)).not.toThrow();
  });
});
