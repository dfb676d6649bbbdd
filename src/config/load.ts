// Reads vantage.yaml (or JSON, which is YAML too), validates it against the
// schema and the cross-field rules, and reports every problem with its line.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { ConfigError, formatPath, type ConfigProblem } from './config-error.ts';
import { configSchema, type ConfigInput } from './schema.ts';
import { familyKeyAbsence, isChainFamily } from './families.ts';
import { parseJsonConfig } from './json-text.ts';
import { crossFieldProblems } from './validate.ts';
import { suggestKey } from './key-suggestions.ts';
import { allowedKeysAt, configErrorMap } from './zod-messages.ts';
import { aliasProblem, MAX_ALIAS_EXPANSION } from './yaml-aliases.ts';

/** A config is a few kilobytes; anything this large is a mistake (or an attack) and is refused unread. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface LoadedConfig {
  readonly input: ConfigInput;
  /** Absolute path of the file, or null when parsed from text. */
  readonly file: string | null;
  /** Directory that relative paths (tls.caFile) are resolved against. */
  readonly baseDir: string;
  /** Line of a config path in the file, for problems found after loading (secrets). */
  readonly lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export function loadConfigFile(path: string): LoadedConfig {
  let text: string;
  try {
    text = readBounded(path);
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code ?? String(err);
    throw new ConfigError([{ path: '', message: `cannot read config file: ${why}` }], path);
  }
  return parseConfigText(text, { file: path, baseDir: dirname(resolve(path)) });
}

/** Reads at most MAX_CONFIG_BYTES + 1 bytes, so a huge file or an endless pipe is refused, not swallowed. */
function readBounded(path: string): string {
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size > MAX_CONFIG_BYTES) throw tooLarge(path);
    const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_CONFIG_BYTES) throw tooLarge(path);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string | null): ConfigError {
  return new ConfigError([{ path: '', message: `the file is larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB (a config is a few kilobytes)` }], file);
}

export function parseConfigText(text: string, where: { file: string | null; baseDir: string }): LoadedConfig {
  if (Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) throw tooLarge(where.file);
  // The YAML document gives problems their lines; a JSON config is read
  // without it (json-text.ts) and parses it only if a problem needs a line.
  let yaml: YamlText | null = null;
  const document = () => (yaml ??= parseYaml(text));
  let data = parseJsonConfig(text);
  if (data === undefined) {
    const { doc, lc } = document();
    if (doc.errors.length > 0) {
      throw new ConfigError(doc.errors.map((e) => ({
        path: '',
        message: `not valid YAML/JSON: ${e.code === 'DUPLICATE_KEY' ? duplicateKey(text, e.pos[0]) : firstLine(e.message)}`,
        line: lc.linePos(e.pos[0]).line,
      })), where.file);
    }
    if (text.trim() === '') throw new ConfigError([{ path: '', message: 'the file is empty (it needs at least "version" and "networks")' }], where.file);
    data = documentData(doc, lc, where.file);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError([{ path: '', message: 'must be a mapping with at least "version" and "networks"' }], where.file);
  }
  const parsed = configSchema.safeParse(data, { error: configErrorMap });
  if (!parsed.success) {
    const { doc, lc } = document();
    const problems = parsed.error.issues.flatMap((i) => describeIssue(i, data, doc, lc));
    throw new ConfigError(sortByLine(withoutMisspeltRequired(problems)), where.file);
  }
  const crossField = crossFieldProblems(parsed.data, where.baseDir);
  if (crossField.length > 0) {
    const { doc, lc } = document();
    const problems = crossField.map(({ pathParts, ...rest }) => ({ ...rest, line: lineOf(doc, lc, pathParts) }));
    throw new ConfigError(sortByLine(problems), where.file);
  }
  return {
    input: parsed.data,
    file: where.file,
    baseDir: where.baseDir,
    lineOf: (path) => {
      const { doc, lc } = document();
      return lineOf(doc, lc, path);
    },
  };
}

