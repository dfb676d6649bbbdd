// `vantage run` output as a user consumes it: the per-round JSON lines a
// pipeline parses, and a pipe that closes early (`vantage run … | head`).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { evmAnswers, jsonRpcFake, type JsonRpcFake } from '../../support/servers.ts';
import { ROOT, VANTAGE_BIN } from '../../support/vantage-cli.ts';

const SCRATCH = mkdtempSync(join(tmpdir(), 'vantage-run-'));
let node: JsonRpcFake;
let config: string;

beforeAll(async () => {
  node = await jsonRpcFake(evmAnswers({ height: 100 }));
  config = join(SCRATCH, 'vantage.yaml');
  writeFileSync(config, `version: 1
networks:
  - id: local-evm
    chain: evm
    endpoints:
      - id: node-1
        url: "${node.url}"
        basicAuth: { username: "\${env:RPC_USER}", password: "\${env:RPC_PASSWORD}" }
`);
});

afterAll(async () => {
  await node.close();
});

/** Runs `vantage run` in this process until `rounds` lines were printed, then stops it as Ctrl-C would. */
async function runRounds(args: readonly string[], env: NodeJS.ProcessEnv, rounds: number, file = config): Promise<{ code: number; lines: string[]; stderr: string }> {
  const stop = new AbortController();
  let out = '';
  let err = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out += chunk.toString();
      if (out.split('\n').length > rounds) stop.abort();
      done();
    },
  });
  const stderr = new Writable({
    write(chunk: Buffer, _encoding, done) {
      err += chunk.toString();
      done();
    },
  });
  const code = await main(['run', '--config', file, '--interval', '1', ...args], { stdout, stderr, env, signal: stop.signal });
  return { code, lines: out.split('\n').filter(Boolean), stderr: err };
}

describe('vantage run --json', () => {
  it('prints each round as one JSON report whose keys and ids survive a secret that is a short common word', async () => {
    const { code, lines, stderr } = await runRounds(['--json'], { RPC_USER: 'status', RPC_PASSWORD: 'pw-2b1c9e7a' }, 2);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) {
      const report = JSON.parse(line) as { status: string; networks: { status: string; endpoints: { id: string; status: string; reasons: unknown[] }[] }[] };
      expect(Object.keys(report)).toEqual(['schemaVersion', 'startedAt', 'durationMs', 'region', 'status', 'networks']);
      expect(report.status).toBe('up');
      expect(report.networks[0]!.endpoints[0]).toMatchObject({ id: 'node-1', status: 'up', reasons: [] });
    }
    // The secret did reach the node (Basic auth), so the values were resolved.
    expect(node.requests.some((r) => r.headers.authorization === `Basic ${Buffer.from('status:pw-2b1c9e7a').toString('base64')}`)).toBe(true);
  });
});

describe('vantage run summary lines', () => {
  it('print the UTC time, the status and what is not up, one line per round', async () => {
    const { code, lines } = await runRounds([], { RPC_USER: 'rpc', RPC_PASSWORD: 'pw-2b1c9e7a' }, 1);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2}Z up {7}all endpoints up \(\d+ ms\)$/);
  });
});

describe('vantage run with credentials written literally', () => {
  it('warns once per value before the first round, and the values reach the node but not the output', async () => {
    const file = join(SCRATCH, 'literal.yaml');
    writeFileSync(file, `version: 1
networks:
  - id: local-evm
    chain: evm
    endpoints:
      - id: node-1
        url: "${node.url}"
        basicAuth: { username: rpc, password: pw-literal-93b1 }
        headers: { X-Api-Key: Kp2sX9vQ4mZ7Lw8Rt3Yb }
`);
    const { code, lines, stderr } = await runRounds(['--json'], {}, 1, file);
    expect(code).toBe(0);
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\S+literal\.yaml:8: warning: networks\[0\]\.endpoints\[0\]\.basicAuth\.password: the password looks like a credential written literally; /),
      expect.stringMatching(/^\S+literal\.yaml:9: warning: networks\[0\]\.endpoints\[0\]\.headers\.X-Api-Key: the header value looks like a credential written literally; /),
    ]);
    expect(node.requests.some((r) => r.headers['x-api-key'] === 'Kp2sX9vQ4mZ7Lw8Rt3Yb')).toBe(true);
    expect(JSON.parse(lines[0]!).networks[0].endpoints[0].status).toBe('up');
    for (const literal of ['pw-literal-93b1', 'Kp2sX9vQ4mZ7Lw8Rt3Yb']) expect(lines.join('\n') + stderr).not.toContain(literal);
  });
});

describe('vantage run | head', () => {
  it('stops quietly with exit 0 when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, [VANTAGE_BIN, 'run', '--config', config, '--interval', '1'], {
      cwd: ROOT,
      env: { PATH: process.env['PATH'], RPC_USER: 'u', RPC_PASSWORD: 'p' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the first round's line, then close the pipe as `head -1` does.
    await once(child.stdout, 'data');
    child.stdout.destroy();
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect(stderr).toBe('');
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
