// The publisher with the real @aws-sdk/client-cloudwatch against the local
// AWS double: what arrives, how it is split, retried, given up on.
import { STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assumedRoleCredentials, REFRESH_BEFORE_EXPIRY_MS } from '../../../src/publish/assumed-role-credentials.ts';
import type { MetricDatum } from '../../../src/metrics/datum.ts';
import { createPublisher } from '../../../src/publish/create-publisher.ts';
import { publishRun } from '../../../src/publish/publish-run.ts';
import { publishedDatums, startProbeAwsDouble, type ProbeAwsDouble } from '../../support/aws/index.ts';
import { useTestCredentials } from '../../support/aws-env.ts';

useTestCredentials();

let aws: ProbeAwsDouble;
beforeAll(async () => {
  aws = await startProbeAwsDouble();
});
afterAll(() => aws.double.stop());
beforeEach(() => {
  aws.double.clearFaults();
  aws.double.reset();
});

const T = Math.floor(Date.now() / 60_000) * 60_000;

function datums(n: number): MetricDatum[] {
  return Array.from({ length: n }, (_, i) => ({
    name: 'Up',
    dimensions: [{ name: 'Network', value: `net-${i % 10}` }, { name: 'Endpoint', value: `ep-${i}` }, { name: 'ProbeRegion', value: 'eu-west-1' }],
    value: i % 3 === 0 ? 0 : 1,
    unit: 'None',
    timestamp: T,
  }));
}

const heartbeat: MetricDatum = { name: 'ProbeRuns', dimensions: [{ name: 'ProbeRegion', value: 'eu-west-1' }], value: 1, unit: 'Count', timestamp: T };

function publisher(roleArn: string | null = null) {
  return createPublisher({ namespace: 'VantageTest', centralRegion: 'us-east-1', roleArn, stsRegion: 'eu-west-1', endpoints: { cloudwatch: aws.double.url, sts: aws.double.url } });
}

const soon = (ms = 15_000) => ({ deadline: Date.now() + ms });

describe('CloudWatchPublisher against the AWS double', () => {
  it('delivers every datum with its name, dimensions, value, unit and timestamp, to the central region', async () => {
    const input = datums(5);
    const outcome = await publisher().publish(input, soon());
    expect(outcome).toMatchObject({ published: 5, requests: 1, unpublished: [], errors: [] });
    const calls = aws.double.calls('cloudwatch', 'PutMetricData');
    expect(calls.map((c) => c.region)).toEqual(['us-east-1']);
    expect(publishedDatums(aws.double)).toEqual(input.map((d) => ({
      Namespace: 'VantageTest',
      MetricName: 'Up',
      Dimensions: d.dimensions.map((x) => ({ Name: x.name, Value: x.value })),
      Value: d.value,
      Unit: 'None',
      Timestamp: T / 1000,
    })));
  });

  it('splits 3,000 datums into three gzip-compressed requests of 1,000', async () => {
    const outcome = await publisher().publish(datums(3000), soon());
    expect(outcome.published).toBe(3000);
    const calls = aws.double.calls('cloudwatch', 'PutMetricData');
    expect(calls.map((c) => (c.input as { MetricData: unknown[] }).MetricData.length)).toEqual([1000, 1000, 1000]);
    for (const call of calls) {
      expect(call.gzip).toBe(true);
      expect(call.wireBytes).toBeLessThan(call.body.length);
    }
    const endpoints = publishedDatums(aws.double).map((d) => d.Dimensions![1]!.Value);
    expect(new Set(endpoints).size).toBe(3000);
  });

  it('retries throttling with backoff and then succeeds', async () => {
    aws.double.fault('PutMetricData', { kind: 'throttle', times: 2 });
    const outcome = await publisher().publish(datums(3), soon());
    expect(outcome).toMatchObject({ published: 3, requests: 3, unpublished: [] });
    expect(aws.double.requests.map((r) => r.outcome)).toEqual(['fault:throttle', 'fault:throttle', 'ok']);
  });

  it('retries 5xx answers and dropped connections', async () => {
    aws.double.fault('PutMetricData', { kind: 'error500', times: 1 });
    expect((await publisher().publish(datums(2), soon())).published).toBe(2);
    aws.double.fault('PutMetricData', { kind: 'reset', times: 1 });
    expect((await publisher().publish(datums(2), soon())).published).toBe(2);
    expect(aws.double.requests.map((r) => r.outcome)).toEqual(['fault:error500', 'ok', 'fault:reset', 'ok']);
  });

  it('does not retry a request AWS rejected as invalid', async () => {
    const outcome = await createPublisher({ namespace: 'AWS/EC2', centralRegion: 'us-east-1', roleArn: null, endpoints: { cloudwatch: aws.double.url } })
      .publish(datums(2), soon());
    expect(outcome.requests).toBe(1);
    expect(outcome.unpublished).toHaveLength(2);
    expect(outcome.errors[0]).toMatch(/InvalidParameterValue \(HTTP 400\): The value AWS\/ for parameter Namespace is invalid/);
  });

  it('gives up on a hard-down CloudWatch by the deadline and returns everything unpublished', async () => {
    aws.double.fault('PutMetricData', { kind: 'error500' });
    const input = datums(1500);
    const outcome = await publisher().publish(input, soon(3_000));
    expect(outcome.published).toBe(0);
    expect(outcome.unpublished).toHaveLength(1500);
    expect(new Set(outcome.unpublished)).toEqual(new Set(input));
    expect(outcome.requests).toBeGreaterThan(2);
    expect(outcome.errors.every((e) => e.includes('InternalServiceError (HTTP 500)'))).toBe(true);
  });

  it('abandons a hanging request at the deadline', async () => {
    aws.double.fault('PutMetricData', { kind: 'hang' });
    const outcome = await publisher().publish(datums(4), soon(1_500));
    expect(outcome).toMatchObject({ published: 0, requests: 1 });
    expect(outcome.unpublished).toHaveLength(4);
    expect(outcome.errors[0]).toContain('deadline reached');
    expect(aws.double.requests.map((r) => r.outcome)).toEqual(['fault:hang']);
  });
});

