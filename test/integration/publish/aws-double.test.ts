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

  it('refuses a wrong X-Amz-Target, even correctly signed', async () => {
    const before = aws.double.requests.length;
    const renamed = new CloudWatchClient({ region: 'us-east-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    // Rewritten before the SDK signs, so only the target is wrong.
    renamed.middlewareStack.add((next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-amz-target'] = 'CloudWatch.PutMetricData';
      return next(args);
    }, { step: 'build' });
    await expect(renamed.send(new PutMetricDataCommand({ Namespace: 'Vantage', MetricData: [up()] })))
      .rejects.toMatchObject({ $metadata: { httpStatusCode: 404 }, message: expect.stringContaining('X-Amz-Target "CloudWatch.PutMetricData"') });
    expect(aws.double.requests.length).toBe(before + 1);
    expect(aws.double.calls('cloudwatch')).toEqual([]);
  });

  it('refuses a wrong signature, an unknown key, a temporary key without its token, and an unsigned body change', async () => {
    const client = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
      new CloudWatchClient({ region: 'us-east-1', endpoint: aws.double.url, credentials, maxAttempts: 1 });
    const put = (c: CloudWatchClient) => c.send(new PutMetricDataCommand({ Namespace: 'Vantage', MetricData: [up()] }));
    await expect(put(client({ ...TEST_CREDENTIALS, secretAccessKey: 'wrong' }))).rejects.toMatchObject({ Code: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
    await expect(put(client({ accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' }))).rejects.toMatchObject({ Code: 'InvalidClientTokenId', $metadata: { httpStatusCode: 403 } });

    const sts = new STSClient({ region: 'us-east-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const { Credentials: issued } = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/publisher', RoleSessionName: 'probe', DurationSeconds: 900 }));
    const temporary = { accessKeyId: issued!.AccessKeyId!, secretAccessKey: issued!.SecretAccessKey!, sessionToken: issued!.SessionToken! };
    await put(client(temporary));
    await expect(put(client({ ...temporary, sessionToken: undefined }))).rejects.toMatchObject({ Code: 'InvalidClientTokenId' });
    await expect(put(client({ ...temporary, sessionToken: 'forged' }))).rejects.toMatchObject({ Code: 'InvalidClientTokenId' });

    // The body changed after signing (a proxy rewriting it): the payload hash no longer matches.
    const tampered = client(TEST_CREDENTIALS);
    // The deserialize step runs after signing, just before the request is sent.
    tampered.middlewareStack.add((next) => (args) => {
      const request = args.request as { body: Uint8Array | string };
      request.body = Buffer.from(request.body).toString('utf8').replace('"Vantage"', '"Vantagf"');
      return next(args);
    }, { step: 'deserialize' });
    await expect(put(tampered)).rejects.toMatchObject({ Code: 'SignatureDoesNotMatch' });
    expect(aws.double.calls('cloudwatch', 'PutMetricData').map((c) => c.accessKeyId)).toEqual([temporary.accessKeyId]);
  });

  it('rejects values CloudWatch cannot store: too small, too large, and Values without matching Counts', async () => {
    expect(await rejection([up({ Value: 2 ** -361 })])).toMatchObject({ code: 'InvalidParameterValue', message: expect.stringContaining('out of range') });
    expect(await rejection([up({ Value: -(2 ** 361) })])).toMatchObject({ code: 'InvalidParameterValue' });
    expect(await rejection([up({ Value: undefined, Values: [1, 2], Counts: [1] })])).toMatchObject({ code: 'InvalidParameterValue', message: expect.stringContaining('same size') });
    expect(await rejection([up({ Value: undefined, Values: Array.from({ length: 151 }, (_, i) => i), Counts: undefined })])).toMatchObject({ code: 'InvalidParameterValue', message: expect.stringContaining('greater than 150') });
    expect(await rejection([up({ Value: 1, Values: [1] })])).toMatchObject({ code: 'InvalidParameterValue', message: expect.stringContaining('mutually exclusive') });
    await cloudwatch.send(new PutMetricDataCommand({ Namespace: 'Vantage', MetricData: [up({ Value: 0 }), up({ Value: 2 ** -359 }), up({ Value: 2 ** 359 }), up({ Value: undefined, Values: [1, 2], Counts: [3, 1] })] }));
  });

  it('rejects dimension names and values that are not printable ASCII, blank, or (names) start with a colon', async () => {
    for (const dim of [{ Name: 'Network', Value: 'éth' }, { Name: 'Network', Value: '   ' }, { Name: 'Network', Value: 'a\tb' }, { Name: ':Network', Value: 'eth' }, { Name: 'Ré', Value: 'eth' }]) {
      expect(await rejection([up({ Dimensions: [dim] })])).toMatchObject({ code: 'InvalidParameterValue' });
    }
    expect(await rejection([up()], ':Vantage')).toMatchObject({ code: 'InvalidParameterValue' });
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

  it('refuses AssumeRole beyond the role\'s maximum session or from an unknown key, and lets assumed credentials sign', async () => {
    const sts = new STSClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const assume = (client: STSClient, DurationSeconds: number) => client.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111111111111:role/publisher', RoleSessionName: 'probe', DurationSeconds }));
    // The publisher role's MaxSessionDuration is one hour (infra/constructs/publisher-role.ts).
    await expect(assume(sts, 3601)).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('MaxSessionDuration') });
    const { Credentials: c } = await assume(sts, 3600);
    const chained = new STSClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! }, maxAttempts: 1 });
    await expect(assume(chained, 900)).resolves.toMatchObject({ Credentials: { AccessKeyId: expect.stringMatching(/^ASIA/) } });
    await expect(assume(new STSClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 }), 7200)).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(assume(new STSClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' }, maxAttempts: 1 }), 900))
      .rejects.toMatchObject({ name: 'InvalidClientTokenId' });
    await expect(assume(sts, 899)).rejects.toMatchObject({ name: 'ValidationError' });
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

  it('finds parameters and secrets by ARN too, and refuses names the services refuse', async () => {
    aws.parameters.set('/vantage/arn-token', { value: 'by-arn' });
    aws.secrets.set('vantage/arn-key', 'secret-by-arn');
    const ssm = new SSMClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const sm = new SecretsManagerClient({ region: 'eu-west-1', endpoint: aws.double.url, credentials: TEST_CREDENTIALS, maxAttempts: 1 });
    const get = (Name: string) => ssm.send(new GetParameterCommand({ Name, WithDecryption: true }));
    expect((await get('arn:aws:ssm:eu-west-1:111111111111:parameter/vantage/arn-token')).Parameter).toMatchObject({ Name: '/vantage/arn-token', Value: 'by-arn' });
    expect((await get(' /vantage/arn-token ')).Parameter?.Value).toBe('by-arn');
    expect((await get('/vantage/arn-token:1')).Parameter?.Value).toBe('by-arn');
    await expect(get('/vantage/arn-token:7')).rejects.toMatchObject({ name: 'ParameterVersionNotFound' });
    await expect(get('/vantage/arn token')).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(get(`/${'x'.repeat(2048)}`)).rejects.toMatchObject({ name: 'ValidationException' });
    const secret = (SecretId: string) => sm.send(new GetSecretValueCommand({ SecretId }));
    expect((await secret('arn:aws:secretsmanager:eu-west-1:111111111111:secret:vantage/arn-key-AbCdEf')).SecretString).toBe('secret-by-arn');
    await expect(secret('arn:aws:secretsmanager:us-east-1:111111111111:secret:vantage/arn-key-AbCdEf')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(sm.send(new GetSecretValueCommand({ SecretId: 'vantage/arn-key', VersionStage: 'AWSPREVIOUS' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
