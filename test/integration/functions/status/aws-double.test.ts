// The status function's AWS reads and writes against the double: pagination
// and batching by the real SDK clients, and the double refusing what AWS
// refuses.
import { CloudWatchClient, DescribeAlarmsCommand, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alarmTransitions, describeMetricAlarms } from '../../../../functions/status/alarm-reader.ts';
import { getMetricData } from '../../../../functions/status/metric-reader.ts';
import { AwsDouble, TEST_CREDENTIALS } from '../../../support/aws/index.ts';
import { AlarmStore, cloudwatchAlarmsService } from '../../../support/aws/cloudwatch-alarms.ts';
import { cloudwatchMetricDataService, type MetricPoint } from '../../../support/aws/cloudwatch-metric-data.ts';
import { s3Service, type Buckets } from '../../../support/aws/s3.ts';

const store = new AlarmStore();
const points: MetricPoint[] = [];
const buckets: Buckets = new Map([['site', new Map()]]);
let double: AwsDouble;
let cloudwatch: CloudWatchClient;
let s3: S3Client;
const signal = new AbortController().signal;
const T0 = Date.parse('2025-11-20T00:00:00.000Z');

beforeAll(async () => {
  double = await AwsDouble.start([cloudwatchAlarmsService(store), cloudwatchMetricDataService(() => points), s3Service(buckets)]);
  const common = { region: 'us-east-1', endpoint: double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 };
  cloudwatch = new CloudWatchClient(common);
  s3 = new S3Client(common);
  for (let i = 0; i < 250; i++) store.put({ AlarmName: `Vantage net/e${String(i).padStart(3, '0')} outage` }, new Date(T0));
  store.put({ AlarmName: 'Other team alarm' }, new Date(T0));
  for (let i = 0; i < 150; i++) store.setState('Vantage net/e000 outage', i % 2 ? 'OK' : 'ALARM', new Date(T0 + i * 60_000), i);
  for (let q = 0; q < 600; q++) {
    for (let d = 0; d < 3; d++) {
      points.push({ namespace: 'Vantage', metricName: 'Up', dimensions: { Endpoint: `e${q}` }, unit: 'None', at: T0 + d * 86_400_000 + 3_600_000, value: d === 1 ? 0 : 1 });
    }
  }
});
afterAll(async () => double?.stop());
beforeEach(() => double.reset());

const upQuery = (q: number) => ({
  Id: `u${q}`,
  MetricStat: { Metric: { Namespace: 'Vantage', MetricName: 'Up', Dimensions: [{ Name: 'Endpoint', Value: `e${q}` }] }, Period: 86_400, Stat: 'Average', Unit: 'None' as const },
  ReturnData: true,
});

