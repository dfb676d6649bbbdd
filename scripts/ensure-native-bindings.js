// npm running on the machine's Node 20 silently skips optional packages whose
// `engines` need Node >= 22 (hardhat 3's native EDR binding among them).
// Lifecycle scripts run on the project's own Node 24 (node_modules/.bin/node),
// so re-running the install from here picks those packages up.
import { execFileSync } from 'node:child_process';

// A fresh process each time: a failed require leaves Node's resolution caches
// remembering that the binding was missing.
function bindingLoads() {
  try {
    execFileSync(process.execPath, ['-e', "require('@nomicfoundation/edr')"], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (process.env.VANTAGE_ENSURE_NATIVE === 'running' || bindingLoads()) process.exit(0);

console.log(`ensure-native-bindings: re-running npm install on Node ${process.version} for optional native packages`);
execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund'], {
  stdio: 'inherit',
  env: { ...process.env, VANTAGE_ENSURE_NATIVE: 'running' },
});
if (!bindingLoads()) {
  console.error('ensure-native-bindings: @nomicfoundation/edr still does not load; hardhat-based tests will fail');
  process.exit(1);
}
