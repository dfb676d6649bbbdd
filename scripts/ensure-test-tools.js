// `npm test` runs this first: the suite runs real programs that come from
// Debian, not npm. Whatever is missing is installed with apt-get (as root, or
// through `sudo -n` when that needs no password); when neither works, one
// line names the packages and how to install them, and the exit is non-zero.
// With everything present it only looks at the file system (no apt, no child).
import { spawnSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** What the tests run, and the Debian package that brings it. */
const TOOLS = [
  // A real Bitcoin-family node in regtest (test/support/litecoind.ts).
  { binary: 'litecoind', pkg: 'litecoind' },
  // The status page's end-to-end test launches this exact path (test/e2e/).
  { binary: '/usr/bin/chromium', pkg: 'chromium' },
  // `promtool check metrics` judges the /metrics output.
  { binary: 'promtool', pkg: 'prometheus' },
];

const PREFIX = 'ensure-test-tools:';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function found(binary) {
  if (isAbsolute(binary)) return executable(binary);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && executable(join(dir, binary)));
}

const missing = () => TOOLS.filter((tool) => !found(tool.binary));

/** How to run apt-get here: directly as root, through passwordless sudo, or not at all. */
function aptRunner() {
  if (!found('apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  if (found('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo', '-n'];
  return null;
}

function apt(runner, args) {
  const [command, ...rest] = [...runner, 'apt-get', ...args];
  const run = spawnSync(command, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return run.status === 0;
}

function fail(tools, why) {
  const packages = tools.map((t) => t.pkg).join(' ');
  process.stderr.write(`${PREFIX} the tests need ${tools.map((t) => t.binary).join(', ')} (Debian packages: ${packages}) and ${why}; `
    + `install them with "sudo apt-get install -y --no-install-recommends ${packages}", then run npm test again\n`);
  process.exit(1);
}

const absent = missing();
if (absent.length > 0) {
  const runner = aptRunner();
  if (!runner) {
    fail(absent, found('apt-get') ? 'they cannot be installed here (not root, and sudo needs a password or is missing)' : 'apt-get is not available here');
  }
  const packages = absent.map((t) => t.pkg);
  console.log(`${PREFIX} installing ${packages.join(' ')} with ${[...runner, 'apt-get'].join(' ')}`);
  if (!apt(runner, ['update']) || !apt(runner, ['install', '-y', '--no-install-recommends', ...packages])) {
    fail(absent, 'apt-get did not install them');
  }
  const still = missing();
  if (still.length > 0) fail(still, 'they are still missing after apt-get install');
}
