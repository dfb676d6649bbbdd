import type { Command } from '../command.ts';
import { check } from './check.ts';
import { cost } from './cost.ts';
import { demo } from './demo.ts';
import { run } from './run.ts';
import { schema } from './schema.ts';

export const commands: readonly Command[] = [check, run, demo, cost, schema];
