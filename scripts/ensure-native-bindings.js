// npm running on the machine's Node 20 silently skips optional packages whose
// `engines` need Node >= 22 (hardhat 3's native EDR binding among them).
// Lifecycle scripts run on the project's own Node 24 (node_modules/.bin/node),
// so re-running the install from here picks those packages up.
import { execFileSync } from 'node:child_process';

/** Native bindings the tests need, each with code that loads it for real. */
const BINDINGS = [
  // hardhat's EDR: every local EVM node of the tests and the demo.
  { name: '@nomicfoundation/edr', check: "require('@nomicfoundation/edr')" },
  // dependency-cruiser's TypeScript parser (npm run lint:layers, in npm test); transforming loads the binary.
  { name: '@swc/core', check: "require('@swc/core').transformSync('let a: number = 1', { jsc: { parser: { syntax: 'typescript' } } })" },
];

// A fresh process each time: a failed require leaves Node's resolution caches
// remembering that the binding was missing.
function loads(binding) {
  try {
    execFileSync(process.execPath, ['-e', binding.check], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = () => BINDINGS.filter((binding) => !loads(binding));

if (process.env.VANTAGE_ENSURE_NATIVE === 'running' || missing().length === 0) process.exit(0);

console.log(`ensure-native-bindings: re-running npm install on Node ${process.version} for optional native packages`);
execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund'], {
  stdio: 'inherit',
  env: { ...process.env, VANTAGE_ENSURE_NATIVE: 'running' },
});
const still = missing();
if (still.length > 0) {
  console.error(`ensure-native-bindings: ${still.map((b) => b.name).join(', ')} still does not load; the tests that need it will fail`);
  process.exit(1);
}
