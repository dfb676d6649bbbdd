// CloudWatch GetMetricData in the double, over awsJson1_0 as
// @aws-sdk/client-cloudwatch sends it. Validates like AWS (1-500 queries,
// ids unique and of the documented pattern, one of MetricStat or Expression,
// periods of 1/5/10/20/30 s or multiples of 60, known statistics (and
// percentiles pNN, pNN.N) and units, StartTime before EndTime), aggregates
// stored datapoints into period buckets from StartTime, and paginates by
// MaxDatapoints with NextToken. A period finer than the data's age keeps
// returns no data points, as MetricStat documents (multiples of 60 s up to
// 15 days back, 300 s up to 63 days, 3600 s beyond). Percentiles are the
// nearest rank of the raw values (CloudWatch needs raw values for them, which
// the double keeps). Metric math expressions are refused: the double does
// not evaluate them.
import { GET_METRIC_DATA } from './aws-limits.ts';
import { CLOUDWATCH_PROTOCOL, type PublishedDatum } from './cloudwatch.ts';
import { AwsServiceError } from './protocols.ts';
import type { AwsRequest, ServiceDefinition } from './server.ts';

export interface MetricPoint {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly unit?: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly value: number;
}

interface Query {
  readonly Id: string;
  readonly MetricStat?: {
    readonly Metric?: { readonly Namespace?: string; readonly MetricName?: string; readonly Dimensions?: readonly { Name: string; Value: string }[] };
    readonly Period?: number;
    readonly Stat?: string;
    readonly Unit?: string;
  };
  readonly Expression?: string;
  readonly Label?: string;
  readonly ReturnData?: boolean;
}

