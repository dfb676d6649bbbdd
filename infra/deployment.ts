// What `cdk synth` deploys: the config (through src/config/, the same loader
// the CLI uses) plus the few facts that are about the AWS accounts rather
// than about what to watch (CDK context). Everything synth cannot build is
// reported here, all at once, one line per problem naming the config path.
import { ConfigError, formatPath, type ConfigProblem } from '../src/config/config-error.ts';
import { findLiteralSecrets } from '../src/config/literal-secrets.ts';
import { loadConfigFile } from '../src/config/load.ts';
import { applyDefaults, type ResolvedConfig } from '../src/config/resolved-config.ts';
import { scanReferences } from '../src/config/secret-reference.ts';
import { alarmPlan, type AlarmPlan } from '../src/alarms/alarm-plan.ts';
import { scheduleIntervalSeconds } from '../src/config/schedule.ts';
import { arrivalFitProblems } from './probe-timeout.ts';
import { ALARM_MAX_PERIOD_SECONDS, ALARM_NAME_MAX_LENGTH, LOG_RETENTION_DAYS } from '../src/config/aws-limits.ts';

/** Facts about accounts, from CDK context (`-c key=value` or cdk.json). */
export interface AccountSettings {
  /** Account of every probe stack; unset: the probe stacks are environment-agnostic and trusted as the central account. */
  readonly probeAccount?: string;
  /** Per-region override of probeAccount. */
  readonly probeAccounts?: Readonly<Record<string, string>>;
  /** Trust every probe role in this AWS Organization instead of listing accounts. */
  readonly organizationId?: string;
}

export interface Central {
  readonly account: string;
  readonly region: string;
  readonly namespace: string;
}

export interface Deployment {
  /** The config file as given (bundled into the functions). */
  readonly configFile: string;
  readonly config: ResolvedConfig;
  readonly central: Central;
  readonly regions: readonly string[];
  /** Probe account per region; undefined: environment-agnostic. */
  readonly probeAccountOf: (region: string) => string | undefined;
  readonly organizationId: string | undefined;
  /** Seconds between probe invocations (the schedule). */
  readonly intervalSeconds: number;
  /** The alarms to build (src/alarms/alarm-plan.ts): strategy, alarms, routing. */
  readonly plan: AlarmPlan;
}

export function loadDeployment(configFile: string, accounts: AccountSettings = {}): Deployment {
  const config = applyDefaults(loadConfigFile(configFile));
  const problems = [...deploymentProblems(config), ...accountProblems(accounts)];
  if (problems.length > 0) throw new ConfigError(problems, configFile);
  const plan = alarmPlan(config);
  const central = config.central!;
  return {
    configFile,
    config,
    central,
    regions: config.probe.regions,
    probeAccountOf: (region) => accounts.probeAccounts?.[region] ?? accounts.probeAccount,
    organizationId: accounts.organizationId,
    intervalSeconds: scheduleIntervalSeconds(config.probe.schedule),
    plan,
  };
}

export function deploymentProblems(config: ResolvedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  if (!config.central) add(['central'], 'is required by cdk synth (the account and region that hold metrics, alarms and the status page)');
  if (config.probe.regions.length === 0) add(['probe', 'regions'], 'is required by cdk synth (the regions the probes run in)');
  const interval = scheduleIntervalSeconds(config.probe.schedule);
  if (interval > ALARM_MAX_PERIOD_SECONDS) {
    add(['probe', 'schedule'], `runs every ${interval} s; availability alarms need a probe at least every ${ALARM_MAX_PERIOD_SECONDS} s`);
  }
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(config.logs.retentionDays)) {
    add(['logs', 'retentionDays'], `is ${config.logs.retentionDays}; CloudWatch Logs keeps logs for one of ${LOG_RETENTION_DAYS.join(', ')} days`);
  }
  problems.push(...environmentReferenceProblems(config), ...literalSecretProblems(config));
  problems.push(...arrivalFitProblems(config));
  if (problems.length === 0) {
    const plan = alarmPlan(config);
    problems.push(...alarmNameProblems(plan), ...plan.problems.map((message) => ({ path: 'networks', message: `need ${plan.strategy} alarms, and ${message} (docs/deploy.md, "Limits")` })));
  }
  return problems;
}

