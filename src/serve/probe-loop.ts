// Runs probe rounds at a fixed rate until stopped. A round that overruns the
// interval is followed at once by the next (rounds never overlap). Stopping
// aborts the round in flight and discards it: a round cut short would record
// timeouts that never happened. The interval is timed on the monotonic clock.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Report } from '../report/report.ts';

export interface ProbeLoopOptions {
  readonly intervalMs: number;
  /** One round; `signal` fires when the loop stops. */
  readonly round: (signal: AbortSignal) => Promise<Report>;
  /** Called with each completed round's report; errors are reported, not thrown. */
  readonly onReport: (report: Report) => void | Promise<void>;
  readonly onError?: (error: unknown) => void;
  readonly signal: AbortSignal;
}

export async function runProbeLoop(options: ProbeLoopOptions): Promise<void> {
  const { signal } = options;
  while (!signal.aborted) {
    const started = performance.now();
    try {
      const report = await options.round(signal);
      if (signal.aborted) break;
      await options.onReport(report);
    } catch (err) {
      if (signal.aborted) break;
      options.onError?.(err);
    }
    const wait = Math.max(0, options.intervalMs - (performance.now() - started));
    try {
      await sleep(wait, undefined, { signal });
    } catch {
      break; // aborted while waiting
    }
  }
}
