import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../../src/config/load.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';
import { alarmPlan } from '../../../src/alarms/alarm-plan.ts';
import { alarmDescription } from '../../../infra/monitoring/alarm-text.ts';

const dir = mkdtempSync(join(tmpdir(), 'vantage-alarm-text-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1'];
const file = join(dir, 'long.yaml');
writeFileSync(file, `version: 1
probe: { regions: [${regions.join(', ')}] }
alerting: { outageRegions: 3 }
networks:
  - id: ${'n'.repeat(64)}
    chain: evm
    endpoints: [{ id: ${'e'.repeat(64)}, url: "https://a.example.com" }]
`);
const config = applyDefaults(loadConfigFile(file));

describe('alarmDescription', () => {
  it('says what is wrong, a runbook hint and the dashboard link', () => {
    const outage = alarmPlan(config).alarms.find((a) => a.subject.kind === 'outage')!;
    const text = alarmDescription(outage, { config, dashboardUrl: 'https://console.example/d' });
    expect(text).toMatch(/^n+ \/ e+ down from at least 3 of 10 regions \(us-east-1, .*ap-northeast-1\)\.\nRunbook: customers are affected\..*\nDashboard: https:\/\/console\.example\/d$/s);
  });

  it('stays within CloudWatch\'s 1,024 characters: the dashboard link goes first, then the runbook is cut', () => {
    const dashboardUrl = `https://console.example/${'d'.repeat(600)}`;
    const texts = new Map(alarmPlan(config).alarms.map((a) => [a.subject.kind, alarmDescription(a, { config, dashboardUrl })]));
    for (const [kind, text] of texts) {
      expect(text.length, kind).toBeLessThanOrEqual(1024);
      expect(text, kind).toContain('\nRunbook: ');
      if (text.includes('Dashboard:')) expect(text.endsWith(`\nDashboard: ${dashboardUrl}`), kind).toBe(true);
    }
    expect(texts.get('outage')).not.toContain('Dashboard:');

    const sixtyRegions = { ...config, probe: { ...config.probe, regions: Array.from({ length: 60 }, (_, i) => `region-${i}-with-a-long-name`) } };
    const cut = alarmDescription(alarmPlan(config).alarms.find((a) => a.subject.kind === 'outage')!, { config: sixtyRegions, dashboardUrl });
    expect(cut).toHaveLength(1024);
    expect(cut.endsWith('…')).toBe(true);
  });
});
