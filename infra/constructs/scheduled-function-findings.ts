// cdk-nag findings every scheduled Vantage function shares, acknowledged in
// one place with the reasons that hold for all of them: a run is one tick of
// a schedule, and a lost tick is replaced by the next one, not replayed.
import { Validations } from 'aws-cdk-lib';
import type { Rule } from 'aws-cdk-lib/aws-events';
import type { VantageFunction } from './vantage-function.ts';

export function acknowledgeScheduledFunction(fn: VantageFunction, rules: readonly Rule[], why: string): void {
  Validations.of(fn.function).acknowledge(
    { id: 'Serverless-LambdaDLQ', reason: `No dead-letter queue: ${why}; retries are off on purpose.` },
    { id: 'Serverless-LambdaAsyncFailureDestination', reason: `No failure destination: ${why}; failures show as Lambda Errors and, for probes, as the heartbeat alarm.` },
    { id: 'Serverless-LambdaTracing', reason: 'X-Ray is off: the probe measures and reports its own phase timings, and tracing would add per-trace cost and an xray:* statement on Resource * to a least-privilege role.' },
  );
  for (const rule of rules) {
    Validations.of(rule).acknowledge({ id: 'Serverless-EventBusDLQ', reason: `No dead-letter queue for schedule targets: ${why}.` });
  }
}