describe('publishRun', () => {
  it('sends the ProbeRuns heartbeat last, once everything else was accepted', async () => {
    const outcome = await publishRun(publisher(), [heartbeat, ...datums(1200)], soon());
    expect(outcome).toMatchObject({ published: 1201, unpublished: [] });
    const calls = aws.double.calls('cloudwatch', 'PutMetricData');
    const last = calls.at(-1)!.input as { MetricData: { MetricName: string }[] };
    expect(last.MetricData.map((d) => d.MetricName)).toEqual(['ProbeRuns']);
    expect(calls.slice(0, -1).flatMap((c) => (c.input as { MetricData: { MetricName: string }[] }).MetricData.map((d) => d.MetricName))).not.toContain('ProbeRuns');
  });

  it('withholds the heartbeat when part of the run could not be published', async () => {
    aws.double.fault('PutMetricData', { kind: 'error500' });
    const outcome = await publishRun(publisher(), [heartbeat, ...datums(3)], soon(2_000));
    expect(outcome.unpublished).toContain(heartbeat);
    expect(outcome.unpublished).toHaveLength(4);
    expect(outcome.errors.at(-1)).toBe('ProbeRuns heartbeat withheld: the run was not published completely');
    expect(publishedDatums(aws.double)).toEqual([]);
  });
});

describe('the central publisher role', () => {
  const roleArn = 'arn:aws:iam::111111111111:role/vantagetest-metrics-publisher';

  it('signs PutMetricData with credentials of the assumed role, from the regional STS endpoint', async () => {
    const p = publisher(roleArn);
    await p.publish(datums(1), soon());
    const [assume] = aws.double.calls('sts', 'AssumeRole');
    expect(assume!.region).toBe('eu-west-1');
    expect(assume!.input).toMatchObject({ RoleArn: roleArn, RoleSessionName: 'vantage-probe', DurationSeconds: '900' });
    const issued = aws.sts.issued.at(-1)!;
    expect(aws.double.calls('cloudwatch', 'PutMetricData').map((c) => c.accessKeyId)).toEqual([issued.accessKeyId]);
  });

  it('assumes the role once and reuses the credentials for later runs', async () => {
    const p = publisher(roleArn);
    await p.publish(datums(1), soon());
    await p.publish(datums(1), soon());
    expect(aws.double.calls('sts', 'AssumeRole')).toHaveLength(1);
    expect(aws.double.calls('cloudwatch', 'PutMetricData')).toHaveLength(2);
  });

  it('assumes the role again when the cached credentials are about to expire', async () => {
    let clock = Date.now();
    const sts = new STSClient({ region: 'eu-west-1', endpoint: aws.double.url });
    const credentials = assumedRoleCredentials({ sts, roleArn, sessionName: 'refresh-test', now: () => clock });
    const first = await credentials();
    clock = first.expiration.getTime() - REFRESH_BEFORE_EXPIRY_MS - 1_000;
    expect((await credentials()).accessKeyId).toBe(first.accessKeyId);
    clock = first.expiration.getTime() - REFRESH_BEFORE_EXPIRY_MS + 1_000;
    const second = await credentials();
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(aws.double.calls('sts', 'AssumeRole')).toHaveLength(2);
  });

  it('reports a refused AssumeRole as unpublished datums, not an exception', async () => {
    const denied = await startProbeAwsDouble({ sts: { allowedRoles: ['arn:aws:iam::111111111111:role/other'] } });
    try {
      const p = createPublisher({ namespace: 'V', centralRegion: 'us-east-1', roleArn, endpoints: { cloudwatch: denied.double.url, sts: denied.double.url } });
      const outcome = await p.publish(datums(2), soon());
      expect(outcome.unpublished).toHaveLength(2);
      expect(outcome.errors[0]).toMatch(/^no credentials to publish with: AccessDenied \(HTTP 403\)/);
      expect(denied.double.calls('cloudwatch')).toEqual([]);
    } finally {
      await denied.double.stop();
    }
  });

  it('abandons a hanging STS at the deadline', async () => {
    aws.double.fault('AssumeRole', { kind: 'hang' });
    const outcome = await publisher(roleArn).publish(datums(2), soon(1_500));
    expect(outcome.unpublished).toHaveLength(2);
    expect(outcome.errors[0]).toBe('no credentials to publish with: deadline reached');
  });
});
