// `vantage run --serve` beyond loopback, as a user starts it: /metrics stays
// on loopback when the page is published on every address, and no listener
// answers a Host that is not one of its own names (DNS rebinding).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evmAnswers, jsonRpcFake, type JsonRpcFake } from '../../support/servers.ts';
import { eventually, runVantage, startVantage, type VantageProcess } from '../../support/vantage-process.ts';

interface Answer {
  readonly status: number;
  readonly body: string;
}

/** GET with a Host header of our choosing (fetch does not let a caller set Host). */
function get(url: string, host?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path: target.pathname, headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let node: JsonRpcFake;
let config: string;

beforeAll(async () => {
  node = await jsonRpcFake(evmAnswers({ height: 100 }));
  config = join(mkdtempSync(join(tmpdir(), 'vantage-listeners-')), 'vantage.yaml');
  writeFileSync(config, `version: 1
networks:
  - id: local-evm
    chain: evm
    endpoints:
      - { id: node-1, url: "${node.url}" }
      - { id: hidden, url: "${node.url}", visibility: private }
`);
});

afterAll(async () => {
  await node.close();
});

describe('vantage run --serve --host 0.0.0.0', () => {
  let vantage: VantageProcess;
  let metricsUrl: string;

  beforeAll(async () => {
    vantage = await startVantage(['run', '--config', config, '--serve', '--host', '0.0.0.0', '--port', '0', '--metrics-port', '0', '--interval', '1', '--allowed-host', 'status.example.com']);
    metricsUrl = /metrics at (http:\/\/\S+\/metrics)/.exec(vantage.stderr())![1]!;
    await eventually(() => get(`${vantage.url}/api/v2/summary.json`), (a) => a.status === 200, 'the first round');
  });

  afterAll(async () => {
    await vantage?.stop('SIGKILL');
  });

  it('serves the page on every address but /metrics only on its own loopback listener', async () => {
    expect(metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(metricsUrl).port).not.toBe(new URL(vantage.url).port);
    const page = await get(`${vantage.url}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('node-1');
    // The published listener has no /metrics, whatever address it is reached through.
    expect(await get(`${vantage.url}/metrics`)).toMatchObject({ status: 404 });
    const metrics = await get(metricsUrl);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/^probe_success\{network="local-evm",endpoint="hidden",region="local"\} /m);
    // The metrics listener serves nothing of the page.
    expect((await get(metricsUrl.replace(/\/metrics$/, '/'))).status).toBe(404);
    expect((await get(metricsUrl.replace(/\/metrics$/, '/healthz'))).status).toBe(200);
  });

  it('answers 421 to a Host that is not one of its names, on both listeners, and serves its own names', async () => {
    const port = new URL(vantage.url).port;
    for (const url of [`${vantage.url}/api/v2/summary.json`, metricsUrl]) {
      for (const host of ['evil.example', `evil.example:${port}`, 'status.example.com.evil.example', 'localhost.evil.example']) {
        const refused = await get(url, host);
        expect(refused.status, `${url} Host: ${host}`).toBe(421);
        expect(refused.body).toMatch(/^misdirected request: this server does not answer to that Host name/);
        expect(refused.body).not.toContain('evil');
      }
      for (const host of ['localhost', `localhost:${port}`, '127.0.0.1', `127.0.0.1:${port}`, '[::1]', `${hostname()}:${port}`, 'STATUS.example.com', 'status.example.com.', '192.0.2.10']) {
        expect((await get(url, host)).status, `${url} Host: ${host}`).toBe(200);
      }
    }
  });
});

describe('vantage run --serve on loopback (the default)', () => {
  it('serves /metrics on the page\'s listener, to its own names only: a rebound name gets 421', async () => {
    const vantage = await startVantage(['run', '--config', config, '--serve', '--port', '0', '--interval', '1']);
    try {
      expect(vantage.stderr()).toContain(`metrics at ${vantage.url}/metrics`);
      await eventually(() => get(`${vantage.url}/metrics`), (a) => a.status === 200 && a.body.includes('probe_success'), '/metrics after a round');
      // What a page on attacker.example sees after pointing its name at 127.0.0.1.
      expect(await get(`${vantage.url}/metrics`, `rebind.attacker.example:${new URL(vantage.url).port}`)).toMatchObject({ status: 421 });
      expect(await get(`${vantage.url}/`, 'rebind.attacker.example')).toMatchObject({ status: 421 });
    } finally {
      await vantage.stop('SIGKILL');
    }
  });
});

describe('vantage run --serve flags', () => {
  it('--help documents --metrics-host, --metrics-port, --allowed-host and the 421', async () => {
    const { code, stdout } = await runVantage(['run', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {6}--metrics-host ADDR address for \/metrics \(default: --host if loopback, else 127\.0\.0\.1\)/m);
    expect(stdout).toMatch(/^ {6}--metrics-port N {4}port for \/metrics when it has its own listener \(default --port \+ 1\)/m);
    expect(stdout).toMatch(/^ {6}--allowed-host NAME also answer requests for NAME/m);
    expect(stdout).toContain('any other Host gets 421');
  });

  it.each([
    [['--metrics-host', '0.0.0.0'], /^vantage run: --metrics-host, --metrics-port and --allowed-host need --serve/],
    [['--serve', '--metrics-port', '70000'], /^vantage run: --metrics-port must be a whole number from 0 to 65535 \(got "70000"\)/],
    [['--serve', '--allowed-host', 'evil.example/x'], /^vantage run: --allowed-host must be a host name such as status\.example\.com \(got "evil\.example\/x"\)/],
    [['--serve', '--host', '0.0.0.0', '--port', '65535'], /^vantage run: --port 65535 leaves no port for \/metrics on 127\.0\.0\.1: choose one with --metrics-port/],
  ])('%j exits 2 with one line', async (args, message) => {
    const { code, stdout, stderr } = await runVantage(['run', '--config', config, '--interval', '1', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
