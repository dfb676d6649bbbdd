// Datums in PutMetricData's MetricDatum shape, with repeated samples of one
// series folded into Values/Counts (one datum carries up to 150 distinct
// values). Pure: structurally the SDK's MetricDatum, without importing it.
import type { MetricDatum } from '../metrics/datum.ts';
import type { MetricUnit } from '../metrics/names.ts';
import { PUT_METRIC_DATA } from '../config/aws-limits.ts';

export interface WireDatum {
  readonly MetricName: string;
  readonly Dimensions: readonly { readonly Name: string; readonly Value: string }[];
  readonly Timestamp: Date;
  readonly Unit: MetricUnit;
  readonly Value?: number;
  readonly Values?: readonly number[];
  readonly Counts?: readonly number[];
}

/** A wire datum and the samples it carries (for the EMF fallback). */
export interface PackedDatum {
  readonly wire: WireDatum;
  readonly samples: readonly MetricDatum[];
}

function seriesKey(d: MetricDatum): string {
  return JSON.stringify([d.name, d.unit, d.timestamp, d.dimensions.map((x) => [x.name, x.value])]);
}

/** Folds samples of the same series (name, dimensions, unit, timestamp) into Values/Counts; single samples stay `Value`. */
export function toWireDatums(datums: readonly MetricDatum[]): PackedDatum[] {
  const series = new Map<string, MetricDatum[]>();
  for (const d of datums) {
    const key = seriesKey(d);
    const list = series.get(key);
    if (list) list.push(d);
    else series.set(key, [d]);
  }
  const out: PackedDatum[] = [];
  for (const samples of series.values()) {
    if (samples.length === 1) {
      out.push({ wire: { ...base(samples[0]!), Value: samples[0]!.value }, samples });
      continue;
    }
    // Distinct values with their counts, in chunks of the per-datum limit.
    const counts = new Map<number, MetricDatum[]>();
    for (const s of samples) {
      const list = counts.get(s.value);
      if (list) list.push(s);
      else counts.set(s.value, [s]);
    }
    const entries = [...counts.entries()];
    for (let i = 0; i < entries.length; i += PUT_METRIC_DATA.maxValuesPerDatum) {
      const chunk = entries.slice(i, i + PUT_METRIC_DATA.maxValuesPerDatum);
      out.push({
        wire: { ...base(samples[0]!), Values: chunk.map(([v]) => v), Counts: chunk.map(([, list]) => list.length) },
        samples: chunk.flatMap(([, list]) => list),
      });
    }
  }
  return out;
}

function base(d: MetricDatum): Omit<WireDatum, 'Value' | 'Values' | 'Counts'> {
  return {
    MetricName: d.name,
    Dimensions: d.dimensions.map((x) => ({ Name: x.name, Value: x.value })),
    Timestamp: new Date(d.timestamp),
    Unit: d.unit,
  };
}

/** Bytes this datum adds to a JSON 1.0 request body (the SDK sends Timestamp as epoch seconds). */
export function wireDatumBytes(datum: WireDatum): number {
  return Buffer.byteLength(JSON.stringify({ ...datum, Timestamp: datum.Timestamp.getTime() / 1000 })) + 1;
}
