// The child side of a bench worker: read the input the parent passed, run,
// send one result message, exit. Workers measure their own process only.

export function workerInput<T>(): T {
  const raw = process.argv[2];
  if (raw === undefined) throw new Error('bench worker started without its input (argv[2])');
  return JSON.parse(raw) as T;
}

export function runWorker<I, O>(main: (input: I) => Promise<O>): void {
  const send = (message: unknown) =>
    new Promise<void>((resolve) => {
      if (!process.send) {
        // Run by hand: print instead of messaging a parent.
        console.log(JSON.stringify(message, null, 2));
        resolve();
        return;
      }
      process.send(message, () => resolve());
    });
  main(workerInput<I>())
    .then((result) => send({ ok: true, result }))
    .catch((err: unknown) => send({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }))
    .finally(() => process.exit(0));
}