interface YamlText {
  readonly doc: Document;
  readonly lc: LineCounter;
}

function parseYaml(text: string): YamlText {
  const lc = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false }), lc };
}

/**
 * The document as plain data. Alias problems are found first, with their
 * line; whatever else toJS() throws (it signals alias trouble with
 * ReferenceError, a document nested too deep with RangeError) is still a
 * problem of the file, never an internal error.
 */
function documentData(doc: Document, lc: LineCounter, file: string | null): unknown {
  try {
    const problem = aliasProblem(doc, lc);
    if (problem) throw new ConfigError([problem], file);
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    const message = err instanceof RangeError ? 'nested too deeply' : firstLine(err instanceof Error ? err.message : String(err));
    throw new ConfigError([{ path: '', message: `not valid YAML/JSON: ${message}` }], file);
  }
}

/** Allowed keys are listed in an unknown-key message when there are at most this many. */
const LIST_ALLOWED_UP_TO = 6;

interface DescribedProblem extends ConfigProblem {
  /** For unknown keys: the path of the key it probably meant. */
  readonly meant?: string;
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown, doc: Document, lc: LineCounter): DescribedProblem[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeysAt(configSchema, data, path);
    const chain = (valueAt(data, path) as { chain?: unknown } | undefined)?.chain;
    return issue.keys.map((key) => {
      // A key other families have, spelled right: say why this family has none.
      const absent = isChainFamily(chain) ? familyKeyAbsence(key, chain) : null;
      const hint = absent ? null : suggestKey(key, allowed ?? undefined);
      const help = absent
        ? ` (${absent})`
        : hint
          ? ` (did you mean "${hint}"?)`
          : allowed && allowed.length <= LIST_ALLOWED_UP_TO ? ` (allowed here: ${allowed.join(', ')})` : '';
      return {
        path: formatPath([...path, key]),
        message: `unknown key${help}`,
        line: keyLine(doc, lc, path, key),
        ...(hint ? { meant: formatPath([...path, hint]) } : {}),
      };
    });
  }
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
    const at = path[path.length - 1] === issue.discriminator ? path : [...path, issue.discriminator];
    const message = issue.message.replace(/^chain must be/, 'must be');
    return [{ path: formatPath(at), message: valueAt(data, at) === undefined ? `is required (${message.replace(/^must be /, '')})` : message, line: lineOf(doc, lc, at) }];
  }
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && valueAt(data, path) === undefined;
  const message = missing && !issue.message.startsWith('is required') ? 'is required' : issue.message;
  return [{ path: formatPath(path), message, line: lineOf(doc, lc, path) }];
}

/** "networks: is required" says nothing new next to "netwroks: unknown key (did you mean "networks"?)". */
function withoutMisspeltRequired(problems: readonly DescribedProblem[]): ConfigProblem[] {
  const meant = new Set(problems.flatMap((p) => (p.meant ? [p.meant] : [])));
  return problems
    .filter((p) => !(p.message === 'is required' && meant.has(p.path)))
    .map(({ meant: _, ...problem }) => problem);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const part of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

/** Line of the deepest node on the path that exists in the document. */
export function lineOf(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lc.linePos(node.range[0]).line;
  }
  return undefined;
}

function keyLine(doc: Document, lc: LineCounter, parent: readonly PropertyKey[], key: string): number | undefined {
  const map = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (isMap(map)) {
    for (const pair of map.items) {
      if (isNode(pair.key) && 'value' in pair.key && pair.key.value === key && pair.key.range) {
        return lc.linePos(pair.key.range[0]).line;
      }
    }
  }
  return lineOf(doc, lc, parent);
}

function sortByLine(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function duplicateKey(text: string, at: number): string {
  const key = /^("[^"]*"|'[^']*'|[^:\s]+)/.exec(text.slice(at))?.[1];
  return key ? `key ${key.startsWith('"') || key.startsWith("'") ? key : `"${key}"`} appears twice in the same mapping` : 'a key appears twice in the same mapping';
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
