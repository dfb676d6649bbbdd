// Every command that reads a config, as a real child process, on YAML that
// attacks or breaks the loader: an alias bomb, an alias to no anchor, an
// alias loop. Each is a config error (exit 2, one line naming the file and
// line, nothing on stdout), never "internal error" (exit 70) or a stack trace.
import { describe, expect, it } from 'vitest';
import { runVantage } from '../../support/vantage-cli.ts';

const DIR = 'test/fixtures/configs/invalid';

const CASES = [
  ['alias-bomb.yaml', '9: f[0]: too many alias expansions (limit 100000 values): the file looks like a YAML bomb'],
  ['alias-unknown.yaml', '2: networks: alias *nope refers to no anchor (an anchor &nope must come before it)'],
  ['alias-loop.yaml', '9: networks[0].endpoints[0].body.query[1]: alias *body is inside its own anchor &body (a loop)'],
] as const;

describe.each([
  'check',
  'check --json',
  'run --serve --port 0',
  'cost --json',
])('vantage %s on a malformed config', (command) => {
  it.each(CASES)('%s: exit 2, one line on stderr, nothing on stdout', async (file, line) => {
    const run = await runVantage([...command.split(' '), '--config', `${DIR}/${file}`]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${DIR}/${file}:${line}\n` });
  });
});