describe('status function AWS reads against the double', () => {
  it('pages through DescribeAlarms 100 at a time, only the prefix asked for', async () => {
    const alarms = await describeMetricAlarms(cloudwatch, 'Vantage ', signal);
    expect(alarms).toHaveLength(250);
    expect(alarms[0]!.StateUpdatedTimestamp).toEqual(new Date(T0 + 149 * 60_000));
    const calls = double.calls('cloudwatch', 'DescribeAlarms');
    expect(calls).toHaveLength(3);
    expect(calls[0]!.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.DescribeAlarms');
    expect(calls[0]!.input).toEqual({ AlarmNamePrefix: 'Vantage ', AlarmTypes: ['MetricAlarm'], MaxRecords: 100 });
  });

  it('pages through one alarm\'s history oldest first, with the values of each state change', async () => {
    const transitions = await alarmTransitions(cloudwatch, 'Vantage net/e000 outage', new Date(T0 - 1000), new Date(T0 + 86_400_000), signal);
    expect(transitions).toHaveLength(150);
    expect(transitions[0]).toEqual({ name: 'Vantage net/e000 outage', at: new Date(T0).toISOString(), from: 'INSUFFICIENT_DATA', to: 'ALARM', value: 0 });
    expect(transitions[149]).toMatchObject({ from: 'ALARM', to: 'OK', value: 149 });
    expect(double.calls('cloudwatch', 'DescribeAlarmHistory')).toHaveLength(2);
  });

  it('splits GetMetricData into batches of 500 queries and follows NextToken across pages', async () => {
    const queries = Array.from({ length: 600 }, (_, q) => upQuery(q));
    const results = await getMetricData(cloudwatch, queries, new Date(T0), new Date(T0 + 3 * 86_400_000), signal, 1000);
    expect(results.size).toBe(600);
    expect(results.get('u599')!.points.map((p) => [p.at.toISOString(), p.value])).toEqual([
      ['2025-11-22T00:00:00.000Z', 1], ['2025-11-21T00:00:00.000Z', 0], ['2025-11-20T00:00:00.000Z', 1],
    ]);
    // 500 queries × 3 points = 1,500 points: 2 pages of at most 1,000; then 100 queries in one page.
    expect(double.calls('cloudwatch', 'GetMetricData')).toHaveLength(3);
  });
});

describe('the double answers what the status page asks for', () => {
  const ttfb = (id: string, period: number, stat: string) => ({
    Id: id,
    MetricStat: { Metric: { Namespace: 'Vantage', MetricName: 'TimeToFirstByte', Dimensions: [{ Name: 'Endpoint', Value: 'p' }] }, Period: period, Stat: stat, Unit: 'Milliseconds' as const },
    ReturnData: true,
  });

  it('computes percentile statistics (p50, p90) from the raw values, by nearest rank', async () => {
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000;
    for (const v of [40, 10, 30, 20, 50]) points.push({ namespace: 'Vantage', metricName: 'TimeToFirstByte', dimensions: { Endpoint: 'p' }, unit: 'Milliseconds', at: hour + 60_000, value: v });
    const results = await getMetricData(cloudwatch, [ttfb('a', 3600, 'p50'), ttfb('b', 3600, 'p90'), ttfb('c', 3600, 'Maximum')], new Date(hour), new Date(hour + 3_600_000), signal);
    // Sorted 10..50: p50 is the 3rd of 5 (ceil 2.5), p90 the 5th (ceil 4.5).
    expect([results.get('a'), results.get('b'), results.get('c')].map((r) => r!.points.map((p) => p.value))).toEqual([[30], [50], [50]]);
    await expect(cloudwatch.send(new GetMetricDataCommand({ MetricDataQueries: [ttfb('a', 3600, 'median')], StartTime: new Date(hour), EndTime: new Date(hour + 1000) }))).rejects.toThrow(/Stat is invalid/);
  });

  it('returns no datapoints for a period finer than the data\'s age keeps (T0 is more than 63 days old: hours only)', async () => {
    const queries = [{ ...upQuery(7), Id: 'fine', MetricStat: { ...upQuery(7).MetricStat, Period: 300 } }, { ...upQuery(7), Id: 'hourly', MetricStat: { ...upQuery(7).MetricStat, Period: 3600 } }];
    const results = await getMetricData(cloudwatch, queries, new Date(T0), new Date(T0 + 86_400_000), signal);
    expect(results.get('fine')?.points ?? []).toEqual([]);
    expect(results.get('hourly')!.points.map((p) => p.value)).toEqual([1]);
  });

  it('reads an object back with its content type, and answers NoSuchKey for a missing one', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'api/v2/x.json', Body: '{"a":1}', ContentType: 'application/json' }));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'site', Key: 'api/v2/x.json' }));
    expect(object.ContentType).toBe('application/json');
    expect(await object.Body!.transformToString()).toBe('{"a":1}');
    await expect(s3.send(new GetObjectCommand({ Bucket: 'site', Key: 'nope.json' }))).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });
});

