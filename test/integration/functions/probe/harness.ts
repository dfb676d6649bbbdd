// What the probe handler tests share: a real hardhat node behind a real HTTPS
// endpoint (test CA) that insists on the secrets the config references, the
// local AWS double holding those secrets, a config file naming them, and a
// Lambda context whose remaining time counts down in real time.
import { createServer as createHttpsServer, type Server } from 'node:https';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import { createCa, issueLeaf } from '../../../support/certificates.ts';
import { startHardhat, type HardhatNode } from '../../../support/hardhat.ts';
import { startProbeAwsDouble, type ProbeAwsDouble } from '../../../support/aws/index.ts';
import { freePort } from '../../../support/free-port.ts';

export const SECRETS = {
  /** ${ssm:/vantage/node-token}: sent as a bearer token. */
  token: 'tok-3f9a1c77e2b84d50a6c1',
  /** ${secretsmanager:vantage/path-key}: the URL path, like /v3/<key> at node providers. */
  pathKey: 'pk-91b2e4d7c3a84f6b0e55',
} as const;

export const PUBLISHER_ROLE = 'arn:aws:iam::111111111111:role/vantagetest-metrics-publisher';

export interface ProbeWorld {
  readonly hardhat: HardhatNode;
  readonly aws: ProbeAwsDouble;
  /** HTTPS endpoint in front of hardhat. */
  readonly tlsUrl: string;
  /** Requests the HTTPS endpoint saw: their path and Authorization header. */
  readonly seen: { path: string; authorization: string | undefined }[];
  readonly caFile: string;
  readonly dir: string;
  /** Writes a config file into the world's directory. */
  writeConfig(name: string, yaml: string): string;
  stop(): Promise<void>;
}

export async function startProbeWorld(): Promise<ProbeWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'vantage-probe-fn-'));
  const hardhat = await startHardhat();
  const aws = await startProbeAwsDouble();
  aws.parameters.set('/vantage/node-token', { value: SECRETS.token, type: 'SecureString' });
  aws.secrets.set('vantage/path-key', SECRETS.pathKey);

  const ca = await createCa('Probe Function Test CA');
  const leaf = await issueLeaf(ca, { names: ['127.0.0.1', 'localhost'] });
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, ca.cert);
  const seen: ProbeWorld['seen'] = [];
  const server: Server = createHttpsServer({ cert: leaf.cert, key: leaf.key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      if (req.url !== `/${SECRETS.pathKey}` || req.headers.authorization !== `Bearer ${SECRETS.token}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
        return;
      }
      const upstream = await fetch(hardhat.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
      res.writeHead(upstream.status, { 'content-type': 'application/json' }).end(await upstream.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const tlsUrl = `https://127.0.0.1:${(server.address() as { port: number }).port}`;

  return {
    hardhat, aws, tlsUrl, seen, caFile, dir,
    writeConfig(name, yaml) {
      const path = join(dir, name);
      writeFileSync(path, yaml);
      return path;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await aws.double.stop();
      await hardhat.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A config with a TLS endpoint using both secret kinds, a plain endpoint, and a dead one. */
export async function standardConfig(world: ProbeWorld, extra = ''): Promise<string> {
  const dead = await freePort();
  return world.writeConfig('vantage.yaml', `
version: 1
central: { account: "111111111111", region: us-east-1, namespace: VantageTest }
metrics: { detail: full }
networks:
  - id: local-evm
    chain: evm
    expect: { chainId: 31337 }
    endpoints:
      - id: node-tls
        url: "${world.tlsUrl}/\${secretsmanager:vantage/path-key}"
        headers: { Authorization: "Bearer \${ssm:/vantage/node-token}" }
        tls: { caFile: ./ca.pem }
      - id: node-plain
        url: "${world.hardhat.url}"
      - id: dead
        url: "http://127.0.0.1:${dead}"
        timeoutMs: 2000
${extra}`);
}

/** A Lambda context with `remainingMs` left from now, counting down. */
export function lambdaContext(remainingMs: number): Context {
  const end = Date.now() + remainingMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'vantage-probe',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:222222222222:function:vantage-probe',
    memoryLimitInMB: '512',
    awsRequestId: `req-${Math.random().toString(36).slice(2)}`,
    logGroupName: '/aws/lambda/vantage-probe',
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => Math.max(0, end - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

export { captureOutput, splitLines, type LogLine } from '../../../support/lambda-output.ts';
