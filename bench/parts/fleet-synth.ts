// Part 8: synth at fleet scale. The generated 2,000-endpoint × 10-region
// config (40 networks × 50 endpoints, every family, 64-character ids) is
// synthesized in-process (as `cdk synth` does, bundling skipped) once probed
// every minute (fleet Metrics Insights alarms) and once every 10 s (6,000
// high-resolution alarms in alarm stacks): stacks, resources, template
// sizes, alarm counts and synth time, against the limits. `npm test` runs the
// first (test/infra/fleet-scale.test.ts); the second takes minutes.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { METRICS_INSIGHTS, STACK_MAX_RESOURCES, TEMPLATE_MAX_BYTES } from '../../src/config/aws-limits.ts';
import { TEN_REGIONS, writeFleetConfig } from '../../test/support/fleet-config.ts';
import { synthesizeFleet } from '../../test/support/fleet-synth.ts';
import { verdict, type BenchSettings, type PartResult, type Row } from '../support/part-result.ts';

export async function fleetSynth(settings: BenchSettings): Promise<PartResult> {
  const rows: Row[] = [];
  const data: Record<string, unknown> = {};
  for (const everySeconds of settings.quick ? [60] as const : [60, 10] as const) {
    const file = writeFleetConfig({ networks: 40, endpoints: 50, regions: TEN_REGIONS, shards: 20, everySeconds });
    try {
      const fleet = synthesizeFleet(file);
      const t = fleet.templates;
      const largest = [...t].sort((a, b) => b.bytes - a.bytes)[0]!;
      const insights = t.reduce((n, x) => n + x.insightsAlarms, 0);
      const alarms = t.reduce((n, x) => n + x.alarms, 0);
      const within = t.every((x) => x.resources <= STACK_MAX_RESOURCES && x.bytes <= TEMPLATE_MAX_BYTES && x.maxMathMetrics <= 10) && insights <= METRICS_INSIGHTS.maxAlarmsPerDeployment;
      const label = `2,000 × 10, every ${everySeconds} s`;
      rows.push(
        { measure: `${label}: synth time`, value: `${(fleet.synthMs / 1000).toFixed(1)} s` },
        { measure: `${label}: stacks, alarms (Metrics Insights), composites`, value: `${t.length}, ${alarms} (${insights}), ${t.reduce((n, x) => n + x.composites, 0)}` },
        {
          measure: `${label}: largest template`,
          value: `${largest.stack}: ${largest.resources} resources, ${largest.bytes.toLocaleString('en-US')} bytes`,
          target: '≤ 500 resources, ≤ 1,000,000 bytes, ≤ 150 MI alarms',
          verdict: verdict(within),
        },
      );
      data[`every${everySeconds}`] = { synthMs: fleet.synthMs, templates: t };
    } finally {
      rmSync(dirname(file), { recursive: true, force: true });
    }
  }
  return { id: 'fleet', title: 'Synth of 2,000 endpoints × 10 regions', rows, data, notes: ['In-process synth with cdk-nag, bundling skipped (as test/support/synthesize.ts).'] };
}
