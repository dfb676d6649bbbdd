// The CDK app (cdk.json: "node infra/app.ts"). Reads the config named by
// `-c config=FILE` (default examples/vantage.example.yaml) through
// src/config/, and account facts from context: probeAccount,
// probeAccounts (JSON {"region": "account"}), organizationId.
// A config synth cannot build, or one too large for CloudFormation and
// CloudWatch (infra/stack-limits.ts), ends with one line per problem and exit 2.
// Feature flags live in cdk.json's context (the CLI passes them in).
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../src/config/config-error.ts';
import { loadDeployment, type AccountSettings } from './deployment.ts';
import { stackLimitProblems, templateSizeProblems } from './stack-limits.ts';
import { buildVantageApp } from './vantage-app.ts';

const DEFAULT_CONFIG = 'examples/vantage.example.yaml';

const app = new App();
const configFile = String(app.node.tryGetContext('config') ?? DEFAULT_CONFIG);
try {
  const stacks = buildVantageApp(app, loadDeployment(configFile, accountSettings(app)));
  // Checked here, not at deploy time: a config too large for one stack fails with one line.
  const tooLarge = stackLimitProblems(stacks);
  if (tooLarge.length > 0) throw new ConfigError(tooLarge, configFile);
  const oversized = templateSizeProblems(app.synth());
  if (oversized.length > 0) throw new ConfigError(oversized, configFile);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}

function accountSettings(app: App): AccountSettings {
  const text = (key: string): string | undefined => {
    const value: unknown = app.node.tryGetContext(key);
    return value === undefined || value === null || value === '' ? undefined : String(value);
  };
  const perRegion: unknown = app.node.tryGetContext('probeAccounts');
  let probeAccounts: Record<string, string> | undefined;
  if (typeof perRegion === 'string' && perRegion !== '') {
    try {
      probeAccounts = JSON.parse(perRegion) as Record<string, string>;
    } catch {
      throw new ConfigError([{ path: 'context probeAccounts', message: 'must be JSON such as {"eu-west-1":"222222222222"}' }]);
    }
  } else if (perRegion && typeof perRegion === 'object') {
    probeAccounts = perRegion as Record<string, string>;
  }
  return { probeAccount: text('probeAccount'), probeAccounts, organizationId: text('organizationId') };
}
