// The real CDK CLI, offline: `cdk synth` from the repository with cdk.json as
// committed, no AWS credentials, and every HTTP(S) proxy variable pointing
// at a local socket that counts connections — a client that honours the
// proxy variables (the CLI's SDK, notices and version check) and tries the
// network shows up there.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT as REPOSITORY_ROOT } from '../support/vantage-cli.ts';

let dir: string;
let proxy: Server;
let proxyConnections = 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vantage-cdk-'));
  proxy = createServer((socket) => {
    proxyConnections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^(AWS_|CDK_)/.test(key) && !/proxy/i.test(key)) env[key] = value;
  const address = proxy.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    ...env,
    PATH: `${join(REPOSITORY_ROOT, 'node_modules', '.bin')}:${env['PATH'] ?? ''}`,
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    HTTP_PROXY: url, HTTPS_PROXY: url, http_proxy: url, https_proxy: url,
  };
}

function cdk(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'node_modules', 'aws-cdk', 'bin', 'cdk'), ...args], {
      cwd: REPOSITORY_ROOT, env: offlineEnv(), stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CDK app alone, as the CLI starts it: context in CDK_CONTEXT_JSON, output folder in CDK_OUTDIR. */
function app(context: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPOSITORY_ROOT, 'infra', 'app.ts')], {
      cwd: REPOSITORY_ROOT,
      env: { ...offlineEnv(), CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: join(dir, 'app.out') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const INVALID = 'test/fixtures/configs/invalid';

describe('the CDK app on a malformed config', () => {
  it.each([
    ['alias-bomb.yaml', '9: f[0]: too many alias expansions (limit 100000 values): the file looks like a YAML bomb'],
    ['alias-unknown.yaml', '2: networks: alias *nope refers to no anchor (an anchor &nope must come before it)'],
    ['alias-loop.yaml', '9: networks[0].endpoints[0].body.query[1]: alias *body is inside its own anchor &body (a loop)'],
    ['timeout-overflows-timer.yaml', '8: networks[0].endpoints[0].timeoutMs: must be at most 120000 (milliseconds)'],
  ])('%s: exit 2, one line naming the file, nothing on stdout', async (file, line) => {
    const run = await app({ config: `${INVALID}/${file}` });
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${INVALID}/${file}:${line}\n` });
  });
});

describe('the CDK app on an arrival window that does not fit the probe function', () => {
  it('exits 2 with one line naming networks[0].arrival.windowSeconds and the parts that add up', async () => {
    const file = 'test/fixtures/infra/arrival-too-long.yaml';
    const run = await app({ config: file });
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `${file}: networks[0].arrival.windowSeconds: makes a probe run need 904 s (probes 720 s, arrival watch 171 s, publishing reserve 8 s, start-up 5 s); a Lambda function runs at most 900 s: shorten the window, or raise probe.shards or probe.concurrency, or lower the endpoints' timeoutMs\n`,
    });
  });
});

describe('npx cdk synth', () => {
  it('synthesizes the example config offline, bundling both functions with the config, without touching the network', async () => {
    const out = join(dir, 'cdk.out');
    const { code, stderr } = await cdk(['synth', '--quiet', '--output', out]);
    expect(stderr).not.toMatch(/Error|newer version|NOTICES/);
    expect(code).toBe(0);
    expect(proxyConnections).toBe(0);

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.missing).toBeUndefined(); // no context lookups
    const stacks = Object.entries(manifest.artifacts as Record<string, { type: string; environment: string }>)
      .filter(([, a]) => a.type === 'aws:cloudformation:stack')
      .map(([name, a]) => `${name} ${a.environment}`);
    expect(stacks.sort()).toEqual([
      'Vantage-Central aws://111111111111/us-east-1',
      'Vantage-Probe-ap-southeast-1 aws://unknown-account/ap-southeast-1',
      'Vantage-Probe-eu-west-1 aws://unknown-account/eu-west-1',
      'Vantage-Probe-us-east-1 aws://unknown-account/us-east-1',
    ]);

    const probe = JSON.parse(readFileSync(join(out, 'Vantage-Probe-eu-west-1.template.json'), 'utf8'));
    const fn = Object.values(probe.Resources as Record<string, { Type: string; Metadata?: Record<string, string> }>).find((r) => r.Type === 'AWS::Lambda::Function')!;
    const bundle = readFileSync(join(out, fn.Metadata!['aws:asset:path']!, 'index.mjs'), 'utf8');
    // The config travels inside the bundle with its secret references unresolved, as written.
    expect(bundle).toContain('${ssm:/vantage/algod-token}');
    expect(bundle).toContain('${secretsmanager:vantage/eth-rpc-password}');
    expect(readdirSync(join(out, fn.Metadata!['aws:asset:path']!)).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    const central = JSON.parse(readFileSync(join(out, 'Vantage-Central.template.json'), 'utf8'));
    const status = Object.values(central.Resources as Record<string, { Type: string; Metadata?: Record<string, string> }>).find((r) => r.Type === 'AWS::Lambda::Function')!;
    expect(readFileSync(join(out, status.Metadata!['aws:asset:path']!, 'index.mjs'), 'utf8')).toContain('Example Node API status');
    expect(existsSync(join(REPOSITORY_ROOT, 'cdk.context.json'))).toBe(false);
  }, 180_000);

  it('stops with one line per missing setting and no stack trace when the config cannot be deployed', async () => {
    const { code, stdout, stderr } = await cdk(['synth', '--quiet', '-c', 'config=examples/local.yaml', '--output', join(dir, 'bad.out')]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('examples/local.yaml: central: is required by cdk synth (the account and region that hold metrics, alarms and the status page)\n');
    expect(stderr).toContain('examples/local.yaml: probe.regions: is required by cdk synth (the regions the probes run in)\n');
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 120_000);

  it('a YAML bomb stops synth with its one line and no stack trace', async () => {
    const { code, stdout, stderr } = await cdk(['synth', '--quiet', '-c', `config=${INVALID}/alias-bomb.yaml`, '--output', join(dir, 'bomb.out')]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${INVALID}/alias-bomb.yaml:9: f[0]: too many alias expansions (limit 100000 values): the file looks like a YAML bomb\n`);
    expect(stderr).not.toMatch(/^\s+at |Error:/m);
  }, 120_000);
});