describe('the double refuses what CloudWatch and S3 refuse', () => {
  it('rejects MaxRecords above 100 and AlarmNames with AlarmNamePrefix', async () => {
    await expect(cloudwatch.send(new DescribeAlarmsCommand({ MaxRecords: 101 }))).rejects.toMatchObject({ name: 'ValidationException', Code: 'ValidationError' });
    await expect(cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['a'], AlarmNamePrefix: 'a' }))).rejects.toMatchObject({ name: 'InvalidParameterCombinationException', Code: 'InvalidParameterCombination' });
  });

  it('rejects GetMetricData ids that do not start with a lowercase letter, duplicate ids, and bad periods', async () => {
    const send = (queries: ReturnType<typeof upQuery>[]) => cloudwatch.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: new Date(T0), EndTime: new Date(T0 + 1000_000) }));
    await expect(send([{ ...upQuery(1), Id: 'Up1' }])).rejects.toMatchObject({ name: 'ValidationException', Code: 'ValidationError' });
    await expect(send([upQuery(1), upQuery(1)])).rejects.toThrow(/not unique/);
    await expect(send([{ ...upQuery(1), MetricStat: { ...upQuery(1).MetricStat, Period: 90 } }])).rejects.toThrow(/multiple of 60/);
  });

  it('rejects more than 500 queries in one GetMetricData call and a MaxDatapoints below 1', async () => {
    const queries = Array.from({ length: 501 }, (_, q) => upQuery(q));
    await expect(cloudwatch.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: new Date(T0), EndTime: new Date(T0 + 1000_000) })))
      .rejects.toThrow(/must not have a size greater than 500/);
    await expect(cloudwatch.send(new GetMetricDataCommand({ MetricDataQueries: [upQuery(1)], StartTime: new Date(T0), EndTime: new Date(T0 + 1000_000), MaxDatapoints: 0 })))
      .rejects.toMatchObject({ Code: 'ValidationError' });
  });

  it('stores objects with their content type and cache control, and refuses an unknown bucket', async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'badges/a.json', Body: '{"x":1}', ContentType: 'application/json', CacheControl: 'public, max-age=30' }));
    expect(buckets.get('site')!.get('badges/a.json')).toMatchObject({ contentType: 'application/json', cacheControl: 'public, max-age=30', etag: '"ac3ef48caa08fa3ed5e025da69edc645"' });
    await expect(s3.send(new PutObjectCommand({ Bucket: 'nope', Key: 'k', Body: 'x' }))).rejects.toMatchObject({ name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } });
  });

  it('refuses a body whose checksum or SHA-256 does not match what was signed', async () => {
    // A correctly signed request whose CRC32 is wrong (given by the caller, as the SDK allows).
    await expect(s3.send(new PutObjectCommand({ Bucket: 'site', Key: 'k.txt', Body: 'hello', ChecksumCRC32: 'AAAAAA==' })))
      .rejects.toMatchObject({ name: 'BadDigest', $metadata: { httpStatusCode: 400 } });
    // A payload hash header that is signed but is not the body's: set before the SDK signs.
    const lying = new S3Client({ region: 'us-east-1', endpoint: double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    lying.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-amz-content-sha256'] = 'f'.repeat(64);
      return next(args);
    }, { step: 'build' });
    await expect(lying.send(new PutObjectCommand({ Bucket: 'site', Key: 'k.txt', Body: 'hello' }))).rejects.toMatchObject({ name: 'XAmzContentSHA256Mismatch' });
    expect(buckets.get('site')!.has('k.txt')).toBe(false);
  });

  it('refuses S3 requests signed with the wrong secret before looking at the bucket', async () => {
    const wrong = new S3Client({ region: 'us-east-1', endpoint: double.url, credentials: { ...TEST_CREDENTIALS, secretAccessKey: 'not-the-secret' }, maxAttempts: 1 });
    await expect(wrong.send(new PutObjectCommand({ Bucket: 'site', Key: 'x.txt', Body: 'x' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    expect(buckets.get('site')!.has('x.txt')).toBe(false);
  });
});
