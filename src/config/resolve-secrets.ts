// Resolves `${env:…}`, `${ssm:…}` and `${secretsmanager:…}` once per run (CLI)
// or invocation (Lambda), and registers every resolved value with a Redactor.
// Fetching ssm/secretsmanager values is injected: the AWS clients live at the
// edges (src/publish/, functions/), never in the config core.
//
// Resolution is per reference. A value that cannot be read (missing, access
// denied, throttled past the retries) makes only the endpoints that need it
// unusable: they carry `unresolvedSecrets` and are not probed (no request
// goes out without its credentials). The probe Lambda keeps running with the
// rest; the CLI, with a person in front of it, turns any of them into a
// ConfigError (resolveSecrets below).
import { ConfigError, formatPath, type ConfigProblem } from './config-error.ts';
import { clip, Redactor } from './redactor.ts';
import { findLiteralSecrets, type LiteralSecret } from './literal-secrets.ts';
import type { ResolvedConfig, ResolvedEndpoint } from './resolved-config.ts';
import { secretableSites } from './secret-sites.ts';
import { scanReferences, substituteReferences, type SecretKind, type SecretReference } from './secret-reference.ts';

export { listSecretReferences, needsAwsSecrets } from './secret-sites.ts';

/** Why one name could not be read; the message reads `${kind:name}: <problem>`. */
export interface UnreadSecret {
  readonly problem: string;
}

/**
 * Fetches the values of references of one kind. A name missing from the map
 * was not found; an UnreadSecret says why it could not be read; a throw fails
 * every name asked for.
 */
export type SecretFetcher = (names: readonly string[]) => Promise<ReadonlyMap<string, string | UnreadSecret>>;

export interface SecretSources {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly ssm?: SecretFetcher;
  readonly secretsmanager?: SecretFetcher;
}

export interface ReferenceUse {
  readonly path: string;
  readonly line: number | undefined;
}

export interface UnresolvedReference {
  /** As written, e.g. `${ssm:/vantage/token}`. */
  readonly reference: string;
  /** One line naming the reference and why, e.g. `${ssm:/vantage/token} was not found`. */
  readonly message: string;
  /** Where it is used, in config order. */
  readonly uses: readonly ReferenceUse[];
  /** `network/endpoint` of every endpoint that needs it. */
  readonly endpoints: readonly string[];
}

export interface SecretResolution {
  /** Endpoints that need an unresolved reference are left as written, with `unresolvedSecrets`. */
  readonly config: ResolvedConfig;
  readonly redactor: Redactor;
  readonly unresolved: readonly UnresolvedReference[];
  /** Credentials written literally (redacted like resolved secrets; the CLI warns about them). */
  readonly literals: readonly LiteralSecret[];
}

/** Header names whose literal values are treated as secrets too. */
const SENSITIVE_HEADER = /(authorization|token|key|secret|password|auth|cookie)/i;

interface Wanted {
  readonly ref: SecretReference;
  readonly uses: ReferenceUse[];
  readonly endpoints: Set<string>;
}

/**
 * Fills in every reference that can be read and registers every value with a
 * Redactor; never fails for a value it cannot read. `lineOf` (from the
 * loader) puts the file's line on each use.
 */
export async function resolveReferences(
  config: ResolvedConfig,
  sources: SecretSources,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): Promise<SecretResolution> {
  const wanted = new Map<string, Wanted>();
  const refsOf = new Map<ResolvedEndpoint, Set<string>>();
  for (const { path, value, network, endpoint } of secretableSites(config)) {
    const scan = scanReferences(value);
    if (!scan.ok) continue;
    for (const ref of scan.references) {
      const entry = wanted.get(ref.raw) ?? { ref, uses: [], endpoints: new Set<string>() };
      entry.uses.push({ path: formatPath(path), line: lineOf?.(path) });
      entry.endpoints.add(`${network.id}/${endpoint.id}`);
      wanted.set(ref.raw, entry);
      refsOf.set(endpoint, (refsOf.get(endpoint) ?? new Set()).add(ref.raw));
    }
  }
  const read = await readValues([...wanted.values()].map((w) => w.ref), sources);

  const redactor = new Redactor();
  // Credentials written literally are secrets too: redacted wherever they would show.
  const literals = findLiteralSecrets(config);
  for (const literal of literals) for (const form of literal.redact) redactor.add(form);
  const values = new Map<string, string>();
  for (const [raw, value] of read) {
    if (typeof value === 'string') {
      values.set(raw, value);
      redactor.add(value);
    }
  }
  const sub = (value: string) => substituteReferences(value, (ref) => values.get(ref.raw) ?? ref.raw);
  const resolveEndpoint = (endpoint: ResolvedEndpoint): ResolvedEndpoint => {
    const missing = [...(refsOf.get(endpoint) ?? [])].filter((raw) => !values.has(raw));
    if (missing.length === 0) return resolveEndpointSecrets(endpoint, sub, redactor);
    // Not probed, but its URL is reported: a literal password in it stays secret.
    registerUrlPassword(endpoint.url, redactor);
    return { ...endpoint, unresolvedSecrets: missing.map((raw) => messageOf(read.get(raw))) };
  };
  const unresolved: UnresolvedReference[] = [...wanted.values()]
    .filter((w) => !values.has(w.ref.raw))
    .map((w) => ({ reference: w.ref.raw, message: messageOf(read.get(w.ref.raw)), uses: w.uses, endpoints: [...w.endpoints] }));
  return {
    config: {
      ...config,
      networks: config.networks.map((network) => ({ ...network, endpoints: network.endpoints.map(resolveEndpoint) })),
    },
    redactor,
    unresolved,
    literals,
  };
}

