// Splits datums into PutMetricData requests inside AWS's limits: at most
// 1,000 datums and 1 MB of body each. Invalid datums are set aside with the
// reason (one would make AWS reject its whole request).
import type { MetricDatum } from '../metrics/datum.ts';
import { DIMENSION_TEXT, PUT_METRIC_DATA } from '../config/aws-limits.ts';
import { toWireDatums, wireDatumBytes, type PackedDatum } from './wire-datum.ts';

export interface Batch {
  readonly datums: readonly PackedDatum[];
  /** Estimated JSON body size. */
  readonly bytes: number;
}

export interface Batching {
  readonly batches: readonly Batch[];
  readonly invalid: readonly { readonly datum: MetricDatum; readonly reason: string }[];
}

/** Why CloudWatch would reject this datum, or null. */
export function invalidDatumReason(d: MetricDatum): string | null {
  if (!d.name || d.name.length > PUT_METRIC_DATA.maxNameLength) return `metric name must be 1-${PUT_METRIC_DATA.maxNameLength} characters`;
  if (!Number.isFinite(d.value)) return `${d.name}: value ${d.value} is not a finite number`;
  if (Math.abs(d.value) > PUT_METRIC_DATA.maxAbsValue) return `${d.name}: value out of range (|v| > 2^360)`;
  if (d.value !== 0 && Math.abs(d.value) < PUT_METRIC_DATA.minAbsNonZeroValue) return `${d.name}: value ${d.value} too small (0 < |v| < 2^-360)`;
  if (d.dimensions.length > PUT_METRIC_DATA.maxDimensions) return `${d.name}: ${d.dimensions.length} dimensions (max ${PUT_METRIC_DATA.maxDimensions})`;
  for (const dim of d.dimensions) {
    if (!dim.name || dim.name.length > PUT_METRIC_DATA.maxDimensionNameLength) return `${d.name}: dimension name must be 1-${PUT_METRIC_DATA.maxDimensionNameLength} characters`;
    if (!dim.value || dim.value.length > PUT_METRIC_DATA.maxDimensionValueLength) return `${d.name}: dimension ${dim.name} value must be 1-${PUT_METRIC_DATA.maxDimensionValueLength} characters`;
    if (!DIMENSION_TEXT.test(dim.name) || dim.name.startsWith(':')) return `${d.name}: dimension name ${JSON.stringify(dim.name)} must be printable ASCII, not blank, not starting with ":"`;
    if (!DIMENSION_TEXT.test(dim.value)) return `${d.name}: dimension ${dim.name} value ${JSON.stringify(dim.value)} must be printable ASCII and not blank`;
  }
  return null;
}

export function splitIntoBatches(namespace: string, datums: readonly MetricDatum[]): Batching {
  const invalid: { datum: MetricDatum; reason: string }[] = [];
  const valid: MetricDatum[] = [];
  for (const datum of datums) {
    const reason = invalidDatumReason(datum);
    if (reason) invalid.push({ datum, reason });
    else valid.push(datum);
  }
  // {"Namespace":"…","MetricData":[…]}
  const envelope = Buffer.byteLength(JSON.stringify({ Namespace: namespace, MetricData: [] }));
  const batches: Batch[] = [];
  let current: PackedDatum[] = [];
  let bytes = envelope;
  for (const packed of toWireDatums(valid)) {
    const size = wireDatumBytes(packed.wire);
    if (current.length > 0 && (current.length >= PUT_METRIC_DATA.maxDatums || bytes + size > PUT_METRIC_DATA.maxBodyBytes)) {
      batches.push({ datums: current, bytes });
      current = [];
      bytes = envelope;
    }
    current.push(packed);
    bytes += size;
  }
  if (current.length > 0) batches.push({ datums: current, bytes });
  return { batches, invalid };
}
