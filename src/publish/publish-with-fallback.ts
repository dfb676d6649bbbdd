// One run's datums to the central account within a deadline; whatever
// CloudWatch did not accept comes back as EMF lines, so nothing is lost. The
// probe Lambda writes those lines to its log (CloudWatch Logs extracts them
// in its own account); `vantage check --publish` reports the failure and
// exits 1. Both go through here, so both publish the same way.
import type { MetricDatum } from '../metrics/datum.ts';
import type { CloudWatchPublisher, PublishOutcome } from './cloudwatch-publisher.ts';
import { toEmfLines } from './emf.ts';
import { publishRun } from './publish-run.ts';

export interface FallbackPublication {
  /** Datums of the run. */
  readonly datums: number;
  readonly outcome: PublishOutcome;
  /** EMF documents holding outcome.unpublished; empty when everything was accepted. */
  readonly emfLines: readonly string[];
}

export interface PublishWithFallbackOptions {
  readonly namespace: string;
  /** The publisher; may throw (e.g. there is no central region to publish to), which counts as a failed publish. */
  readonly publisher: () => CloudWatchPublisher;
  /** Epoch ms by which publishing is over. */
  readonly deadline: number;
  /** The clock the deadline is on (the probe function's injected one); default Date.now. */
  readonly now?: () => number;
}

export async function publishWithFallback(datums: readonly MetricDatum[], options: PublishWithFallbackOptions): Promise<FallbackPublication> {
  let outcome: PublishOutcome;
  try {
    outcome = await publishRun(options.publisher(), datums, { deadline: options.deadline, ...(options.now ? { now: options.now } : {}) });
  } catch (err) {
    // publishRun never throws by design; this keeps the fallback safe from the unforeseen.
    outcome = { published: 0, requests: 0, unpublished: datums, errors: [err instanceof Error ? err.message : String(err)] };
  }
  const emfLines = outcome.unpublished.length > 0 ? toEmfLines(options.namespace, outcome.unpublished) : [];
  return { datums: datums.length, outcome, emfLines };
}