/**
 * resolveReferences for a person at a terminal: every reference must
 * resolve, and every URL must still parse once filled in; otherwise a
 * ConfigError with one line per problem (an `${env:…}` at each place it is
 * used, an AWS reference once), naming the reference, never its value.
 */
export async function resolveSecrets(
  config: ResolvedConfig,
  sources: SecretSources,
  file: string | null = null,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): Promise<SecretResolution> {
  const resolution = await resolveReferences(config, sources, lineOf);
  const problems: ConfigProblem[] = [];
  for (const u of resolution.unresolved) {
    const uses = u.reference.startsWith('${env:') ? u.uses : u.uses.slice(0, 1);
    for (const use of uses) problems.push({ path: use.path, line: use.line, message: u.message });
  }
  for (const { path, value } of secretableSites(resolution.config)) {
    // The message must not quote the URL: it now holds the secret values.
    if (path[path.length - 1] === 'url' && !URL.canParse(value)) {
      problems.push({ path: formatPath(path), line: lineOf?.(path), message: 'is not a valid URL once its secret references are filled in (check the referenced values)' });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), file);
  return resolution;
}

type ReadOutcome = string | { readonly message: string };

/** The message of a reference that did not resolve (readValues answers every one). */
const messageOf = (outcome: ReadOutcome | undefined): string => (typeof outcome === 'object' ? outcome.message : 'was not read');

/** Reads every reference: its value, or a message naming it and saying why not. */
async function readValues(refs: readonly SecretReference[], sources: SecretSources): Promise<Map<string, ReadOutcome>> {
  const out = new Map<string, ReadOutcome>();
  const env = sources.env ?? process.env;
  const byKind: Record<Exclude<SecretKind, 'env'>, SecretReference[]> = { ssm: [], secretsmanager: [] };
  for (const ref of refs) {
    if (ref.kind !== 'env') byKind[ref.kind].push(ref);
    else out.set(ref.raw, env[ref.name] ?? { message: `environment variable ${ref.name} is not set (referenced as ${ref.raw})` });
  }
  await Promise.all((['ssm', 'secretsmanager'] as const).map(async (kind) => {
    const asked = byKind[kind];
    if (asked.length === 0) return;
    const fetcher = sources[kind];
    if (!fetcher) {
      for (const ref of asked) out.set(ref.raw, { message: `${ref.raw} cannot be resolved here: no ${kind} access was configured (use \${env:NAME} instead)` });
      return;
    }
    let fetched: ReadonlyMap<string, string | UnreadSecret>;
    try {
      fetched = await fetcher(asked.map((ref) => ref.name));
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
      for (const ref of asked) out.set(ref.raw, { message: `could not read ${ref.raw}: ${clip(why, 200)}` });
      return;
    }
    for (const ref of asked) {
      const got = fetched.get(ref.name);
      if (got === undefined) out.set(ref.raw, { message: `${ref.raw} was not found` });
      else out.set(ref.raw, typeof got === 'string' ? got : { message: `${ref.raw}: ${clip(got.problem, 200)}` });
    }
  }));
  return out;
}

function resolveEndpointSecrets(endpoint: ResolvedEndpoint, sub: (v: string) => string, redactor: Redactor): ResolvedEndpoint {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(endpoint.headers)) {
    headers[name] = sub(value);
    if (SENSITIVE_HEADER.test(name)) redactor.add(headers[name]);
  }
  const basicAuth = endpoint.basicAuth ? { username: sub(endpoint.basicAuth.username), password: sub(endpoint.basicAuth.password) } : null;
  if (basicAuth) redactor.addBasicAuth(basicAuth.username, basicAuth.password);
  const url = sub(endpoint.url);
  registerUrlPassword(url, redactor);
  return { ...endpoint, url, headers, basicAuth };
}

/** A literal password in a URL is a secret too. (A URL the values broke is reported by resolveSecrets.) */
function registerUrlPassword(url: string, redactor: Redactor): void {
  const password = URL.parse(url)?.password;
  // An unresolved reference is not a value (and naming it must stay readable).
  if (!password || password.includes('%7B')) return;
  redactor.add(password);
  redactor.add(safeDecode(password));
}

/** decodeURIComponent that keeps malformed escapes (%zz) as written. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
