// The Prometheus exposition through promtool, the reference linter: format
// and metric naming as Prometheus itself checks them (a real process, so an
// integration test; the meanings are unit-tested in test/unit/metrics/).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { renderPrometheus } from '../../../src/metrics/prometheus.ts';
import { everyKindReport } from '../../support/reports.ts';

describe('Prometheus exposition under promtool check metrics', () => {
  it('passes promtool check metrics (format and naming lint), but for the unit of the name DESIGN.md fixes', () => {
    const text = renderPrometheus(everyKindReport(), { rounds: 4, lastRoundEndedAt: Date.parse('2025-11-20T10:00:01Z') });
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(promtool.error).toBeUndefined();
    // DESIGN.md names vantage_partkey_days_to_expiry; promtool prefers base units (seconds). Nothing else may be flagged.
    expect(`${promtool.stdout}${promtool.stderr}`.trim().split('\n')).toEqual(['vantage_partkey_days_to_expiry use base unit "seconds" instead of "days"']);
  });

  it('passes promtool check metrics cleanly without Algorand accounts', () => {
    const r = everyKindReport();
    const text = renderPrometheus({ ...r, networks: r.networks.map((n) => ({ ...n, accounts: [] })) }, { rounds: 4, lastRoundEndedAt: 1 });
    const promtool = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
    expect(`${promtool.stdout}${promtool.stderr}`).toBe('');
    expect(promtool.status).toBe(0);
  });
});
