// Credentials written literally into the config instead of as a `${…}`
// reference: an API key in a URL path (/v3/<key>) or query (?apikey=…), a
// header such as X-Api-Key or X-Project-Id, a password. They are found on
// the config as written (references unresolved), so that the CLI can warn,
// the redactor can hide them like resolved secrets, and `cdk synth` can
// refuse to embed them in a Lambda bundle.
//
// A URL segment "looks like a key" when it is long and random: hex of 20+
// characters with letters and digits, a UUID, or 20+ characters of
// base58/base62/base64url mixing cases and digits the way random text does.
// Words joined by hyphens, version paths, numbers, 0x addresses and hashes,
// Algorand addresses and Avalanche chain ids (/ext/bc/<id>/rpc) are not keys.
import { formatPath } from './config-error.ts';
import type { ResolvedConfig, ResolvedEndpoint } from './resolved-config.ts';

export interface LiteralSecret {
  /** Config path of the string that holds it, e.g. ['networks', 0, 'endpoints', 1, 'url']. */
  readonly path: readonly PropertyKey[];
  /** What part of that string it is, for a message ("a URL path segment"). Never the value. */
  readonly what: string;
  /** The literal text itself: for the redactor only, never printed. */
  readonly value: string;
  /** Every form to redact: the value, and a header's token without its scheme ("Bearer …"). */
  readonly redact: readonly string[];
  /** The endpoint sets allowLiteralSecrets: true. */
  readonly allowed: boolean;
}

/** At least this long before a URL segment or header value can look like a random key. */
export const MIN_KEY_LENGTH = 20;

const REFERENCE = '${';

/** Header names that carry credentials whatever their value looks like. */
const CREDENTIAL_NAME = /authori[sz]ation|cookie|token|secret|passw|auth|credential|session|signature|(^|[^a-z])key$|apikey|accesskey|projectid|apiid|appid|clientid/;

/** Query parameter names that carry credentials. */
const CREDENTIAL_PARAMETER = /^(api[-_]?key|apikey|key|[a-z]*key|token|access[-_]?token|auth|secret|client[-_]?secret|password|pass|pwd|sig|signature|project[-_]?id)$/i;

const AUTH_SCHEME = /^(bearer|basic|token|apikey|api-key|digest)\s+(\S+)$/i;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Does this header name say its value is a credential (X-Api-Key, Authorization, X-Project-Id, …)? */
export function isCredentialHeaderName(name: string): boolean {
  return CREDENTIAL_NAME.test(name.toLowerCase().replace(/[-_ ]/g, ''))
    || /(^|[-_])(key|token|secret)([-_]|$)/i.test(name);
}

/** Is this piece of text (a URL segment, a query or header value) long, random text such as an API key? */
export function looksLikeKey(text: string): boolean {
  if (text.length < MIN_KEY_LENGTH) return false;
  // Public data that is long and random-looking: 0x addresses and hashes, Algorand addresses.
  if (/^0x[0-9a-f]+$/i.test(text) || /^[A-Z2-7]{58}$/.test(text)) return false;
  if (UUID.test(text)) return true;
  if (/^[0-9a-f]+$/i.test(text)) return /[0-9]/.test(text) && /[a-f]/i.test(text);
  if (!/^[A-Za-z0-9_~.+=-]+$/.test(text)) return false;
  // Judged without separators: hyphenated words ("Node-1-Eth-Mainnet") stay words.
  const core = text.replace(/[_~.+=-]/g, '');
  const digits = (core.match(/[0-9]/g) ?? []).length;
  const upper = (core.match(/[A-Z]/g) ?? []).length;
  const lower = (core.match(/[a-z]/g) ?? []).length;
  const changes = classChanges(core) / core.length;
  // Random text changes character class at most positions (mixed case and
  // digits: about 6 in 10); names such as "MyArchiveNode2Mainnet" do not.
  if (upper > 0 && lower > 0) return digits >= 1 && changes >= 0.4;
  // One case and digits (base32/base36 keys): about 4 changes in 10.
  return digits >= 2 && upper + lower >= 4 && changes >= 0.2;
}

function classChanges(text: string): number {
  const classOf = (c: string) => (/[A-Z]/.test(c) ? 'U' : /[a-z]/.test(c) ? 'L' : 'D');
  let changes = 0;
  for (let i = 1; i < text.length; i++) if (classOf(text[i]!) !== classOf(text[i - 1]!)) changes++;
  return changes;
}

