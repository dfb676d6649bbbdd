import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryFileError, loadHistoryFile, saveHistoryFile } from '../../../src/serve/history-file.ts';
import { createLocalHistory, recordReport } from '../../../src/status/local-history.ts';
import { LAYOUT, maintenanceWindow, report, t } from '../../support/reports.ts';

const file = () => join(mkdtempSync(join(tmpdir(), 'vantage-history-unit-')), 'history.json');

describe('history file', () => {
  it('keeps chart samples and maintenance publication times across a save and a load', () => {
    const layout = { ...LAYOUT, maintenance: [maintenanceWindow('w', 'Work', t(60), t(120))] };
    const history = createLocalHistory(t(0));
    recordReport(history, report(t(0), { 'eth-main': [{ id: 'rpc-1', ttfbMs: 12, lagBlocks: 2 }] }), layout);
    const path = file();
    saveHistoryFile(path, history);
    const loaded = loadHistoryFile(path, t(5));
    expect(loaded.samples['eth-main/rpc-1']).toEqual(history.samples['eth-main/rpc-1']);
    expect(loaded.samples['eth-main/rpc-1']!.daily['2025-11-20']!.lag).toBe(2);
    expect(loaded.maintenanceSeen).toEqual({ w: t(0) });
  });

  it('loads a file written before charts and maintenance existed, starting both empty', () => {
    const path = file();
    writeFileSync(path, JSON.stringify({ format: 1, startedAt: t(0), lastRoundAt: t(1), rounds: 2, log: { tracks: {}, incidents: [] }, uptime: { 'eth-main/rpc-1': { '2025-11-20': [2, 2] } } }));
    const loaded = loadHistoryFile(path, t(5));
    expect(loaded.samples).toEqual({});
    expect(loaded.maintenanceSeen).toEqual({});
    expect(loaded.uptime['eth-main/rpc-1']).toEqual({ '2025-11-20': [2, 2] });
  });

  it('refuses samples that are not counts per bin, naming the path', () => {
    const path = file();
    const bad = { format: 1, startedAt: t(0), lastRoundAt: null, rounds: 0, log: { tracks: {}, incidents: [] }, uptime: {}, samples: { 'n/e': { hourly: {}, daily: { '2025-11-20': { ttfb: { '12': -1 }, lag: null } } } } };
    writeFileSync(path, JSON.stringify(bad));
    expect(() => loadHistoryFile(path, t(0))).toThrow(HistoryFileError);
    expect(() => loadHistoryFile(path, t(0))).toThrow(/samples\.n\/e\.daily\.2025-11-20\.ttfb\.12/);
  });
});
