// Process wiring for the CLI: real streams, signals, exit code, and a last
// guard so an unexpected error prints one line instead of a stack trace.
import { main } from './main.ts';

export async function runCli(): Promise<void> {
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  // The reader went away (`vantage run | head`): stop as Ctrl-C would,
  // instead of dying on an unhandled EPIPE with a stack trace.
  const onOutputError = (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    if (!controller.signal.aborted) controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.stdout.on('error', onOutputError);
  process.stderr.on('error', onOutputError);
  try {
    process.exitCode = await main(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      signal: controller.signal,
    });
  } catch (err) {
    const text = err instanceof Error ? err.message.split('\n')[0] : String(err);
    process.stderr.write(`vantage: internal error: ${text} (set VANTAGE_DEBUG=1 for details)\n`);
    if (process.env['VANTAGE_DEBUG']) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    process.exitCode = 70;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
