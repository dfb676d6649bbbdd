// One deadline for a whole probe: the endpoint's timeout or the run's
// deadline, whichever fires first. A plain timer and controller, cleared when
// the probe ends: AbortSignal.timeout + AbortSignal.any leave a weak timer and
// listeners behind per probe and cost measurably more CPU (npm run bench).

export interface ProbeDeadline {
  readonly signal: AbortSignal;
  /** Stops the timer and detaches from the run's signal. Call when the probe ends. */
  dispose(): void;
}

export function probeDeadline(timeoutMs: number, runSignal?: AbortSignal): ProbeDeadline {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`probe timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
  let onRunAbort: (() => void) | null = null;
  if (runSignal?.aborted) controller.abort(runSignal.reason);
  else if (runSignal) {
    onRunAbort = () => controller.abort(runSignal.reason);
    runSignal.addEventListener('abort', onRunAbort, { once: true });
  }
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer);
      if (onRunAbort) runSignal?.removeEventListener('abort', onRunAbort);
    },
  };
}