// CloudWatch answers validation failures as coral's ValidationException, query code ValidationError.
const validation = (message: string) => new AwsServiceError('ValidationError', message, { jsonType: 'com.amazon.coral.validate#ValidationException' });
const STATS = new Set(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']);
const UNITS = new Set([
  'Seconds', 'Microseconds', 'Milliseconds', 'Bytes', 'Kilobytes', 'Megabytes', 'Gigabytes', 'Terabytes', 'Bits', 'Kilobits',
  'Megabits', 'Gigabits', 'Terabits', 'Percent', 'Count', 'Bytes/Second', 'Kilobytes/Second', 'Megabytes/Second',
  'Gigabytes/Second', 'Terabytes/Second', 'Bits/Second', 'Kilobits/Second', 'Megabits/Second', 'Gigabits/Second',
  'Terabits/Second', 'Count/Second', 'None',
]);
const SUB_MINUTE_PERIODS = new Set([1, 5, 10, 20, 30]);
/** Extended statistic: a percentile, p0 to p100 with up to two decimals. */
const PERCENTILE = /^p(\d{1,2}(\.\d{1,2})?|100)$/;

/** Datums the double's PutMetricData accepted, as points GetMetricData can read. */
export function pointsOfPublished(datums: readonly PublishedDatum[], receivedAt = Date.now()): MetricPoint[] {
  return datums.flatMap((d) => {
    const dimensions = Object.fromEntries((d.Dimensions ?? []).map((x) => [x.Name, x.Value]));
    const at = d.Timestamp !== undefined ? d.Timestamp * 1000 : receivedAt;
    const values = d.Value !== undefined ? [d.Value] : (d.Values ?? []).flatMap((v, i) => Array(d.Counts?.[i] ?? 1).fill(v) as number[]);
    return values.map((value) => ({ namespace: d.Namespace, metricName: d.MetricName, dimensions, unit: d.Unit, at, value }));
  });
}

function checkQueries(raw: unknown): Query[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new AwsServiceError('MissingParameter', 'The parameter MetricDataQueries is required.', { jsonType: 'com.amazonaws.cloudwatch#MissingRequiredParameterException' });
  if (raw.length > GET_METRIC_DATA.maxQueries) throw validation(`The collection MetricDataQueries must not have a size greater than ${GET_METRIC_DATA.maxQueries}.`);
  const ids = new Set<string>();
  return (raw as Query[]).map((q, i) => {
    const at = `MetricDataQueries.member.${i + 1}`;
    if (typeof q.Id !== 'string' || q.Id.length > GET_METRIC_DATA.maxIdLength || !GET_METRIC_DATA.idPattern.test(q.Id)) {
      throw validation(`Invalid ${at}.Id "${String(q.Id)}": it must start with a lowercase letter and contain only letters, digits and underscores.`);
    }
    if (ids.has(q.Id)) throw validation(`The value ${q.Id} for parameter MetricDataQueries.member.Id is not unique.`);
    ids.add(q.Id);
    if ((q.MetricStat === undefined) === (q.Expression === undefined)) throw validation(`Exactly one of ${at}.MetricStat and ${at}.Expression must be set.`);
    if (q.Expression !== undefined) throw validation(`${at}.Expression: the local double does not evaluate metric math`);
    const stat = q.MetricStat!;
    if (!stat.Metric?.MetricName) throw new AwsServiceError('MissingParameter', `The parameter ${at}.MetricStat.Metric.MetricName is required.`, { jsonType: 'com.amazonaws.cloudwatch#MissingRequiredParameterException' });
    if ((stat.Metric.Dimensions ?? []).length > 30) throw validation(`The collection ${at}.MetricStat.Metric.Dimensions must not have a size greater than 30.`);
    const period = stat.Period;
    if (typeof period !== 'number' || !Number.isInteger(period) || period < 1 || (period < 60 ? !SUB_MINUTE_PERIODS.has(period) : period % 60 !== 0)) {
      throw validation(`The parameter ${at}.MetricStat.Period must be 1, 5, 10, 20, 30, or a multiple of 60 (got ${String(period)}).`);
    }
    if (typeof stat.Stat !== 'string' || (!STATS.has(stat.Stat) && !PERCENTILE.test(stat.Stat))) {
      throw validation(`The value ${String(stat.Stat)} for parameter ${at}.MetricStat.Stat is invalid (the double knows ${[...STATS].join(', ')} and pNN percentiles).`);
    }
    if (stat.Unit !== undefined && !UNITS.has(stat.Unit)) throw validation(`The value ${stat.Unit} for parameter ${at}.MetricStat.Unit is invalid.`);
    return q;
  });
}

function aggregate(values: readonly number[], stat: string): number {
  if (PERCENTILE.test(stat)) {
    const sorted = [...values].sort((a, b) => a - b);
    const rank = Math.max(1, Math.ceil((Number(stat.slice(1)) / 100) * sorted.length));
    return sorted[rank - 1]!;
  }
  switch (stat) {
    case 'Sum': return values.reduce((a, b) => a + b, 0);
    case 'Minimum': return Math.min(...values);
    case 'Maximum': return Math.max(...values);
    case 'SampleCount': return values.length;
    default: return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

function sameDimensions(a: Readonly<Record<string, string>>, b: readonly { Name: string; Value: string }[]): boolean {
  const keys = Object.keys(a);
  return keys.length === b.length && b.every((d) => a[d.Name] === d.Value);
}

export function getMetricData(points: () => readonly MetricPoint[]) {
  return (request: AwsRequest) => {
    const input = request.input as Record<string, unknown>;
    const queries = checkQueries(input['MetricDataQueries']);
    if (typeof input['StartTime'] !== 'number' || typeof input['EndTime'] !== 'number') {
      throw new AwsServiceError('MissingParameter', 'The parameters StartTime and EndTime are required.', { jsonType: 'com.amazonaws.cloudwatch#MissingRequiredParameterException' });
    }
    // CloudWatch rounds StartTime down to the minute (recent data; older data to 5 min or 1 h).
    const start = Math.floor((input['StartTime'] as number) / 60) * 60_000;
    const end = (input['EndTime'] as number) * 1000;
    if (start >= end) throw validation('The parameter StartTime must be less than the parameter EndTime.');
    const scanBy = input['ScanBy'] ?? 'TimestampDescending';
    if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') throw validation(`Value '${String(scanBy)}' at 'scanBy' failed to satisfy constraint: Member must satisfy enum value set: [TimestampDescending, TimestampAscending]`);
    const max = input['MaxDatapoints'] ?? GET_METRIC_DATA.maxDatapoints;
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) throw validation('MaxDatapoints must be a positive integer.');

    const all = points();
    const ageDays = (Date.now() - start) / 86_400_000;
    const coarsest = GET_METRIC_DATA.periodForAgeDays.find(([days]) => ageDays <= days)![1];
    const results = queries.filter((q) => q.ReturnData !== false).map((q) => {
      const stat = q.MetricStat!;
      const metric = stat.Metric!;
      const periodMs = stat.Period! * 1000;
      const buckets = new Map<number, number[]>();
      // Data this old is kept only at a coarser period: a finer one returns nothing.
      const kept = ageDays <= 3 / 24 || stat.Period! % coarsest === 0;
      for (const p of all) {
        if (!kept || p.metricName !== metric.MetricName || p.namespace !== metric.Namespace || !sameDimensions(p.dimensions, metric.Dimensions ?? [])) continue;
        if (stat.Unit !== undefined && (p.unit ?? 'None') !== stat.Unit) continue;
        if (p.at < start || p.at >= end) continue;
        const bucket = start + Math.floor((p.at - start) / periodMs) * periodMs;
        buckets.set(bucket, [...(buckets.get(bucket) ?? []), p.value]);
      }
      const series = [...buckets].map(([at, values]) => ({ at, value: aggregate(values, stat.Stat!) }))
        .sort((a, b) => (scanBy === 'TimestampAscending' ? a.at - b.at : b.at - a.at));
      return { Id: q.Id, Label: q.Label ?? metric.MetricName!, series };
    });

    // Pages hold at most MaxDatapoints points, filled query by query.
    const offset = readOffset(input['NextToken']);
    let skipped = 0;
    let taken = 0;
    const page = results.map((r) => {
      const from = Math.max(0, Math.min(r.series.length, offset - skipped));
      skipped += r.series.length;
      const room = Math.max(0, max - taken);
      const slice = r.series.slice(from, from + room);
      taken += slice.length;
      const complete = from + slice.length >= r.series.length;
      return { Id: r.Id, Label: r.Label, Timestamps: slice.map((s) => s.at / 1000), Values: slice.map((s) => s.value), StatusCode: complete ? 'Complete' : 'PartialData' };
    });
    const total = results.reduce((n, r) => n + r.series.length, 0);
    return {
      MetricDataResults: page,
      Messages: [],
      ...(offset + taken < total ? { NextToken: Buffer.from(`GetMetricData:${offset + taken}`).toString('base64url') } : {}),
    };
  };
}

function readOffset(token: unknown): number {
  if (token === undefined) return 0;
  const match = /^GetMetricData:(\d+)$/.exec(typeof token === 'string' ? Buffer.from(token, 'base64url').toString('utf8') : '');
  if (!match) throw new AwsServiceError('InvalidNextToken', 'The service couldn\'t process your request because the NextToken value is invalid.', { jsonType: 'com.amazonaws.cloudwatch#InvalidNextToken' });
  return Number(match[1]);
}

/** Registers next to PutMetricData under the same signing name ("monitoring"). */
export function cloudwatchMetricDataService(points: () => readonly MetricPoint[]): ServiceDefinition {
  return { name: 'cloudwatch', signingName: 'monitoring', protocol: CLOUDWATCH_PROTOCOL, operations: { GetMetricData: getMetricData(points) } };
}
