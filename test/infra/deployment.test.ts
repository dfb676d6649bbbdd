import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config-error.ts';
import { loadDeployment, type AccountSettings } from '../../infra/deployment.ts';

const dir = mkdtempSync(join(tmpdir(), 'vantage-deployment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function configFile(yaml: string): string {
  const file = join(dir, `config-${n++}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

const NETWORKS = `
networks:
  - id: eth
    chain: evm
    endpoints: [{ id: a, url: "https://a.example.com" }]
`;
const CENTRAL = 'central: { account: "111111111111", region: us-east-1 }\n';

function problems(yaml: string, accounts: AccountSettings = {}): string[] {
  const file = configFile(yaml);
  try {
    loadDeployment(file, accounts);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).message.split('\n').map((line) => line.replace(`${file}: `, ''));
  }
  throw new Error('expected a ConfigError');
}

describe('loadDeployment', () => {
  it('names central and probe.regions, one line each, when synth cannot place the stacks', () => {
    expect(problems(`version: 1\n${NETWORKS}`)).toEqual([
      'central: is required by cdk synth (the account and region that hold metrics, alarms and the status page)',
      'probe.regions: is required by cdk synth (the regions the probes run in)',
    ]);
  });

  it('refuses ${env:…} references, which a deployed function cannot resolve', () => {
    expect(problems(`version: 1\n${CENTRAL}probe: { regions: [us-east-1] }
networks:
  - id: eth
    chain: evm
    endpoints: [{ id: a, url: "https://a.example.com", headers: { Authorization: "Bearer \${env:TOKEN}" } }]
`)).toEqual([
      'networks[0].endpoints[0].headers.Authorization: ${env:TOKEN} cannot be deployed (a Lambda function has no such variable, and the template must not hold the value); use ${ssm:/name} or ${secretsmanager:name}',
    ]);
  });

  it('checks what CloudWatch accepts: retention days, an hourly probe at least; any number of regions (alarms read region-less metrics)', () => {
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'ap-south-1', 'ap-northeast-1', 'sa-east-1'];
    expect(problems(`version: 1\n${CENTRAL}probe: { regions: [${regions.join(', ')}], schedule: rate(2 hours) }\nlogs: { retentionDays: 45 }\n${NETWORKS}`)).toEqual([
      'probe.schedule: runs every 7200 s; availability alarms need a probe at least every 3600 s',
      'logs.retentionDays: is 45; CloudWatch Logs keeps logs for one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653 days',
    ]);
  });

  it('refuses a fleet needing more Metrics Insights alarms than a deployment may use, in one line naming the count and the quota', () => {
    // 22 evm networks of 251 endpoints: each its own alarm group, each with 7 fleet conditions (22 × 7 = 154).
    const networks = Array.from({ length: 22 }, (_, n) => `  - id: n${n}\n    chain: evm\n    endpoints:\n${Array.from({ length: 251 }, (_, e) => `      - { id: e${e}, url: "https://e${e}.n${n}.example.com" }`).join('\n')}`).join('\n');
    expect(problems(`version: 1\n${CENTRAL}probe: { regions: [us-east-1, eu-west-1] }\nnetworks:\n${networks}\n`)).toEqual([
      'networks: need fleet alarms, and needs 154 Metrics Insights alarms; an account and region holds 200 (not adjustable) and one deployment keeps to 150 (docs/deploy.md, "Limits")',
    ]);
  }, 60_000);

  it('refuses a namespace that makes alarm names longer than the 255 characters CloudWatch allows', () => {
    const namespace = `Acme/${'x'.repeat(220)}`;
    const lines = problems(`version: 1\ncentral: { account: "111111111111", region: us-east-1, namespace: ${namespace} }\nprobe: { regions: [us-east-1] }
networks:
  - id: ${'n'.repeat(30)}
    chain: evm
    endpoints: [{ id: ${'e'.repeat(20)}, url: "https://a.example.com" }]
`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^central\.namespace: makes alarm names up to 2[6-9]\d characters \(e\.g\. "Acme\/x+…"\); CloudWatch allows 255: shorten the namespace or the network and endpoint ids$/);
  });

  it('refuses credentials written literally, naming each path and never the value, unless the endpoint allows them', () => {
    const config = (allow: string) => `version: 1\n${CENTRAL}probe: { regions: [us-east-1] }
networks:
  - id: eth
    chain: evm
    endpoints:
      - { id: a, url: "https://mainnet.infura.example/v3/9aa3d95b3bc440fa88ea12eaa4456161?apikey=Kp2sX9vQ4mZ7"${allow} }
      - { id: b, url: "https://b.example.com/rpc", headers: { X-Project-Id: acme-prod, Accept: application/json } }
      - { id: c, url: "https://c.example.com/v3/\${ssm:/vantage/c-key}", headers: { X-Api-Key: "\${ssm:/vantage/c-key}" } }
      - { id: d, url: "https://d.example.com", basicAuth: { username: rpc, password: hunter2 } }
`;
    const lines = problems(config(''));
    const advice = 'looks like a credential written literally, which would be embedded in the probe function; use ${ssm:/name} or ${secretsmanager:name}, or set allowLiteralSecrets: true on the endpoint if it is not a secret';
    expect(lines).toEqual([
      `networks[0].endpoints[0].url: a URL path segment and the URL query parameter "apikey" ${advice}`,
      `networks[0].endpoints[1].headers.X-Project-Id: the header value ${advice}`,
      `networks[0].endpoints[3].basicAuth.password: the password ${advice}`,
    ]);
    for (const line of lines) expect(line).not.toMatch(/9aa3d95b|Kp2sX9vQ|acme-prod|hunter2/);
    expect(problems(config(', allowLiteralSecrets: true'))).toHaveLength(2);
  });

  it('checks account ids given as context', () => {
    expect(problems(`version: 1\n${CENTRAL}probe: { regions: [us-east-1] }\n${NETWORKS}`, { probeAccount: '12345', organizationId: 'acme' })).toEqual([
      'context probeAccount: "12345" must be a 12-digit AWS account id',
      'context organizationId: "acme" must be an AWS Organizations id such as o-a1b2c3d4e5',
    ]);
  });

  it('resolves each region\'s probe account, falling back to environment-agnostic', () => {
    const file = configFile(`version: 1\n${CENTRAL}probe: { regions: [us-east-1, eu-west-1, ap-south-1], schedule: cron(0/5 * * * ? *) }\n${NETWORKS}`);
    const d = loadDeployment(file, { probeAccount: '222222222222', probeAccounts: { 'eu-west-1': '333333333333' } });
    expect(d.regions.map(d.probeAccountOf)).toEqual(['222222222222', '333333333333', '222222222222']);
    expect(d.intervalSeconds).toBe(300);
    expect(d.central).toEqual({ account: '111111111111', region: 'us-east-1', namespace: 'Vantage' });
    expect(loadDeployment(file).probeAccountOf('us-east-1')).toBeUndefined();
  });
});
