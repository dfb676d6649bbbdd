// Synthesizes the Vantage app in-process, the way `cdk synth` does (same
// context and feature flags, read from cdk.json), with the cdk-nag packs
// registered. Bundling is skipped here (the CLI test bundles for real): it
// takes the bulk of synth time on a 2-core machine and changes no template
// property these tests read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadDeployment, type AccountSettings, type Deployment } from '../../infra/deployment.ts';
import { buildVantageApp, type VantageStacks } from '../../infra/vantage-app.ts';
import { ROOT as REPOSITORY_ROOT } from './vantage-cli.ts';

export interface Synthesized {
  readonly app: App;
  readonly deployment: Deployment;
  readonly stacks: VantageStacks;
  readonly central: Template;
  readonly probes: ReadonlyMap<string, Template>;
}

export function cdkJsonContext(): Record<string, unknown> {
  return (JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;
}

export function synthesize(configFile: string, accounts: AccountSettings = {}): Synthesized {
  const app = new App({ context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] } });
  const deployment = loadDeployment(configFile, accounts);
  const stacks = buildVantageApp(app, deployment);
  // Runs the cdk-nag packs too: an unacknowledged finding throws here.
  app.synth();
  return {
    app,
    deployment,
    stacks,
    central: Template.fromStack(stacks.central),
    probes: new Map(stacks.probes.map((p) => [p.region, Template.fromStack(p)])),
  };
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, any>;
  readonly DependsOn?: string[];
}

export function resourcesOf(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}
