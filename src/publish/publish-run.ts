// Publishes one probe run. The ProbeRuns heartbeat goes last and only once
// every other datum was accepted: a heartbeat in the central account then
// means "a complete run arrived", and a partial failure leaves it missing,
// which is what raises the heartbeat alarm.
import type { MetricDatum } from '../metrics/datum.ts';
import { METRIC } from '../report/metric-names.ts';
import type { CloudWatchPublisher, PublishOptions, PublishOutcome } from './cloudwatch-publisher.ts';

export async function publishRun(publisher: CloudWatchPublisher, datums: readonly MetricDatum[], options: PublishOptions): Promise<PublishOutcome> {
  const heartbeat = datums.filter((d) => d.name === METRIC.ProbeRuns);
  const rest = datums.filter((d) => d.name !== METRIC.ProbeRuns);
  const first = await publisher.publish(rest, options);
  if (first.unpublished.length > 0) {
    return {
      ...first,
      unpublished: [...first.unpublished, ...heartbeat],
      errors: [...first.errors, `${METRIC.ProbeRuns} heartbeat withheld: the run was not published completely`],
    };
  }
  const second = await publisher.publish(heartbeat, options);
  return {
    published: first.published + second.published,
    requests: first.requests + second.requests,
    unpublished: second.unpublished,
    errors: second.errors,
  };
}
