import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { toEmfLines } from '../../../src/publish/emf.ts';

/**
 * The document structure of CloudWatch User Guide, "Specification: Embedded
 * metric format" (its JSON schema, with today's 30 dimensions per set and
 * the rules the schema leaves to prose: at most 100 MetricDefinitions per
 * directive, metric targets a number or at most 100 numbers, dimension
 * targets strings).
 */
const UNITS = ['Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes', 'Bits', 'Kilobits', 'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second', 'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second', 'Terabits/Second', 'Count/Second', 'None'];
const validateStructure = new Ajv().compile({
  type: 'object',
  required: ['_aws'],
  properties: {
    _aws: {
      type: 'object',
      required: ['Timestamp', 'CloudWatchMetrics'],
      properties: {
        Timestamp: { type: 'integer' },
        CloudWatchMetrics: {
          type: 'array',
          items: {
            type: 'object',
            required: ['Namespace', 'Dimensions', 'Metrics'],
            properties: {
              Namespace: { type: 'string', minLength: 1, maxLength: 255 },
              Dimensions: { type: 'array', minItems: 1, items: { type: 'array', maxItems: 30, items: { type: 'string', minLength: 1, maxLength: 255 } } },
              Metrics: { type: 'array', maxItems: 100, items: { type: 'object', required: ['Name'], properties: { Name: { type: 'string', minLength: 1, maxLength: 255 }, Unit: { enum: UNITS } } } },
            },
          },
        },
      },
    },
  },
});

function specProblems(line: string): string[] {
  const doc = JSON.parse(line) as Record<string, unknown> & { _aws: { CloudWatchMetrics: { Dimensions: string[][]; Metrics: { Name: string }[] }[] } };
  if (!validateStructure(doc)) return (validateStructure.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  const problems: string[] = [];
  for (const directive of doc._aws.CloudWatchMetrics) {
    for (const name of directive.Dimensions.flat()) if (typeof doc[name] !== 'string') problems.push(`dimension ${name} is not a string member`);
    for (const { Name } of directive.Metrics) {
      const v = doc[Name];
      const ok = typeof v === 'number' || (Array.isArray(v) && v.length >= 1 && v.length <= 100 && v.every((x) => typeof x === 'number'));
      if (!ok) problems.push(`metric ${Name} is not a number or 1-100 numbers`);
    }
  }
  return problems;
}

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

  it('declares high-resolution metrics with StorageResolution 1 (EMF MetricDefinition)', () => {
    const [line] = toEmfLines('Vantage', [
      { name: 'Up', dimensions: dimsOf('a'), value: 0, unit: 'None', timestamp: T, highResolution: true },
      { name: 'TimeToFirstByte', dimensions: dimsOf('a'), value: 12, unit: 'Milliseconds', timestamp: T },
    ]);
    expect(JSON.parse(line!)._aws.CloudWatchMetrics[0].Metrics).toEqual([
      { Name: 'Up', Unit: 'None', StorageResolution: 1 },
      { Name: 'TimeToFirstByte', Unit: 'Milliseconds' },
    ]);
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

  it('leaves out datums CloudWatch would reject, so one bad value cannot void the other metrics of its document', () => {
    const lines = toEmfLines('Vantage', [
      { name: 'Up', dimensions: dimsOf('a'), value: 1, unit: 'None', timestamp: T },
      // A lying endpoint's height: beyond 2^360, rejected by CloudWatch.
      { name: 'BlockHeight', dimensions: dimsOf('a'), value: 1e300, unit: 'None', timestamp: T },
      { name: 'Up', dimensions: [{ name: 'Network', value: 'éth' }], value: 1, unit: 'None', timestamp: T },
    ]);
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([expect.objectContaining({ Up: 1, Endpoint: 'a' })]);
    expect(lines[0]).not.toContain('BlockHeight');
  });

  it('writes documents that follow the specification', () => {
    const datums: MetricDatum[] = [
      ...Array.from({ length: 150 }, (_, i) => ({ name: `M${i}` as MetricDatum['name'], dimensions: dimsOf('a'), value: i, unit: 'Milliseconds' as const, timestamp: T })),
      ...Array.from({ length: 230 }, (_, i) => ({ name: 'Up' as const, dimensions: dimsOf('b'), value: i % 2, unit: 'None' as const, timestamp: T })),
      { name: 'ProbeRuns', dimensions: [{ name: 'ProbeRegion', value: 'eu-west-1' }], value: 1, unit: 'Count', timestamp: T },
    ];
    const lines = toEmfLines('Vantage', datums);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(specProblems(line)).toEqual([]);
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
