// One tick of probe.schedule invokes the probe function once per shard, with
// input {"shard": i, "of": N}. A rule holds at most five targets, so N shards
// take ceil(N / 5) rules on the same schedule.
import { Duration } from 'aws-cdk-lib';
import { Rule, RuleTargetInput, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { EVENTBRIDGE_RULE_MAX_TARGETS } from '../../src/config/aws-limits.ts';

export interface ProbeScheduleProps {
  readonly function: IFunction;
  /** probe.schedule, e.g. rate(1 minute). */
  readonly expression: string;
  readonly shards: number;
  readonly intervalSeconds: number;
}

export interface ShardInput {
  readonly shard: number;
  readonly of: number;
}

export class ProbeSchedule extends Construct {
  readonly rules: readonly Rule[];

  constructor(scope: Construct, id: string, props: ProbeScheduleProps) {
    super(scope, id);
    const rules: Rule[] = [];
    for (let first = 0; first < props.shards; first += EVENTBRIDGE_RULE_MAX_TARGETS) {
      const shards = Array.from({ length: Math.min(EVENTBRIDGE_RULE_MAX_TARGETS, props.shards - first) }, (_, k) => first + k);
      rules.push(new Rule(this, `Tick${rules.length}`, {
        description: `Vantage probe, shards ${shards[0]}-${shards[shards.length - 1]} of ${props.shards}`,
        schedule: Schedule.expression(props.expression),
        targets: shards.map((shard) => new LambdaFunction(props.function, {
          event: RuleTargetInput.fromObject({ shard, of: props.shards } satisfies ShardInput),
          // Delivery retries end before the next tick makes the event pointless.
          retryAttempts: 2,
          maxEventAge: Duration.seconds(Math.max(60, props.intervalSeconds)),
        })),
      }));
    }
    this.rules = rules;
  }
}
