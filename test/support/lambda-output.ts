// What a Lambda handler writes while a test runs it in-process: stdout and
// stderr captured (Lambda sends both to the function's log; Powertools
// writes errors to stderr), split into Powertools JSON log lines and EMF
// documents.

/** Runs `fn` with stdout and stderr captured; returns its result and the lines written, in order. */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const chunks: string[] = [];
  const originals = { stdout: process.stdout.write, stderr: process.stderr.write };
  const capture = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    const result = await fn();
    return { result, lines: chunks.join('').split('\n').filter((l) => l.length > 0) };
  } finally {
    process.stdout.write = originals.stdout;
    process.stderr.write = originals.stderr;
  }
}

export interface LogLine {
  readonly level: string;
  readonly message: string;
  readonly [key: string]: unknown;
}

/** Powertools log lines (JSON with level and message); EMF documents are the lines with an `_aws` key. */
export function splitLines(lines: readonly string[]): { logs: LogLine[]; emf: string[] } {
  const logs: LogLine[] = [];
  const emf: string[] = [];
  for (const line of lines) {
    const parsed = JSON.parse(line) as Record<string, unknown>;
    if ('_aws' in parsed) emf.push(line);
    else logs.push(parsed as unknown as LogLine);
  }
  return { logs, emf };
}
