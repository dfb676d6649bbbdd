// Where the block arrival watch learns an endpoint's head, over one
// kept-alive, verified session: polling the family's height call, or
// long-polling it (algod's wait-for-block-after), here; or, for a ws(s)
// endpoint, its new-heads subscription (subscription-height-source.ts), the
// third kind with the same two methods.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AdapterContext, HeightCall } from '../chains/adapter.ts';
import type { Sighting } from '../agreement/arrival-delay.ts';

export type HeightSourceKind = 'poll' | 'long-poll' | 'subscription';

export type Prime = { readonly ok: true; readonly height: number } | { readonly ok: false; readonly failure: string };

export interface HeightSource {
  /** How it learns heads: may change once, at prime(), when a refused subscription falls back to polling. */
  readonly kind: HeightSourceKind;
  /** How finely arrival is sampled, ms (the report's resolutionMs): 0 where the node pushes the head as it has it. */
  readonly resolutionMs: number;
  /** The first answer, before the window opens: where the endpoint is. */
  prime(): Promise<Prime>;
  /**
   * Reports every answer (or notification) carrying a height, timed at its
   * arrival, until `signal` fires; resolves then with the first failure met
   * (null: none).
   * Polls are asked on one grid from `originMs` (the window's opening), the
   * same for every endpoint: all are sampled at the same instants.
   */
  watch(signal: AbortSignal, onSighting: (sighting: Sighting) => void, originMs: number): Promise<string | null>;
}

/** The poll interval for a polled call; 0 where the node pushes the answer as the block arrives. */
export function resolutionOf(call: HeightCall, pollMs: number): number {
  return call.mode === 'poll' ? pollMs : 0;
}

export function heightSource(call: HeightCall, ctx: AdapterContext, pollMs: number): HeightSource {
  let highest: number | null = null;
  let firstFailure: string | null = null;
  const ask = async (signal: AbortSignal | null): Promise<Sighting | null> => {
    const answer = await call.ask(ctx, highest);
    if (!answer.ok) {
      // An ask cut by the window's close is not a failure of the endpoint.
      if (!signal?.aborted) firstFailure ??= `met ${answer.reason.code} (${answer.reason.message})`;
      return null;
    }
    highest = Math.max(highest ?? answer.height, answer.height);
    return { height: answer.height, atMs: ctx.http.lastFirstByteAt ?? performance.now() };
  };
  return {
    kind: call.mode,
    resolutionMs: resolutionOf(call, pollMs),
    async prime() {
      const first = await ask(null);
      return first ? { ok: true, height: first.height } : { ok: false, failure: firstFailure ?? 'gave no height' };
    },
    async watch(signal, onSighting, originMs) {
      let nextAsk = originMs;
      while (!signal.aborted) {
        const before = highest;
        const sighting = await ask(signal);
        if (sighting && !signal.aborted) onSighting(sighting);
        if (call.mode === 'long-poll') {
          // Asked again at once when it brought a new head; one that answered
          // without (its own timeout, an error) waits a poll interval, so a
          // node that answers at once never makes the watch spin.
          const advanced = sighting !== null && before !== null && sighting.height > before;
          if (!advanced) await pause(pollMs, signal);
          continue;
        }
        // The next grid instant still ahead: an ask that overran skips the instants it missed.
        const now = performance.now();
        nextAsk += Math.max(1, Math.ceil((now - nextAsk) / pollMs)) * pollMs;
        await pause(nextAsk - now, signal);
      }
      return firstFailure;
    },
  };
}

async function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return;
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    // The window closed: the loop ends on the signal.
  }
}
