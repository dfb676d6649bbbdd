import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { toEmfLines } from '../../../src/publish/emf.ts';

const T = Date.parse('2026-05-01T12:00:00.000Z');
const dimsOf = (e: string) => [{ name: 'Network', value: 'eth' }, { name: 'Endpoint', value: e }, { name: 'ProbeRegion', value: 'eu-west-1' }];

/**
 * Reads EMF documents back into datums the way CloudWatch extracts them
 * (Specification: Embedded metric format): every metric of a directive gets
 * every dimension of its set; an array value is several samples.
 */
function extract(lines: readonly string[]): { namespace: string; datums: MetricDatum[] } {
  let namespace = '';
  const datums: MetricDatum[] = [];
  for (const line of lines) {
    const doc = JSON.parse(line) as Record<string, unknown> & { _aws: { Timestamp: number; CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] } };
    for (const directive of doc._aws.CloudWatchMetrics) {
      namespace = directive.Namespace;
      for (const set of directive.Dimensions) {
        for (const m of directive.Metrics) {
          const raw = doc[m.Name] as number | number[];
          for (const value of Array.isArray(raw) ? raw : [raw]) {
            datums.push({ name: m.Name as MetricDatum['name'], unit: m.Unit as MetricDatum['unit'], value, timestamp: doc._aws.Timestamp, dimensions: set.map((name) => ({ name, value: doc[name] as string })) });
          }
        }
      }
    }
  }
  return { namespace, datums };
}

const key = (d: MetricDatum) => JSON.stringify([d.name, d.unit, d.value, d.timestamp, d.dimensions]);

describe('toEmfLines', () => {
  it('writes one document per dimension set, with the root members CloudWatch extracts', () => {
    const lines = toEmfLines('Vantage', [
      { name: 'Up', dimensions: dimsOf('a'), value: 1, unit: 'None', timestamp: T },
      { name: 'ProbeDuration', dimensions: dimsOf('a'), value: 41.5, unit: 'Milliseconds', timestamp: T },
      { name: 'Up', dimensions: dimsOf('b'), value: 0, unit: 'None', timestamp: T },
    ]);
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toEqual({
      _aws: {
        Timestamp: T,
        CloudWatchMetrics: [{ Namespace: 'Vantage', Dimensions: [['Network', 'Endpoint', 'ProbeRegion']], Metrics: [{ Name: 'Up', Unit: 'None' }, { Name: 'ProbeDuration', Unit: 'Milliseconds' }] }],
      },
      Network: 'eth',
      Endpoint: 'a',
      ProbeRegion: 'eu-west-1',
      Up: 1,
      ProbeDuration: 41.5,
    });
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('carries exactly the datums it was given, repeated samples included', () => {
    const datums: MetricDatum[] = [
      ...Array.from({ length: 120 }, (_, i) => ({ name: 'Up' as const, dimensions: dimsOf(`e${i % 7}`), value: i % 2, unit: 'None' as const, timestamp: T })),
      ...Array.from({ length: 230 }, (_, i) => ({ name: 'ProbeDuration' as const, dimensions: dimsOf('busy'), value: i, unit: 'Milliseconds' as const, timestamp: T })),
      { name: 'ProbeRuns', dimensions: [{ name: 'ProbeRegion', value: 'eu-west-1' }], value: 1, unit: 'Count', timestamp: T + 60_000 },
    ];
    const { namespace, datums: back } = extract(toEmfLines('Vantage', datums));
    expect(namespace).toBe('Vantage');
    expect(back.map(key).sort()).toEqual(datums.map(key).sort());
  });

  it('stays inside the format limits: 100 metrics per document, 100 values per metric', () => {
    const many: MetricDatum[] = Array.from({ length: 250 }, (_, i) => ({ name: `M${i}` as MetricDatum['name'], dimensions: dimsOf('a'), value: i, unit: 'None', timestamp: T }));
    const repeated: MetricDatum[] = Array.from({ length: 250 }, (_, i) => ({ name: 'Up', dimensions: dimsOf('b'), value: i, unit: 'None', timestamp: T }));
    for (const line of toEmfLines('Vantage', [...many, ...repeated])) {
      const doc = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Metrics: { Name: string }[] }[] } } & Record<string, unknown>;
      const metrics = doc._aws.CloudWatchMetrics[0]!.Metrics;
      expect(metrics.length).toBeLessThanOrEqual(100);
      for (const m of metrics) {
        const v = doc[m.Name];
        expect(Array.isArray(v) ? v.length : 1).toBeLessThanOrEqual(100);
      }
    }
  });
});
