// The whole deployment in one call, shared by infra/app.ts (the CDK CLI's
// entry) and the tests: one central stack, one probe stack per region, and
// the cdk-nag rule packs that must report nothing unacknowledged.
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { CentralStack } from './central-stack.ts';
import type { Deployment } from './deployment.ts';
import { CENTRAL_STACK_NAME, probeStackName } from './names.ts';
import { ProbeStack } from './probe-stack.ts';

export interface VantageStacks {
  readonly central: CentralStack;
  readonly probes: readonly ProbeStack[];
}

export function buildVantageApp(app: App, deployment: Deployment): VantageStacks {
  const { central } = deployment;
  const centralStack = new CentralStack(app, CENTRAL_STACK_NAME, {
    env: { account: central.account, region: central.region },
    description: `Vantage central: metrics, alarms, alerts and status page (${central.namespace})`,
    deployment,
  });
  const probes = deployment.regions.map((region) => {
    const stack = new ProbeStack(app, probeStackName(region), {
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
  return { central: centralStack, probes };
}
