// Plain-words messages for the zod issues the schema does not word itself
// (zod's defaults read "Invalid input: expected number, received string"),
// and the keys a config object allows at a path, for unknown-key hints.
import type { z } from 'zod';
import { clip } from './redactor.ts';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value)',
  record: 'a mapping (key: value)',
};

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(clip(value, 40))}`;
  return `${typeof value} ${String(value)}`;
}

/** Error map for safeParse: a message where zod would give its generic one. */
export const configErrorMap = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected} (got ${describeValue(issue.input)})`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return `must list at least ${issue.minimum}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return 'must not be empty';
  if (issue.code === 'invalid_value' && issue.values.length > 0) {
    return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  }
  return undefined;
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Keys the schema allows in the object at `path` of `data` (discriminated
 * unions are followed by the value of their discriminator); null when the
 * path does not lead to a fixed-shape object.
 */
export function allowedKeysAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] | null {
  let node: z.ZodType | undefined = schema;
  let value: unknown = data;
  let i = 0;
  while (node) {
    const def = defOf(node);
    if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default') {
      node = def.innerType;
      continue;
    }
    if (def.type === 'union' && def.discriminator) {
      const tag = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[def.discriminator] : undefined;
      node = def.options?.find((o) => {
        const d = defOf(o).shape?.[def.discriminator!];
        return d !== undefined && (defOf(d) as { values?: unknown[] }).values?.includes(tag);
      });
      continue;
    }
    if (i === path.length) return def.type === 'object' && def.shape ? Object.keys(def.shape) : null;
    const step = path[i++]!;
    value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined;
    if (def.type === 'object') node = def.shape?.[String(step)];
    else if (def.type === 'array') node = def.element;
    else if (def.type === 'record') node = def.valueType;
    else return null;
  }
  return null;
}
