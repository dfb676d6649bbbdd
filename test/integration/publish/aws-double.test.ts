// The local AWS double must refuse what AWS refuses, or the publisher's tests
// prove nothing. Driven by the real SDK clients, plus raw requests where the
// SDK would not send the bad request itself.
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProbeAwsDouble, TEST_CREDENTIALS, type ProbeAwsDouble } from '../../support/aws/index.ts';

let aws: ProbeAwsDouble;
let cloudwatch: CloudWatchClient;
beforeAll(async () => {
  aws = await startProbeAwsDouble();
  cloudwatch = new CloudWatchClient({ region: 'us-east-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
});
afterAll(() => aws.double.stop());
beforeEach(() => {
  aws.double.clearFaults();
  aws.double.reset();
});

const up = (over: Partial<MetricDatum> = {}): MetricDatum => ({ MetricName: 'Up', Value: 1, Unit: 'None', Timestamp: new Date(), ...over });

async function rejection(data: MetricDatum[], namespace = 'Vantage'): Promise<{ code: string; status: number | undefined; message: string }> {
  try {
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
  } catch (err) {
    const e = err as { Code?: string; name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { code: e.Code ?? e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
  throw new Error('PutMetricData was accepted');
}

describe('CloudWatch PutMetricData in the double', () => {
  it('accepts what the SDK sends: JSON 1.0, query-compatible, signed for "monitoring"', async () => {
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'Vantage', MetricData: [up({ Dimensions: [{ Name: 'Network', Value: 'eth' }] })] }));
    const [call] = aws.double.calls('cloudwatch', 'PutMetricData');
    expect(call!.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(call!.headers['x-amz-target']).toBe('GraniteServiceVersion20100801.PutMetricData');
    expect(call!.headers['x-amzn-query-mode']).toBe('true');
    expect(call!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDVANTAGETEST\/\d{8}\/us-east-1\/monitoring\/aws4_request, SignedHeaders=/);
  });

  it('rejects more than 1,000 datums in one request', async () => {
    expect(await rejection(Array.from({ length: 1001 }, () => up()))).toMatchObject({ code: 'InvalidParameterValue', status: 400 });
  });

  it('rejects a body over 1 MB, gzip or not', async () => {
    const huge = Array.from({ length: 40 }, (_, i) => up({ Dimensions: Array.from({ length: 30 }, (_, d) => ({ Name: `D${d}`, Value: `${i}-${d}`.padEnd(1024, 'x') })) }));
    expect(await rejection(huge)).toMatchObject({ code: 'RequestEntityTooLarge', status: 413 });
  });

  it('rejects more than 30 dimensions', async () => {
    const dims = Array.from({ length: 31 }, (_, d) => ({ Name: `D${d}`, Value: 'v' }));
    expect(await rejection([up({ Dimensions: dims })])).toMatchObject({ code: 'InvalidParameterValue', message: expect.stringContaining('Dimensions must not have a size greater than 30') });
  });

  it('rejects empty metric names and empty dimension values', async () => {
    expect(await rejection([up({ MetricName: '' })])).toMatchObject({ code: 'MissingParameter' });
    expect(await rejection([up({ Dimensions: [{ Name: 'Network', Value: '' }] })])).toMatchObject({ code: 'InvalidParameterValue' });
  });

  it('rejects NaN and infinite values', async () => {
    expect(await rejection([up({ Value: Number.NaN })])).toMatchObject({ code: 'InvalidParameterValue', message: 'The value NaN for parameter MetricData.member.1.Value is invalid.' });
    expect(await rejection([up({ Value: Number.POSITIVE_INFINITY })])).toMatchObject({ code: 'InvalidParameterValue' });
    expect(await rejection([up({ Value: undefined, Values: [1, Number.NEGATIVE_INFINITY], Counts: [1, 1] })])).toMatchObject({ code: 'InvalidParameterValue' });
  });

  it('rejects the reserved AWS/ namespace and timestamps older than two weeks', async () => {
    expect(await rejection([up()], 'AWS/EC2')).toMatchObject({ code: 'InvalidParameterValue' });
    expect(await rejection([up({ Timestamp: new Date(Date.now() - 15 * 86_400_000) })])).toMatchObject({ code: 'InvalidParameterValue' });
  });

  it('refuses requests without an Authorization header', async () => {
    const res = await fetch(aws.double.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'GraniteServiceVersion20100801.PutMetricData' },
      body: JSON.stringify({ Namespace: 'Vantage', MetricData: [{ MetricName: 'Up', Value: 1 }] }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });

  it('refuses a wrong X-Amz-Target', async () => {
    const before = aws.double.requests.length;
    const res = await fetch(aws.double.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'CloudWatch.PutMetricData',
        'x-amz-date': '20260501T120000Z',
        authorization: `AWS4-HMAC-SHA256 Credential=AKID/20260501/us-east-1/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
      body: '{}',
    });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { __type: string }).__type).toBe('com.amazonaws.cloudwatch#UnknownOperationException');
    expect(aws.double.requests.length).toBe(before + 1);
    expect(aws.double.calls('cloudwatch')).toEqual([]);
  });

  it('throttles, fails and recovers on command, counting each request', async () => {
    aws.double.fault('PutMetricData', { kind: 'throttle', times: 1 });
    expect(await rejection([up()])).toMatchObject({ code: 'Throttling', status: 400 });
    aws.double.fault('PutMetricData', { kind: 'error500', times: 1 });
    expect(await rejection([up()])).toMatchObject({ code: 'InternalServiceError', status: 500 });
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'Vantage', MetricData: [up()] }));
    expect(aws.double.requests.map((r) => r.outcome)).toEqual(['fault:throttle', 'fault:error500', 'ok']);
  });
});

describe('STS, SSM and Secrets Manager in the double', () => {
  it('answers AssumeRole in the query protocol with fresh temporary credentials', async () => {
    const sts = new STSClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/publisher', RoleSessionName: 'probe', DurationSeconds: 900 }));
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA[0-9A-F]{16}$/);
    expect(out.Credentials!.Expiration!.getTime()).toBeGreaterThan(Date.now() + 800_000);
    expect(out.AssumedRoleUser?.Arn).toBe('arn:aws:sts::111111111111:assumed-role/publisher/probe');
    await expect(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/publisher', RoleSessionName: 'probe', DurationSeconds: 60 })))
      .rejects.toMatchObject({ name: 'ValidationError' });
  });

  it('answers GetParameter (decrypted only when asked) and GetSecretValue, and says when a name is unknown', async () => {
    aws.parameters.set('/vantage/token', { value: 'ssm-value' });
    aws.secrets.set('vantage/key', 'secret-value');
    const ssm = new SSMClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    expect((await ssm.send(new GetParameterCommand({ Name: '/vantage/token', WithDecryption: true }))).Parameter?.Value).toBe('ssm-value');
    expect((await ssm.send(new GetParameterCommand({ Name: '/vantage/token' }))).Parameter?.Value).not.toBe('ssm-value');
    expect((await sm.send(new GetSecretValueCommand({ SecretId: 'vantage/key' }))).SecretString).toBe('secret-value');
    await expect(ssm.send(new GetParameterCommand({ Name: '/nope', WithDecryption: true }))).rejects.toMatchObject({ name: 'ParameterNotFound' });
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'nope' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
