// CloudWatch in the double: PutMetricData over awsJson1_0 with the
// query-compatible headers @aws-sdk/client-cloudwatch sends (X-Amz-Target
// GraniteServiceVersion20100801.PutMetricData, x-amzn-query-mode: true,
// gzip bodies above the SDK's compression threshold). Validates like AWS:
// limits from its own aws-limits.ts (which names the API references):
// ≤ 1,000 datums and ≤ 1 MB per request (compressed and uncompressed), ≤ 30
// dimensions of printable ASCII, values within ±2^360 and not below 2^-360,
// no NaN/Infinity, ≤ 150 Values with as many Counts, known units.
// Other CloudWatch operations (DescribeAlarms, GetMetricData, …) live in their
// own files and register under the same signing name.
import { DIMENSION_TEXT, PUT_METRIC_DATA } from './aws-limits.ts';
import { AwsServiceError, type JsonProtocol } from './protocols.ts';
import type { AwsDouble, AwsRequest, ServiceDefinition } from './server.ts';

export const CLOUDWATCH_PROTOCOL: JsonProtocol = {
  kind: 'json',
  version: '1.0',
  targetPrefix: 'GraniteServiceVersion20100801',
  queryCompatible: true,
  errorNamespace: 'com.amazonaws.cloudwatch',
};

/** Units PutMetricData accepts (API reference, MetricDatum.Unit). */
const UNITS = new Set([
  'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes', 'Bits', 'Kilobits',
  'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second',
  'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second',
  'Terabits/Second', 'Count/Second', 'None',
]);

/** Timestamps CloudWatch accepts: up to two weeks old, up to two hours ahead. */
const MAX_AGE_MS = 14 * 86_400_000;
const MAX_AHEAD_MS = 2 * 3_600_000;

export interface PutDatum {
  readonly MetricName: string;
  readonly Dimensions?: readonly { Name: string; Value: string }[];
  readonly Timestamp?: number;
  readonly Value?: number;
  readonly Values?: readonly number[];
  readonly Counts?: readonly number[];
  readonly Unit?: string;
  readonly StorageResolution?: number;
}

interface PutMetricDataInput {
  readonly Namespace?: unknown;
  readonly MetricData?: unknown;
}

const invalid = (message: string) => new AwsServiceError('InvalidParameterValue', message, { jsonType: 'com.amazonaws.cloudwatch#InvalidParameterValueException' });
const missing = (message: string) => new AwsServiceError('MissingParameter', message, { jsonType: 'com.amazonaws.cloudwatch#MissingRequiredParameterException' });

function isNumber(v: unknown): v is number {
  // The SDK sends NaN and ±Infinity as the strings "NaN", "Infinity", "-Infinity".
  return typeof v === 'number' && Number.isFinite(v);
}

function checkValue(v: unknown, at: string): void {
  if (!isNumber(v)) throw invalid(`The value ${String(v)} for parameter ${at} is invalid.`);
  if (Math.abs(v) > PUT_METRIC_DATA.maxAbsValue) throw invalid(`The value ${v} for parameter ${at} is out of range.`);
  if (v !== 0 && Math.abs(v) < PUT_METRIC_DATA.minAbsNonZeroValue) throw invalid(`The value ${v} for parameter ${at} is out of range.`);
}

