// `vantage schema`: the config's JSON Schema, generated from the zod schema so
// editors validate exactly what the loader accepts.
import { z } from 'zod';
import { configSchema } from './schema.ts';

export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Vantage configuration (vantage.yaml)',
  };
}
