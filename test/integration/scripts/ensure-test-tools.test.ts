// scripts/ensure-test-tools.js, the first step of `npm test`, as a real
// process with a PATH the test controls: a folder of stand-in programs
// (apt-get, sudo, the tools) that record how they were called, so the
// install path is exercised without touching the machine's packages. As
// root, the non-root paths run the script as the unprivileged user nobody.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'scripts', 'ensure-test-tools.js');
const CHROMIUM_PRESENT = existsSync('/usr/bin/chromium');
const AS_ROOT = process.getuid?.() === 0;
const NOBODY = 65_534;

let bin: string;
let log: string;

beforeEach(() => {
  bin = mkdtempSync(join(tmpdir(), 'vantage-tools-'));
  log = join(bin, 'calls.log');
  writeFileSync(log, '');
  // Reachable for the unprivileged runs below.
  chmodSync(bin, 0o777);
  chmodSync(log, 0o666);
});

afterEach(() => rmSync(bin, { recursive: true, force: true }));

function program(name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
}

/** A tool that exists and does nothing. */
const tool = (name: string) => program(name, 'exit 0');

/** apt-get that records its arguments and, on install, "installs" the packages' binaries into the PATH folder. */
function fakeAptGet(options: { exitCode?: number; sudoNeedsPassword?: boolean } = {}): void {
  program('apt-get', [
    `echo "apt-get $* DEBIAN_FRONTEND=$DEBIAN_FRONTEND" >> ${log}`,
    `[ "$1" = install ] && for p in "$@"; do case "$p" in litecoind) : > ${bin}/litecoind; /bin/chmod +x ${bin}/litecoind;; prometheus) : > ${bin}/promtool; /bin/chmod +x ${bin}/promtool;; esac; done`,
    `exit ${options.exitCode ?? 0}`,
  ].join('\n'));
  // Passwordless sudo: `sudo -n true` succeeds, `sudo -n apt-get …` runs it (as sudo would, as root: not needed here).
  program('sudo', options.sudoNeedsPassword
    ? `echo "sudo: a password is required" >&2\nexit 1`
    : `[ "$1" = -n ] && shift\n[ "$1" = true ] && exit 0\necho "sudo $1" >> ${log}\nexec "$@"`);
}

function ensure(options: { unprivileged?: boolean } = {}) {
  const asNobody = options.unprivileged && AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {};
  const run = spawnSync(process.execPath, [SCRIPT], { env: { PATH: bin }, encoding: 'utf8', ...asNobody });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, calls: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

const needed = (withChromium: boolean) => ({
  binaries: ['litecoind', ...(withChromium ? ['/usr/bin/chromium'] : []), 'promtool'].join(', '),
  packages: ['litecoind', ...(withChromium ? ['chromium'] : []), 'prometheus'].join(' '),
});

describe('ensure-test-tools', () => {
  it('without apt-get: exit 1, one line naming the missing tools and the packages to install, nothing on stdout', () => {
    const { binaries, packages } = needed(!CHROMIUM_PRESENT);
    const run = ensure();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`ensure-test-tools: the tests need ${binaries} (Debian packages: ${packages}) and apt-get is not available here; `
      + `install them with "sudo apt-get install -y --no-install-recommends ${packages}", then run npm test again\n`);
  });

  it('names only what is missing', () => {
    tool('litecoind');
    const run = ensure();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`(Debian packages: ${CHROMIUM_PRESENT ? '' : 'chromium '}prometheus)`);
    expect(run.stderr).not.toContain('litecoind');
  });

  it.skipIf(!CHROMIUM_PRESENT)('with everything present: exit 0, silent, and apt-get is never called', () => {
    tool('litecoind');
    tool('promtool');
    fakeAptGet();
    const run = ensure();
    expect(run).toEqual({ code: 0, stdout: '', stderr: '', calls: [] });
  });

  it.runIf(CHROMIUM_PRESENT && AS_ROOT)('as root: apt-get update once, then install without recommends, no sudo', () => {
    fakeAptGet();
    const run = ensure();
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([
      'apt-get update DEBIAN_FRONTEND=noninteractive',
      'apt-get install -y --no-install-recommends litecoind prometheus DEBIAN_FRONTEND=noninteractive',
    ]);
    expect(run.stdout).toBe('ensure-test-tools: installing litecoind prometheus with apt-get\n');
  });

  it.skipIf(!CHROMIUM_PRESENT)('not root: the same through sudo -n', () => {
    fakeAptGet();
    const run = ensure({ unprivileged: true });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([
      'sudo apt-get', 'apt-get update DEBIAN_FRONTEND=noninteractive',
      'sudo apt-get', 'apt-get install -y --no-install-recommends litecoind prometheus DEBIAN_FRONTEND=noninteractive',
    ]);
    expect(run.stdout).toBe('ensure-test-tools: installing litecoind prometheus with sudo -n apt-get\n');
  });

  it('not root and sudo wants a password: exit 1, the one line, apt-get never called', () => {
    const { binaries, packages } = needed(!CHROMIUM_PRESENT);
    fakeAptGet({ sudoNeedsPassword: true });
    const run = ensure({ unprivileged: true });
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `ensure-test-tools: the tests need ${binaries} (Debian packages: ${packages}) and they cannot be installed here (not root, and sudo needs a password or is missing); `
        + `install them with "sudo apt-get install -y --no-install-recommends ${packages}", then run npm test again\n`,
      calls: [],
    });
  });

  it.runIf(CHROMIUM_PRESENT && AS_ROOT)('apt-get failing: exit 1 with the one line, the suite does not start', () => {
    fakeAptGet({ exitCode: 100 });
    const run = ensure();
    expect(run.code).toBe(1);
    expect(run.calls).toEqual(['apt-get update DEBIAN_FRONTEND=noninteractive']); // install never ran
    expect(run.stderr).toBe('ensure-test-tools: the tests need litecoind, promtool (Debian packages: litecoind prometheus) and apt-get did not install them; '
      + 'install them with "sudo apt-get install -y --no-install-recommends litecoind prometheus", then run npm test again\n');
  });
});