export function putMetricData(request: AwsRequest): Record<string, never> {
  const input = request.input as PutMetricDataInput;
  const ns = input.Namespace;
  if (typeof ns !== 'string' || ns.length === 0) throw missing('The parameter Namespace is required.');
  if (ns.length > PUT_METRIC_DATA.maxNamespaceLength) throw invalid('The parameter Namespace must be at most 255 characters.');
  if (ns.startsWith('AWS/')) throw invalid('The value AWS/ for parameter Namespace is invalid.');
  // Namespace pattern [^:].* (PutMetricData API reference).
  if (ns.startsWith(':')) throw invalid(`The value ${ns} for parameter Namespace is invalid.`);
  const data = input.MetricData;
  if (!Array.isArray(data) || data.length === 0) throw missing('The parameter MetricData is required.');
  if (data.length > PUT_METRIC_DATA.maxDatums) throw invalid(`The collection MetricData must not have a size greater than ${PUT_METRIC_DATA.maxDatums}.`);
  const now = Date.now();
  (data as PutDatum[]).forEach((d, i) => {
    const at = `MetricData.member.${i + 1}`;
    if (typeof d.MetricName !== 'string' || d.MetricName.length === 0) throw missing(`The parameter ${at}.MetricName is required.`);
    if (d.MetricName.length > PUT_METRIC_DATA.maxNameLength) throw invalid(`The parameter ${at}.MetricName must be at most 255 characters.`);
    const dims = d.Dimensions ?? [];
    if (dims.length > PUT_METRIC_DATA.maxDimensions) throw invalid(`The collection ${at}.Dimensions must not have a size greater than ${PUT_METRIC_DATA.maxDimensions}.`);
    const names = new Set<string>();
    dims.forEach((dim, j) => {
      const dat = `${at}.Dimensions.member.${j + 1}`;
      if (typeof dim.Name !== 'string' || dim.Name.length === 0 || dim.Name.length > PUT_METRIC_DATA.maxDimensionNameLength) throw invalid(`The parameter ${dat}.Name must be 1-255 characters.`);
      if (typeof dim.Value !== 'string' || dim.Value.length === 0 || dim.Value.length > PUT_METRIC_DATA.maxDimensionValueLength) throw invalid(`The parameter ${dat}.Value must be 1-1024 characters.`);
      if (!DIMENSION_TEXT.test(dim.Name) || dim.Name.startsWith(':')) throw invalid(`The value ${dim.Name} for parameter ${dat}.Name is invalid: ASCII, not blank, not starting with ":".`);
      if (!DIMENSION_TEXT.test(dim.Value)) throw invalid(`The value ${dim.Value} for parameter ${dat}.Value is invalid: ASCII and not blank.`);
      if (names.has(dim.Name)) throw invalid(`The collection ${at}.Dimensions has the dimension ${dim.Name} twice.`);
      names.add(dim.Name);
    });
    const hasValue = d.Value !== undefined;
    const hasValues = d.Values !== undefined;
    if (hasValue && hasValues) throw invalid(`The parameters ${at}.Value and ${at}.Values are mutually exclusive.`);
    if (!hasValue && !hasValues) throw missing(`The parameter ${at}.Value or ${at}.Values is required.`);
    if (hasValue) checkValue(d.Value, `${at}.Value`);
    if (hasValues) {
      if (!Array.isArray(d.Values) || d.Values.length === 0) throw invalid(`The parameter ${at}.Values must not be empty.`);
      if (d.Values.length > PUT_METRIC_DATA.maxValuesPerDatum) throw invalid(`The collection ${at}.Values must not have a size greater than ${PUT_METRIC_DATA.maxValuesPerDatum}.`);
      d.Values.forEach((v, k) => checkValue(v, `${at}.Values.member.${k + 1}`));
      if (d.Counts !== undefined) {
        if (!Array.isArray(d.Counts) || d.Counts.length !== d.Values.length) throw invalid(`The parameters ${at}.Values and ${at}.Counts must be of the same size.`);
        d.Counts.forEach((c, k) => checkValue(c, `${at}.Counts.member.${k + 1}`));
      }
    } else if (d.Counts !== undefined) {
      throw invalid(`The parameter ${at}.Counts requires ${at}.Values.`);
    }
    if (d.Unit !== undefined && !UNITS.has(d.Unit)) throw invalid(`The value ${d.Unit} for parameter ${at}.Unit is invalid.`);
    if (d.StorageResolution !== undefined && d.StorageResolution !== 1 && d.StorageResolution !== 60) throw invalid(`The value ${d.StorageResolution} for parameter ${at}.StorageResolution is invalid.`);
    if (d.Timestamp !== undefined) {
      if (!isNumber(d.Timestamp)) throw invalid(`The value ${String(d.Timestamp)} for parameter ${at}.Timestamp is invalid.`);
      const ms = d.Timestamp * 1000;
      if (ms < now - MAX_AGE_MS || ms > now + MAX_AHEAD_MS) throw invalid(`The parameter ${at}.Timestamp must specify a time no more than two weeks in the past or two hours in the future.`);
    }
  });
  return {};
}

export function cloudwatchService(): ServiceDefinition {
  return {
    name: 'cloudwatch',
    signingName: 'monitoring',
    protocol: CLOUDWATCH_PROTOCOL,
    maxBodyBytes: PUT_METRIC_DATA.maxBodyBytes,
    operations: { PutMetricData: putMetricData },
  };
}

export interface PublishedDatum extends PutDatum {
  readonly Namespace: string;
}

/** Every datum CloudWatch accepted, in order. */
export function publishedDatums(double: AwsDouble): PublishedDatum[] {
  return double.calls('cloudwatch', 'PutMetricData').flatMap((call) => {
    const input = call.input as { Namespace: string; MetricData: PutDatum[] };
    return input.MetricData.map((d) => ({ ...d, Namespace: input.Namespace }));
  });
}
