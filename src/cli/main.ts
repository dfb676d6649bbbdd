// `vantage`: dispatches to a subcommand; turns config and usage errors into
// one line on stderr and exit 2, never a stack trace.
import { ConfigError } from '../config/config-error.ts';
import { EXIT, UsageError, type Command, type CommandIo } from './command.ts';
import { commands } from './commands/index.ts';

const VERSION = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'vantage: probe blockchain node APIs from the customer side of the internet',
    '',
    'Usage: vantage <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "vantage <command> --help" for a command\'s options.',
    'Exit codes: 0 all up, 1 something degraded or down, 2 config or usage error.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // A usage error: the help goes where errors go, so stdout stays clean.
    io.stderr.write(mainHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`vantage: unknown command "${name}" (commands: ${commands.map((c) => c.name).join(', ')})\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr.write(`${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`vantage ${command.name}: ${err.message} (see "vantage ${command.name} --help")\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
