// Synthesizes a config and measures every template against CloudFormation's
// and CloudWatch's limits, from the files `cdk deploy` would upload: shared
// by the fleet-scale infra test and the `fleet` bench part.
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { PlannedAlarm } from '../../src/alarms/planned-alarm.ts';
import { synthesize, type Synthesized } from './synthesize.ts';

export interface TemplateFigures {
  readonly stack: string;
  readonly resources: number;
  readonly bytes: number;
  readonly alarms: number;
  readonly composites: number;
  readonly insightsAlarms: number;
  /** Metrics read by the template's metric-math alarm with the most (0 without math). */
  readonly maxMathMetrics: number;
}

export interface FleetSynth {
  readonly synthesized: Synthesized;
  readonly templates: readonly TemplateFigures[];
  readonly synthMs: number;
  /** Metrics Insights queries as synthesized, by alarm name. */
  readonly queries: ReadonlyMap<string, string>;
  readonly plan: readonly PlannedAlarm[];
}

interface Resource { readonly Type: string; readonly Properties?: Record<string, unknown> }
interface Query { readonly Expression?: string; readonly MetricStat?: unknown }

export function synthesizeFleet(configFile: string): FleetSynth {
  const started = performance.now();
  const synthesized = synthesize(configFile);
  const assembly = synthesized.app.synth();
  const synthMs = performance.now() - started;
  const queries = new Map<string, string>();
  const templates = assembly.stacks.map((stack) => {
    const resources = Object.values((stack.template as { Resources: Record<string, Resource> }).Resources);
    const alarms = resources.filter((r) => r.Type === 'AWS::CloudWatch::Alarm');
    let insights = 0;
    let maxMath = 0;
    for (const alarm of alarms) {
      const metrics = (alarm.Properties?.['Metrics'] ?? []) as Query[];
      const select = metrics.find((q) => q.Expression?.startsWith('SELECT '));
      if (select) {
        insights++;
        queries.set(alarm.Properties!['AlarmName'] as string, select.Expression!);
      }
      if (metrics.some((q) => q.Expression && !q.Expression.startsWith('SELECT '))) maxMath = Math.max(maxMath, metrics.filter((q) => q.MetricStat).length);
    }
    return {
      stack: stack.stackName,
      resources: resources.length,
      bytes: statSync(stack.templateFullPath).size,
      alarms: alarms.length,
      composites: resources.filter((r) => r.Type === 'AWS::CloudWatch::CompositeAlarm').length,
      insightsAlarms: insights,
      maxMathMetrics: maxMath,
    };
  });
  return { synthesized, templates, synthMs, queries, plan: synthesized.deployment.plan.alarms };
}
