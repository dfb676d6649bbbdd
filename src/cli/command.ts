// The shape of a `vantage` subcommand and the errors that end one.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface Command {
  readonly name: string;
  /** One line for `vantage --help`. */
  readonly summary: string;
  /** The full `vantage <name> --help` text. */
  readonly help: string;
  /** Resolves to the process exit code. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}

export interface CommandIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  /** Fires on SIGINT/SIGTERM, for long-running commands. */
  readonly signal: AbortSignal;
}

/** Bad flags or arguments: exit 2 with a one-line message. */
export class UsageError extends Error {
  readonly command: string | null;

  constructor(message: string, command: string | null = null) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with its errors turned into one-line UsageErrors. */
export function parseFlags<O extends Options>(command: string, argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (err) {
    const text = err instanceof Error ? err.message.split('\n')[0]!.replace(/\. To specify a positional.*$/, '') : String(err);
    throw new UsageError(text, command);
  }
}
