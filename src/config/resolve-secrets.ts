// Resolves `${env:…}`, `${ssm:…}` and `${secretsmanager:…}` once per run (CLI)
// or cold start (Lambda), and registers every resolved value with a Redactor.
// Fetching ssm/secretsmanager values is injected: the AWS clients live at the
// edges (src/publish/, functions/), never in the config core.
import { ConfigError, formatPath, type ConfigProblem } from './config-error.ts';
import { Redactor } from './redactor.ts';
import { findLiteralSecrets, type LiteralSecret } from './literal-secrets.ts';
import type { ResolvedConfig, ResolvedEndpoint } from './resolved-config.ts';
import { scanReferences, substituteReferences, type SecretKind, type SecretReference } from './secret-reference.ts';

/** Fetches the values of references of one kind; a name it cannot fetch is left out of the map (or throws for all). */
export type SecretFetcher = (names: readonly string[]) => Promise<ReadonlyMap<string, string>>;

export interface SecretSources {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly ssm?: SecretFetcher;
  readonly secretsmanager?: SecretFetcher;
}

export interface SecretResolution {
  readonly config: ResolvedConfig;
  readonly redactor: Redactor;
  /** Credentials written literally (redacted like resolved secrets; the CLI warns about them). */
  readonly literals: readonly LiteralSecret[];
}

/** Header names whose literal values are treated as secrets too. */
const SENSITIVE_HEADER = /(authorization|token|key|secret|password|auth|cookie)/i;

interface Site {
  readonly path: string;
  readonly line: number | undefined;
  readonly refs: readonly SecretReference[];
}

/**
 * Every secretable string the probe sends, with its config path. Not
 * alerting.httpsSubscriptions: CloudFormation resolves those at deploy time
 * (dynamic references), so neither the probe nor the CLI needs, or may read,
 * their values.
 */
function* secretableSites(config: ResolvedConfig): Generator<{ path: PropertyKey[]; value: string }> {
  for (const [n, network] of config.networks.entries()) {
    for (const [e, endpoint] of network.endpoints.entries()) {
      const at = ['networks', n, 'endpoints', e];
      yield { path: [...at, 'url'], value: endpoint.url };
      for (const [name, value] of Object.entries(endpoint.headers)) yield { path: [...at, 'headers', name], value };
      if (endpoint.basicAuth) {
        yield { path: [...at, 'basicAuth', 'username'], value: endpoint.basicAuth.username };
        yield { path: [...at, 'basicAuth', 'password'], value: endpoint.basicAuth.password };
      }
    }
  }
}

/** All references the probe resolves, e.g. for IAM policies (which parameters the probe may read). */
export function listSecretReferences(config: ResolvedConfig): SecretReference[] {
  const out = new Map<string, SecretReference>();
  for (const { value } of secretableSites(config)) {
    const scan = scanReferences(value);
    if (scan.ok) for (const ref of scan.references) out.set(ref.raw, ref);
  }
  return [...out.values()];
}

/**
 * Fills in every secret reference and registers every value with a Redactor.
 * `lineOf` (from the loader) puts the file's line on problems.
 */
export async function resolveSecrets(
  config: ResolvedConfig,
  sources: SecretSources,
  file: string | null = null,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): Promise<SecretResolution> {
  const sites: Site[] = [];
  for (const { path, value } of secretableSites(config)) {
    const scan = scanReferences(value);
    if (scan.ok && scan.references.length > 0) sites.push({ path: formatPath(path), line: lineOf?.(path), refs: scan.references });
  }
  const values = new Map<string, string>();
  const problems: ConfigProblem[] = [];
  const env = sources.env ?? process.env;

  const pending: Record<Exclude<SecretKind, 'env'>, Map<string, Site>> = { ssm: new Map(), secretsmanager: new Map() };
  for (const site of sites) {
    for (const ref of site.refs) {
      if (ref.kind === 'env') {
        const value = env[ref.name];
        if (value === undefined) problems.push({ path: site.path, line: site.line, message: `environment variable ${ref.name} is not set (referenced as ${ref.raw})` });
        else values.set(ref.raw, value);
      } else if (!pending[ref.kind].has(ref.name)) {
        pending[ref.kind].set(ref.name, site);
      }
    }
  }
  for (const kind of ['ssm', 'secretsmanager'] as const) {
    const wanted = pending[kind];
    if (wanted.size === 0) continue;
    const fetcher = sources[kind];
    if (!fetcher) {
      for (const [name, { path, line }] of wanted) {
        problems.push({ path, line, message: `\${${kind}:${name}} is resolved by the probe Lambda, not here: use \${env:NAME} to run this config locally` });
      }
      continue;
    }
    let fetched: ReadonlyMap<string, string>;
    try {
      fetched = await fetcher([...wanted.keys()]);
    } catch (err) {
      const why = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : String(err);
      for (const [name, { path, line }] of wanted) problems.push({ path, line, message: `could not read \${${kind}:${name}}: ${why}` });
      continue;
    }
    for (const [name, { path, line }] of wanted) {
      const value = fetched.get(name);
      if (value === undefined) problems.push({ path, line, message: `\${${kind}:${name}} was not found` });
      else values.set(`\${${kind}:${name}}`, value);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)), file);

  const redactor = new Redactor();
  for (const value of values.values()) redactor.add(value);
  const literals = findLiteralSecrets(config);
  for (const literal of literals) for (const form of literal.redact) redactor.add(form);
  const sub = (value: string) => substituteReferences(value, (ref) => values.get(ref.raw) ?? ref.raw);
  const resolved: ResolvedConfig = {
    ...config,
    networks: config.networks.map((network) => ({
      ...network,
      endpoints: network.endpoints.map((endpoint) => resolveEndpointSecrets(endpoint, sub, redactor)),
    })),
  };
  const broken = [...secretableSites(resolved)].filter(({ path, value }) => isUrlSite(path) && !URL.canParse(value));
  if (broken.length > 0) {
    // The message must not quote the URL: it now holds the secret values.
    throw new ConfigError(broken.map(({ path }) => ({
      path: formatPath(path),
      line: lineOf?.(path),
      message: 'is not a valid URL once its secret references are filled in (check the referenced values)',
    })), file);
  }
  return { config: resolved, redactor, literals };
}

const isUrlSite = (path: readonly PropertyKey[]) => path[path.length - 1] === 'url';

function resolveEndpointSecrets(endpoint: ResolvedEndpoint, sub: (v: string) => string, redactor: Redactor): ResolvedEndpoint {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(endpoint.headers)) {
    headers[name] = sub(value);
    if (SENSITIVE_HEADER.test(name)) redactor.add(headers[name]);
  }
  const basicAuth = endpoint.basicAuth ? { username: sub(endpoint.basicAuth.username), password: sub(endpoint.basicAuth.password) } : null;
  if (basicAuth) redactor.addBasicAuth(basicAuth.username, basicAuth.password);
  const url = sub(endpoint.url);
  // A literal password in the URL is a secret too. (A URL the values broke
  // is reported by resolveSecrets.)
  const password = URL.parse(url)?.password;
  if (password) {
    redactor.add(password);
    redactor.add(safeDecode(password));
  }
  return { ...endpoint, url, headers, basicAuth };
}

/** decodeURIComponent that keeps malformed escapes (%zz) as written. */
export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
