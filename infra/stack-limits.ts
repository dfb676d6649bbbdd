// What CloudFormation and CloudWatch accept for a whole stack, checked at
// synth so a config too large to deploy fails here with one line naming the
// cause, instead of a CDK stack trace (over 500 resources) or a rollback at
// deploy time (a template over 1 MB, a dashboard over its quotas). The sizes
// grow with endpoints × regions: each served endpoint is up to 5 alarms, each
// reading one metric per region.
import { CfnResource, Stack } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { statSync } from 'node:fs';
import type { ConfigProblem } from '../src/config/config-error.ts';
import { DASHBOARD_MAX_METRICS, DASHBOARD_MAX_WIDGETS, STACK_MAX_RESOURCES, TEMPLATE_MAX_BYTES } from '../src/config/aws-limits.ts';
import type { VantageStacks } from './vantage-app.ts';

const ADVICE = '(docs/deploy.md, "Limits")';

/** Before synth: resource counts (CDK itself would throw past 500) and the dashboard's quotas. */
export function stackLimitProblems(stacks: VantageStacks): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const stack of [stacks.central, ...stacks.probes]) {
    const resources = stack.node.findAll().filter((c) => CfnResource.isCfnResource(c) && Stack.of(c) === stack);
    if (resources.length > STACK_MAX_RESOURCES) {
      const alarms = resources.filter((r) => (r as CfnResource).cfnResourceType === 'AWS::CloudWatch::Alarm').length;
      problems.push({
        path: 'networks',
        message: `make ${stack.stackName} ${resources.length} resources (${alarms} alarms); CloudFormation allows ${STACK_MAX_RESOURCES} per stack: watch fewer endpoints ${ADVICE}`,
      });
    }
  }
  const { dashboard } = stacks.central;
  if (dashboard.widgetCount > DASHBOARD_MAX_WIDGETS || dashboard.metricCount > DASHBOARD_MAX_METRICS) {
    problems.push({
      path: 'networks',
      message: `make a dashboard of ${dashboard.widgetCount} widgets reading ${dashboard.metricCount} metrics; CloudWatch allows ${DASHBOARD_MAX_WIDGETS} and ${DASHBOARD_MAX_METRICS}: watch fewer networks ${ADVICE}`,
    });
  }
  return problems;
}

/** After synth: each template file as `cdk deploy` uploads it. */
export function templateSizeProblems(assembly: CloudAssembly): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const stack of assembly.stacks) {
    const bytes = statSync(stack.templateFullPath).size;
    if (bytes > TEMPLATE_MAX_BYTES) {
      problems.push({
        path: 'networks',
        message: `make the ${stack.stackName} template ${bytes.toLocaleString('en-US')} bytes; CloudFormation accepts ${TEMPLATE_MAX_BYTES.toLocaleString('en-US')}: watch fewer endpoints, or from fewer regions ${ADVICE}`,
      });
    }
  }
  return problems;
}
