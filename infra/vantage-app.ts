// The whole deployment in one call, shared by infra/app.ts (the CDK CLI's
// entry) and the tests: one central stack, alarm stacks when the alarms do
// not fit in it (src/alarms/alarm-stacks.ts), one probe stack per region, and
// the cdk-nag rule packs that must report nothing unacknowledged.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { CentralStack } from './central-stack.ts';
import type { Deployment } from './deployment.ts';
import { alarmStackName, centralStackName, dashboardUrl as dashboardLink, probeStackName } from './names.ts';
import { ProbeStack } from './probe-stack.ts';
import { AlarmStack } from './alarm-stack.ts';
import { packAlarmStacks } from '../src/alarms/alarm-stacks.ts';

export interface VantageStacks {
  readonly central: CentralStack;
  /** Sibling stacks holding the alarms; [] when the central stack holds them. */
  readonly alarms: readonly AlarmStack[];
  readonly probes: readonly ProbeStack[];
}

export function buildVantageApp(app: App, deployment: Deployment): VantageStacks {
  const { central } = deployment;
  const env = { account: central.account, region: central.region };
  const packing = packAlarmStacks(deployment.plan.alarms);
  const centralStack = new CentralStack(app, centralStackName(central.namespace), {
    env,
    description: `Vantage central: metrics, alarms, alerts and status page (${central.namespace})`,
    deployment,
    alarms: packing.central ? deployment.plan.alarms : [],
  });
  const byName = new Map(deployment.plan.alarms.map((a) => [a.name, a]));
  const dashboardUrl = dashboardLink(central.namespace, central.region);
  const alarmStacks = packing.stacks.map((names, i) => {
    const stack = new AlarmStack(app, alarmStackName(central.namespace, i + 1), {
      env,
      description: `Vantage alarms ${i + 1} of ${packing.stacks.length} (${central.namespace})`,
      deployment,
      alarms: names.map((n) => byName.get(n)!),
      dashboardUrl,
    });
    // The alert topics exist before an alarm names them.
    stack.addStackDependency(centralStack, 'the alarms notify the central stack\'s topics');
    return stack;
  });
  const probes = deployment.regions.map((region) => {
    const stack = new ProbeStack(app, probeStackName(central.namespace, region), {
      // No probe account given: environment-agnostic, deployed with whatever credentials run `cdk deploy`.
      env: { account: deployment.probeAccountOf(region), region },
      description: `Vantage probe in ${region}, publishing to ${central.region}`,
      deployment,
      region,
    });
    // Deployment order only (no references): the publisher role exists before a probe first runs.
    stack.addStackDependency(centralStack, "the publisher role must exist before a probe first runs");
    return stack;
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { central: centralStack, alarms: alarmStacks, probes };
}
