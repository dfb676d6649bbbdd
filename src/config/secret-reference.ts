// Secret references: `${env:NAME}`, `${ssm:/path}`, `${secretsmanager:name-or-arn}`.
// They may appear anywhere inside url, headers, basicAuth and
// httpsSubscriptions strings, several in one string.
import { SECRET_ID_MAX_LENGTH, SSM_PARAMETER_NAME_MAX_LENGTH } from './aws-limits.ts';

export const SECRET_KINDS = ['env', 'ssm', 'secretsmanager'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

export interface SecretReference {
  readonly kind: SecretKind;
  readonly name: string;
  /** The text as written, e.g. `${ssm:/vantage/token}`. */
  readonly raw: string;
}

const NAME_RULES: Readonly<Record<SecretKind, { pattern: RegExp; hint: string }>> = {
  env: { pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, hint: 'an environment variable name' },
  // SSM parameter names: letters, digits and .-_/ (a leading slash for hierarchies).
  ssm: { pattern: new RegExp(`^/?[A-Za-z0-9_.\\-/]{1,${SSM_PARAMETER_NAME_MAX_LENGTH}}$`), hint: 'an SSM parameter name such as /vantage/token' },
  // Secret names (and full ARNs, which add ':').
  secretsmanager: { pattern: new RegExp(`^[A-Za-z0-9/_+=.@:\\-!]{1,${SECRET_ID_MAX_LENGTH}}$`), hint: 'a Secrets Manager secret name or ARN' },
};

export type ReferenceScan =
  | { readonly ok: true; readonly references: readonly SecretReference[] }
  | { readonly ok: false; readonly message: string };

/** Finds every reference in a string; rejects malformed or unknown ones. */
export function scanReferences(value: string): ReferenceScan {
  const references: SecretReference[] = [];
  let at = 0;
  for (;;) {
    const start = value.indexOf('${', at);
    if (start === -1) return { ok: true, references };
    const end = value.indexOf('}', start);
    if (end === -1) return { ok: false, message: `unterminated secret reference "${value.slice(start, start + 24)}" (expected \${kind:name})` };
    const raw = value.slice(start, end + 1);
    const inner = raw.slice(2, -1);
    const colon = inner.indexOf(':');
    const kind = colon === -1 ? inner : inner.slice(0, colon);
    if (!(SECRET_KINDS as readonly string[]).includes(kind) || colon === -1) {
      return { ok: false, message: `unknown secret reference "${raw}" (use \${env:NAME}, \${ssm:/path} or \${secretsmanager:name})` };
    }
    const name = inner.slice(colon + 1);
    const rule = NAME_RULES[kind as SecretKind];
    if (!rule.pattern.test(name)) return { ok: false, message: `secret reference "${raw}" needs ${rule.hint}` };
    references.push({ kind: kind as SecretKind, name, raw });
    at = end + 1;
  }
}

/** Replaces each reference with what `lookup` returns for it. */
export function substituteReferences(value: string, lookup: (ref: SecretReference) => string): string {
  const scan = scanReferences(value);
  if (!scan.ok) throw new Error(scan.message);
  let out = value;
  for (const ref of scan.references) out = out.replace(ref.raw, () => lookup(ref));
  return out;
}
