import type { Command } from '../command.ts';
import { check } from './check.ts';
import { schema } from './schema.ts';

export const commands: readonly Command[] = [check, schema];
