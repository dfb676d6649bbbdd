#!/usr/bin/env node
// Entry point. Runs the TypeScript sources directly (Node >= 22.18 strips
// types), so a fresh clone needs no build step. Under npx and npm scripts,
// node_modules/.bin is first on PATH and `node` is the project's own Node 24.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `vantage needs Node.js 24 (this is ${process.version}). Run it as "npx vantage …" in the project ` +
      'so the Node 24 that npm ci installed is used.\n',
  );
  process.exit(2);
}
const { runCli } = await import('../src/cli/run-cli.ts');
await runCli();
