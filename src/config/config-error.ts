// Config problems are reported all at once, one line each, naming the file,
// the line where the yaml parser placed it, and the config path.

export interface ConfigProblem {
  /** e.g. `networks[1].endpoints[0].url`; empty for file-level problems. */
  readonly path: string;
  readonly message: string;
  readonly line?: number;
}

export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  readonly file: string | null;

  constructor(problems: readonly ConfigProblem[], file: string | null = null) {
    super(problems.map((p) => formatProblem(p, file)).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
    this.file = file;
  }
}

function formatProblem(problem: ConfigProblem, file: string | null): string {
  const where = file ? (problem.line ? `${file}:${problem.line}: ` : `${file}: `) : '';
  return problem.path ? `${where}${problem.path}: ${problem.message}` : `${where}${problem.message}`;
}

/** `['networks', 1, 'endpoints', 0, 'url']` → `networks[1].endpoints[0].url` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
