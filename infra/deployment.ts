// What `cdk synth` deploys: the config (through src/config/, the same loader
// the CLI uses) plus the few facts that are about the AWS accounts rather
// than about what to watch (CDK context). Everything synth cannot build is
// reported here, all at once, one line per problem naming the config path.
import { ConfigError, formatPath, type ConfigProblem } from '../src/config/config-error.ts';
import { findLiteralSecrets } from '../src/config/literal-secrets.ts';
import { loadConfigFile } from '../src/config/load.ts';
import { applyDefaults, type ResolvedConfig } from '../src/config/resolved-config.ts';
import { scanReferences } from '../src/config/secret-reference.ts';
import { alarmPlan } from '../src/alarms/alarm-plan.ts';
import { scheduleIntervalSeconds } from '../src/config/schedule.ts';
import { arrivalFitProblems } from './probe-timeout.ts';
import {
  ALARM_MAX_PERIOD_SECONDS, ALARM_NAME_MAX_LENGTH, COMPOSITE_ALARM_MAX_CHILDREN, COMPOSITE_ALARM_RULE_MAX_LENGTH, LOG_RETENTION_DAYS, MATH_ALARM_MAX_METRICS,
} from '../src/config/aws-limits.ts';

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
  /** Seconds between probe runs: the alarms' period. */
  readonly intervalSeconds: number;
}

export function loadDeployment(configFile: string, accounts: AccountSettings = {}): Deployment {
  const config = applyDefaults(loadConfigFile(configFile));
  const problems = [...deploymentProblems(config), ...accountProblems(accounts)];
  if (problems.length > 0) throw new ConfigError(problems, configFile);
  const central = config.central!;
  return {
    configFile,
    config,
    central,
    regions: config.probe.regions,
    probeAccountOf: (region) => accounts.probeAccounts?.[region] ?? accounts.probeAccount,
    organizationId: accounts.organizationId,
    intervalSeconds: scheduleIntervalSeconds(config.probe.schedule),
  };
}

export function deploymentProblems(config: ResolvedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });
  if (!config.central) add(['central'], 'is required by cdk synth (the account and region that hold metrics, alarms and the status page)');
  const regions = config.probe.regions.length;
  if (regions === 0) add(['probe', 'regions'], 'is required by cdk synth (the regions the probes run in)');
  if (regions > MATH_ALARM_MAX_METRICS) {
    add(['probe', 'regions'], `lists ${regions} regions; an alarm combines at most ${MATH_ALARM_MAX_METRICS} (CloudWatch metric math limit)`);
  }
  const interval = scheduleIntervalSeconds(config.probe.schedule);
  if (interval > ALARM_MAX_PERIOD_SECONDS) {
    add(['probe', 'schedule'], `runs every ${interval} s; availability alarms need a probe at least every ${ALARM_MAX_PERIOD_SECONDS} s`);
  }
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(config.logs.retentionDays)) {
    add(['logs', 'retentionDays'], `is ${config.logs.retentionDays}; CloudWatch Logs keeps logs for one of ${LOG_RETENTION_DAYS.join(', ')} days`);
  }
  problems.push(...environmentReferenceProblems(config), ...literalSecretProblems(config));
  problems.push(...arrivalFitProblems(config));
  if (problems.length === 0) problems.push(...alarmNameProblems(config), ...compositeProblems(config));
  return problems;
}

/** Alarm names carry the namespace and ids: one line for the longest that CloudWatch would refuse. */
function alarmNameProblems(config: ResolvedConfig): ConfigProblem[] {
  const longest = alarmPlan(config).reduce<string>((a, b) => (b.name.length > a.length ? b.name : a), '');
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

function compositeProblems(config: ResolvedConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const alarm of alarmPlan(config).filter((a) => a.children.length > 0)) {
    const path = formatPath(['networks', config.networks.findIndex((n) => n.id === alarm.subject.network)]);
    // The rule names its children: ALARM("name") OR ALARM("name") ...
    const ruleLength = alarm.children.reduce((n, name) => n + JSON.stringify(name).length + 7, 0) + 4 * (alarm.children.length - 1);
    if (alarm.children.length > COMPOSITE_ALARM_MAX_CHILDREN || ruleLength > COMPOSITE_ALARM_RULE_MAX_LENGTH) {
      problems.push({
        path,
        message: `has ${alarm.children.length} critical alarms; its composite alarm combines at most ${COMPOSITE_ALARM_MAX_CHILDREN} in a rule of at most ${COMPOSITE_ALARM_RULE_MAX_LENGTH} characters (split the network)`,
      });
    }
  }
  return problems;
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
