// `vantage check` and `vantage run` read ${ssm:…} and ${secretsmanager:…}
// with the probe Lambda's own reader, credentials and region from the
// standard AWS chain: here the environment, the strict local AWS double
// behind AWS_ENDPOINT_URL_SSM / AWS_ENDPOINT_URL_SECRETS_MANAGER, and no
// shared config files or instance metadata (nothing leaves 127.0.0.1).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startProbeAwsDouble, TEST_CREDENTIALS, type ProbeAwsDouble } from '../../support/aws/index.ts';
import { evmAnswers, jsonRpcFake, type JsonRpcFake } from '../../support/servers.ts';
import { ROOT, runVantage, VANTAGE_BIN } from '../../support/vantage-cli.ts';

const TOKEN = 'tok-5e0c2b9a71d84f36';
const PATH_KEY = 'pk-c81f4a2e6b903d57';
const NO_CREDENTIALS = 'no AWS credentials found (set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)';
const NO_REGION = 'no AWS region set (set AWS_REGION, or AWS_PROFILE naming a profile with a region)';

const dir = mkdtempSync(join(tmpdir(), 'vantage-cli-secrets-'));
let aws: ProbeAwsDouble;
let node: JsonRpcFake;
let configFile: string;

beforeAll(async () => {
  [aws, node] = await Promise.all([startProbeAwsDouble(), jsonRpcFake(evmAnswers({ height: 100 }))]);
  configFile = join(dir, 'vantage.yaml');
  writeFileSync(configFile, `version: 1
networks:
  - id: dev
    chain: evm
    endpoints:
      - id: node-1
        url: "${node.url}/v3/\${secretsmanager:vantage/path-key}"
        headers: { X-Api-Key: "\${ssm:/vantage/node-token}" }
`);
});
afterAll(async () => {
  await Promise.all([aws.double.stop(), node.close()]);
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  aws.double.reset();
  node.requests.length = 0;
  aws.parameters.set('/vantage/node-token', { value: TOKEN, type: 'SecureString' });
  aws.secrets.set('vantage/path-key', PATH_KEY);
});

/** The CLI's environment: only what a test gives, never a shared AWS file or the instance metadata service. */
function awsEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_SSM: aws.double.url,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.double.url,
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    HOME: dir,
    ...extra,
  };
}

const CREDENTIALS = { AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey, AWS_REGION: 'eu-west-1' };

describe('vantage check with ${ssm:…} and ${secretsmanager:…}', () => {
  it('reads both kinds through the AWS credential chain and probes the endpoint with the values, never printing them', async () => {
    const run = await runVantage(['check', '--config', configFile, '--json'], awsEnv(CREDENTIALS));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const endpoint = (JSON.parse(run.stdout) as { networks: { endpoints: { url: string; status: string }[] }[] }).networks[0]!.endpoints[0]!;
    expect(endpoint).toMatchObject({ url: `${node.url}/v3/***`, status: 'up' });

    expect(node.requests.length).toBeGreaterThan(0);
    for (const request of node.requests) {
      expect(request.url).toBe(`/v3/${PATH_KEY}`);
      expect(request.headers['x-api-key']).toBe(TOKEN);
    }
    const [parameter] = aws.double.calls('ssm', 'GetParameter');
    expect(parameter).toMatchObject({ region: 'eu-west-1', accessKeyId: TEST_CREDENTIALS.accessKeyId, input: { Name: '/vantage/node-token', WithDecryption: true } });
    expect(aws.double.calls('secretsmanager', 'GetSecretValue').map((c) => (c.input as { SecretId: string }).SecretId)).toEqual(['vantage/path-key']);
    for (const secret of [TOKEN, PATH_KEY]) expect(run.stdout + run.stderr).not.toContain(secret.slice(0, 8));
  });

  it('prints the table with the secret redacted from every line', async () => {
    const run = await runVantage(['check', '--config', configFile], awsEnv(CREDENTIALS));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('node-1');
    for (const secret of [TOKEN, PATH_KEY]) expect(run.stdout + run.stderr).not.toContain(secret.slice(0, 8));
  });

  it('without AWS credentials: exit 2, one line per reference naming it and what is missing, nothing probed', async () => {
    const run = await runVantage(['check', '--config', configFile], awsEnv({ AWS_REGION: 'eu-west-1' }));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        `${configFile}:7: networks[0].endpoints[0].url: \${secretsmanager:vantage/path-key}: ${NO_CREDENTIALS}`,
        `${configFile}:8: networks[0].endpoints[0].headers.X-Api-Key: \${ssm:/vantage/node-token}: ${NO_CREDENTIALS}`,
        '',
      ].join('\n'),
    });
    expect(node.requests).toEqual([]);
    expect(aws.double.requests).toEqual([]);
  });

  it('without a region or credentials: says both at once', async () => {
    const run = await runVantage(['check', '--config', configFile], awsEnv());
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `${configFile}:7: networks[0].endpoints[0].url: \${secretsmanager:vantage/path-key}: ${NO_REGION}; ${NO_CREDENTIALS}`,
      `${configFile}:8: networks[0].endpoints[0].headers.X-Api-Key: \${ssm:/vantage/node-token}: ${NO_REGION}; ${NO_CREDENTIALS}`,
    ]);
  });

  it('a parameter that does not exist: exit 2 naming it, nothing probed', async () => {
    aws.parameters.delete('/vantage/node-token');
    const run = await runVantage(['check', '--config', configFile, '--json'], awsEnv(CREDENTIALS));
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${configFile}:8: networks[0].endpoints[0].headers.X-Api-Key: \${ssm:/vantage/node-token} was not found\n`,
    });
    expect(node.requests).toEqual([]);
  });

  it('a read that AWS refuses past the retries: exit 2 naming the reference and the error', async () => {
    aws.double.fault('GetSecretValue', { kind: 'throttle' });
    try {
      const run = await runVantage(['check', '--config', configFile], awsEnv(CREDENTIALS));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^\S+:7: networks\[0\]\.endpoints\[0\]\.url: \$\{secretsmanager:vantage\/path-key\}: throttled past the retries \(ThrottlingException: Rate exceeded\)\n$/);
    } finally {
      aws.double.clearFaults();
    }
  });
});

describe('vantage run with ${ssm:…} and ${secretsmanager:…}', () => {
  it('reads them at start and probes with the values', async () => {
    const child = spawn(process.execPath, [VANTAGE_BIN, 'run', '--config', configFile, '--json', '--interval', '1'], {
      cwd: ROOT, env: { PATH: process.env['PATH'], ...awsEnv(CREDENTIALS) }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const firstRound = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`vantage run exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(JSON.parse(firstRound)).toMatchObject({ status: 'up', networks: [{ endpoints: [{ url: `${node.url}/v3/***`, status: 'up' }] }] });
    expect(node.requests[0]).toMatchObject({ url: `/v3/${PATH_KEY}`, headers: { 'x-api-key': TOKEN } });
    for (const secret of [TOKEN, PATH_KEY]) expect(stdout + stderr).not.toContain(secret.slice(0, 8));
  });

  it('without AWS credentials: exit 2 naming the references', async () => {
    const run = await runVantage(['run', '--config', configFile], awsEnv({ AWS_REGION: 'eu-west-1' }));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      `${configFile}:7: networks[0].endpoints[0].url: \${secretsmanager:vantage/path-key}: ${NO_CREDENTIALS}`,
      `${configFile}:8: networks[0].endpoints[0].headers.X-Api-Key: \${ssm:/vantage/node-token}: ${NO_CREDENTIALS}`,
    ]);
  });
});
