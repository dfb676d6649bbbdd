// prometheus-blackbox-exporter as a contender: the tool a user would
// otherwise pick. Started on 127.0.0.1:<free port> with a temp config (an
// http module that trusts the bench CA), driven through its /probe endpoint
// one probe at a time. Its CPU is read from /proc/<pid>; the /probe requests
// come from the bench process and cost the exporter only what answering
// them costs (part of its per-probe price, as in production).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../test/support/free-port.ts';
import { processCpuUs } from './process-cpu.ts';
import { benchTempDir } from './temp-dir.ts';

const BINARIES = ['prometheus-blackbox-exporter', 'blackbox_exporter'];

/** The installed binary and its version line, or null. */
export function findBlackboxExporter(): { binary: string; version: string } | null {
  for (const binary of BINARIES) {
    try {
      const out = execFileSync(binary, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      return { binary, version: (out.split('\n')[0] ?? '').trim() };
    } catch {
      // not this name
    }
  }
  return null;
}

export interface BlackboxExporter {
  readonly pid: number;
  /** One probe of target through /probe; resolves with probe_success. */
  probe(target: string): Promise<boolean>;
  cpuUs(): { userUs: number; systemUs: number };
  stop(): Promise<void>;
}

export async function startBlackboxExporter(binary: string, caFile: string): Promise<BlackboxExporter> {
  const dir = benchTempDir('blackbox');
  const configFile = join(dir, 'blackbox.yml');
  // Fresh connection per probe is blackbox_exporter's behaviour: each probe
  // builds its own HTTP client (keep-alive across probes is impossible).
  writeFileSync(configFile, [
    'modules:',
    '  https_bench:',
    '    prober: http',
    '    timeout: 5s',
    '    http:',
    '      method: GET',
    '      preferred_ip_protocol: ip4',
    '      ip_protocol_fallback: false',
    '      tls_config:',
    `        ca_file: ${caFile}`,
    '',
  ].join('\n'));
  const port = await freePort();
  const child: ChildProcess = spawn(binary, [`--config.file=${configFile}`, `--web.listen-address=127.0.0.1:${port}`, '--log.level=error'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  process.once('exit', () => child.kill('SIGKILL'));
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`blackbox_exporter exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      if ((await get('/-/healthy')).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`blackbox_exporter did not become healthy: ${stderr.trim()}`);
    await sleep(50);
  }
  return {
    pid: child.pid!,
    async probe(target) {
      const { body } = await get(`/probe?module=https_bench&target=${encodeURIComponent(target)}`);
      return /^probe_success 1$/m.test(body);
    },
    cpuUs: () => processCpuUs(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