/** Alarm names carry the namespace and ids: one line for the longest that CloudWatch would refuse. */
function alarmNameProblems(plan: AlarmPlan): ConfigProblem[] {
  const longest = plan.alarms.reduce<string>((a, b) => (b.name.length > a.length ? b.name : a), '');
  if (longest.length <= ALARM_NAME_MAX_LENGTH) return [];
  return [{
    path: 'central.namespace',
    message: `makes alarm names up to ${longest.length} characters (e.g. "${longest.slice(0, 60)}…"); CloudWatch allows ${ALARM_NAME_MAX_LENGTH}: shorten the namespace or the network and endpoint ids`,
  }];
}

/**
 * `${env:NAME}` resolves from the environment of whoever runs the probe: a
 * deployed function has no such variable, and copying the value into the
 * template would publish the secret. Deployed configs use ssm or secretsmanager.
 */
function environmentReferenceProblems(config: ResolvedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const check = (path: PropertyKey[], value: string) => {
    const scan = scanReferences(value);
    if (!scan.ok) return;
    for (const ref of scan.references.filter((r) => r.kind === 'env')) {
      problems.push({
        path: formatPath(path),
        message: `${ref.raw} cannot be deployed (a Lambda function has no such variable, and the template must not hold the value); use \${ssm:/name} or \${secretsmanager:name}`,
      });
    }
  };
  config.alerting.httpsSubscriptions.forEach((value, i) => check(['alerting', 'httpsSubscriptions', i], value));
  config.networks.forEach((network, n) => network.endpoints.forEach((endpoint, e) => {
    const at = ['networks', n, 'endpoints', e];
    check([...at, 'url'], endpoint.url);
    for (const [name, value] of Object.entries(endpoint.headers)) check([...at, 'headers', name], value);
    if (endpoint.basicAuth) {
      check([...at, 'basicAuth', 'username'], endpoint.basicAuth.username);
      check([...at, 'basicAuth', 'password'], endpoint.basicAuth.password);
    }
  }));
  return problems;
}

/**
 * A credential written literally would be embedded in the probe function's
 * bundle (and readable by anyone who may read the function's code). One line
 * per config path, never quoting the value; `allowLiteralSecrets: true` on
 * the endpoint accepts it (a value that only looks like a key, or a test node).
 */
function literalSecretProblems(config: ResolvedConfig): ConfigProblem[] {
  const byPath = new Map<string, string[]>();
  for (const literal of findLiteralSecrets(config).filter((l) => !l.allowed)) {
    const path = formatPath(literal.path);
    byPath.set(path, [...new Set([...(byPath.get(path) ?? []), literal.what])]);
  }
  return [...byPath].map(([path, what]) => ({
    path,
    message: `${what.join(' and ')} looks like a credential written literally, which would be embedded in the probe function; `
      + 'use ${ssm:/name} or ${secretsmanager:name}, or set allowLiteralSecrets: true on the endpoint if it is not a secret',
  }));
}

function accountProblems(accounts: AccountSettings): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const account = /^\d{12}$/;
  if (accounts.probeAccount !== undefined && !account.test(accounts.probeAccount)) {
    problems.push({ path: 'context probeAccount', message: `"${accounts.probeAccount}" must be a 12-digit AWS account id` });
  }
  for (const [region, id] of Object.entries(accounts.probeAccounts ?? {})) {
    if (!account.test(id)) problems.push({ path: `context probeAccounts.${region}`, message: `"${id}" must be a 12-digit AWS account id` });
  }
  if (accounts.organizationId !== undefined && !/^o-[a-z0-9]{10,32}$/.test(accounts.organizationId)) {
    problems.push({ path: 'context organizationId', message: `"${accounts.organizationId}" must be an AWS Organizations id such as o-a1b2c3d4e5` });
  }
  return problems;
}
