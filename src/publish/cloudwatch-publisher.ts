// Publishes datums with PutMetricData: batches inside AWS limits, a few in
// flight at once, retries with jittered backoff for throttling and 5xx, and
// everything inside a deadline. It never throws: what could not be published
// comes back as `unpublished`, for the caller's fallback (EMF in Lambda).
import { setTimeout as sleep } from 'node:timers/promises';
import { PutMetricDataCommand, type CloudWatchClient, type MetricDatum as SdkMetricDatum } from '@aws-sdk/client-cloudwatch';
import { mapConcurrent } from '../engine/map-concurrent.ts';
import type { MetricDatum } from '../metrics/datum.ts';
import { splitIntoBatches, type Batch } from './batches.ts';
import { BACKOFF, backoffMs, describeError, isRetryable } from './retry-policy.ts';
import { untilAborted } from './until-aborted.ts';

export interface PublishOptions {
  /** Epoch ms by which every call must be over (Lambda: before the function's own timeout). */
  readonly deadline: number;
  readonly now?: () => number;
  readonly random?: () => number;
}

export interface PublishOutcome {
  /** Samples CloudWatch accepted. */
  readonly published: number;
  /** PutMetricData calls made, retries included. */
  readonly requests: number;
  readonly unpublished: readonly MetricDatum[];
  /** One line per failed request or invalid datum. */
  readonly errors: readonly string[];
}

/** Requests in flight at once: fast for 10,000 datums, far below PutMetricData's per-account TPS quota. */
const CONCURRENCY = 4;
/** No attempt starts with less time left than this: it could not finish. */
const MIN_ATTEMPT_MS = 250;

export interface CloudWatchPublisherOptions {
  readonly client: CloudWatchClient;
  readonly namespace: string;
  /**
   * Resolves (and caches) the signing credentials. Called first, under the
   * deadline: the SDK resolves credentials outside the request's abort
   * signal, so a hanging STS or metadata service would otherwise outlive it.
   */
  readonly resolveCredentials?: () => Promise<unknown>;
}

export class CloudWatchPublisher {
  readonly #client: CloudWatchClient;
  readonly namespace: string;
  readonly #resolveCredentials: (() => Promise<unknown>) | null;

  constructor(options: CloudWatchPublisherOptions) {
    this.#client = options.client;
    this.namespace = options.namespace;
    this.#resolveCredentials = options.resolveCredentials ?? null;
  }

  async publish(datums: readonly MetricDatum[], options: PublishOptions): Promise<PublishOutcome> {
    const now = options.now ?? Date.now;
    const { batches, invalid } = splitIntoBatches(this.namespace, datums);
    const errors = invalid.map((i) => `invalid datum not sent: ${i.reason}`);
    const unpublished: MetricDatum[] = invalid.map((i) => i.datum);
    let published = 0;
    let requests = 0;
    const deadlineSignal = AbortSignal.timeout(Math.max(0, options.deadline - now()));
    if (batches.length === 0) return { published, requests, unpublished, errors };

    if (this.#resolveCredentials) {
      try {
        await untilAborted(this.#resolveCredentials(), deadlineSignal);
      } catch (err) {
        const why = deadlineSignal.aborted ? 'deadline reached' : describeError(err);
        const all = batches.flatMap((b) => b.datums.flatMap((d) => d.samples));
        return { published, requests, unpublished: [...unpublished, ...all], errors: [...errors, `no credentials to publish with: ${why}`] };
      }
    }

    await mapConcurrent(batches, CONCURRENCY, async (batch) => {
      const result = await this.#send(batch, { ...options, now, signal: deadlineSignal });
      requests += result.attempts;
      if (result.ok) published += countSamples(batch);
      else {
        unpublished.push(...batch.datums.flatMap((d) => d.samples));
        errors.push(`${countSamples(batch)} datums not published after ${result.attempts} attempt(s): ${result.error}`);
      }
    });
    return { published, requests, unpublished, errors };
  }

  async #send(batch: Batch, options: PublishOptions & { now: () => number; signal: AbortSignal }): Promise<{ ok: boolean; attempts: number; error: string }> {
    const input = { Namespace: this.namespace, MetricData: batch.datums.map((d) => d.wire) as SdkMetricDatum[] };
    let attempts = 0;
    let lastError = 'no time left before the deadline';
    for (let retry = 0; retry < BACKOFF.maxAttempts; retry++) {
      if (options.deadline - options.now() < MIN_ATTEMPT_MS) break;
      attempts++;
      try {
        await this.#client.send(new PutMetricDataCommand(input), { abortSignal: options.signal });
        return { ok: true, attempts, error: '' };
      } catch (err) {
        lastError = options.signal.aborted ? `deadline reached (${describeError(err)})` : describeError(err);
        if (options.signal.aborted || !isRetryable(err)) break;
      }
      const wait = backoffMs(retry, options.random);
      if (options.deadline - options.now() < wait + MIN_ATTEMPT_MS) break;
      await sleep(wait, undefined, { signal: options.signal }).catch(() => undefined);
    }
    return { ok: false, attempts, error: lastError };
  }
}

function countSamples(batch: Batch): number {
  return batch.datums.reduce((n, d) => n + d.samples.length, 0);
}
