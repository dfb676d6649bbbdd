// Datums as CloudWatch embedded metric format (EMF) documents, one JSON
// object per line: the fallback when PutMetricData fails. Lambda ships stdout
// to CloudWatch Logs, which extracts the metrics; and the line itself keeps
// the data even where extraction is not set up. Hand-written: the format is
// a small JSON shape, and Powertools Metrics is built around one dimension
// set per flush, while a run has one per endpoint.
// A datum CloudWatch would reject (invalidDatumReason: e.g. a height beyond
// 2^360 from a misbehaving endpoint) is left out: one bad value fails the
// extraction of its whole document. The caller logs why it was not sent.
import type { MetricDatum } from '../metrics/datum.ts';
import { invalidDatumReason } from './batches.ts';
import { EMBEDDED_METRIC_FORMAT } from '../config/aws-limits.ts';

interface Group {
  readonly timestamp: number;
  readonly dimensions: MetricDatum['dimensions'];
  /** metric name → unit and values, in first-seen order. */
  readonly metrics: Map<string, { unit: string; values: number[] }>;
}

export function toEmfLines(namespace: string, datums: readonly MetricDatum[]): string[] {
  const groups = new Map<string, Group>();
  for (const d of datums) {
    if (invalidDatumReason(d) !== null) continue;
    const key = JSON.stringify([d.timestamp, d.dimensions.map((x) => [x.name, x.value])]);
    let group = groups.get(key);
    if (!group) {
      group = { timestamp: d.timestamp, dimensions: d.dimensions, metrics: new Map() };
      groups.set(key, group);
    }
    const metric = group.metrics.get(d.name);
    if (metric) metric.values.push(d.value);
    else group.metrics.set(d.name, { unit: d.unit, values: [d.value] });
  }
  const lines: string[] = [];
  for (const group of groups.values()) {
    // A metric with more values than one array holds continues in the next document.
    let pending = [...group.metrics.entries()].map(([name, m]) => ({ name, unit: m.unit, values: m.values }));
    while (pending.length > 0) {
      const slice = pending.slice(0, EMBEDDED_METRIC_FORMAT.maxMetricsPerDocument);
      lines.push(JSON.stringify(document(namespace, group, slice)));
      pending = [
        ...slice.filter((m) => m.values.length > EMBEDDED_METRIC_FORMAT.maxValuesPerMetric)
          .map((m) => ({ ...m, values: m.values.slice(EMBEDDED_METRIC_FORMAT.maxValuesPerMetric) })),
        ...pending.slice(EMBEDDED_METRIC_FORMAT.maxMetricsPerDocument),
      ];
    }
  }
  return lines;
}

function document(namespace: string, group: Group, metrics: readonly { name: string; unit: string; values: number[] }[]): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    _aws: {
      Timestamp: group.timestamp,
      CloudWatchMetrics: [{
        Namespace: namespace,
        Dimensions: [group.dimensions.map((d) => d.name)],
        Metrics: metrics.map((m) => ({ Name: m.name, Unit: m.unit })),
      }],
    },
  };
  for (const d of group.dimensions) doc[d.name] = d.value;
  for (const m of metrics) {
    const values = m.values.slice(0, EMBEDDED_METRIC_FORMAT.maxValuesPerMetric);
    doc[m.name] = values.length === 1 ? values[0] : values;
  }
  return doc;
}
