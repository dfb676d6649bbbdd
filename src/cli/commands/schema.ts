// `vantage schema`: the config's JSON Schema, for editors.
import { configJsonSchema } from '../../config/json-schema.ts';
import { EXIT, parseFlags, type Command } from '../command.ts';

export const schema: Command = {
  name: 'schema',
  summary: 'print the JSON Schema of vantage.yaml (for editors)',
  help: `Usage: vantage schema

Prints the JSON Schema (draft 2020-12) of the config file. Point your editor
at it, e.g. with "# yaml-language-server: $schema=vantage.schema.json".
`,
  async run(argv, io) {
    parseFlags('schema', argv, {});
    io.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  },
};