/** Literal credentials in a URL as written: userinfo, path segments, query values. */
export function literalSecretsInUrl(url: string): { what: string; value: string }[] {
  const parts = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i.exec(url);
  if (!parts) return [];
  const [, authority = '', path = '', query = ''] = parts;
  const found: { what: string; value: string }[] = [];
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    const [user = '', password] = authority.slice(0, at).split(/:(.*)/s);
    if (password && !password.includes(REFERENCE)) found.push({ what: 'the password in the URL', value: password });
    if (!user.includes(REFERENCE) && looksLikeKey(decode(user))) found.push({ what: 'the user name in the URL', value: user });
  }
  const segments = path.split('/');
  segments.forEach((segment, i) => {
    if (!segment || segment.includes(REFERENCE)) return;
    // Avalanche's API names a chain by its id: /ext/bc/<chain id>/rpc. Chain ids are public.
    if (segments[i - 2] === 'ext' && segments[i - 1] === 'bc') return;
    if (looksLikeKey(decode(segment))) found.push({ what: 'a URL path segment', value: segment });
  });
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq === -1) continue;
    const name = decode(pair.slice(0, eq));
    const value = pair.slice(eq + 1);
    if (!value || value.includes(REFERENCE)) continue;
    if (CREDENTIAL_PARAMETER.test(name) || looksLikeKey(decode(value))) found.push({ what: `the URL query parameter "${printable(name)}"`, value });
  }
  return found;
}

/**
 * A literal header value that is a credential (by the header's name, an auth
 * scheme, or its look): the forms to redact, or null.
 */
export function literalSecretInHeader(name: string, value: string): string[] | null {
  if (!value.trim() || value.includes(REFERENCE)) return null;
  const scheme = AUTH_SCHEME.exec(value.trim());
  if (!isCredentialHeaderName(name) && !scheme && !looksLikeKey(value.trim())) return null;
  // The token alone too: a message may quote it without its scheme.
  return scheme ? [value, scheme[2]!] : [value];
}

/** Every literal credential of every endpoint, in config order. */
export function findLiteralSecrets(config: ResolvedConfig): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  config.networks.forEach((network, n) => network.endpoints.forEach((endpoint, e) => {
    found.push(...endpointLiterals(endpoint, ['networks', n, 'endpoints', e]));
  }));
  return found;
}

function endpointLiterals(endpoint: ResolvedEndpoint, at: PropertyKey[]): LiteralSecret[] {
  const allowed = endpoint.allowLiteralSecrets;
  const found: LiteralSecret[] = literalSecretsInUrl(endpoint.url).map((f) => ({ ...f, redact: [f.value], path: [...at, 'url'], allowed }));
  for (const [name, value] of Object.entries(endpoint.headers)) {
    const redact = literalSecretInHeader(name, value);
    if (redact) found.push({ path: [...at, 'headers', name], what: 'the header value', value, redact, allowed });
  }
  const password = endpoint.basicAuth?.password;
  if (password && !password.includes(REFERENCE)) {
    found.push({ path: [...at, 'basicAuth', 'password'], what: 'the password', value: password, redact: [password], allowed });
  }
  return found;
}

/**
 * One warning per distinct value (the first place it is written, and how
 * many more), never quoting it. `lineOf` puts the file's line on it.
 */
export function literalSecretWarnings(
  literals: readonly LiteralSecret[],
  file: string | null,
  lineOf?: (path: readonly PropertyKey[]) => number | undefined,
): string[] {
  const byValue = new Map<string, LiteralSecret[]>();
  for (const literal of literals.filter((l) => !l.allowed)) {
    byValue.set(literal.value, [...(byValue.get(literal.value) ?? []), literal]);
  }
  const warnings = [...byValue.values()].map(([first, ...more]) => {
    const line = lineOf?.(first!.path);
    const where = file ? `${file}${line ? `:${line}` : ''}: ` : '';
    const also = more.length > 0 ? ` (also written at ${more.length} more place${more.length === 1 ? '' : 's'})` : '';
    const text = `${where}warning: ${formatPath(first!.path)}: ${first!.what} looks like a credential written literally${also}; `
      + 'it is redacted from output, but write it as a reference (${env:NAME}, ${ssm:/name}) to keep it out of the file';
    return { line: line ?? 0, text };
  });
  return warnings.sort((a, b) => a.line - b.line).map((w) => w.text);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A parameter name for a message: printable ASCII, short. */
function printable(name: string): string {
  const clean = name.replace(/[^\x20-\x7e]/g, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
