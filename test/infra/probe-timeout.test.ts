// The probe function's timeout and the synth check that refuses an arrival
// window that cannot fit beside the probes and the publishing reserve.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseConfigText } from '../../src/config/load.ts';
import { applyDefaults } from '../../src/config/resolved-config.ts';
import { arrivalFitProblems, probeRunBudget, probeTimeoutSeconds } from '../../infra/probe-timeout.ts';

function config(endpoints: number, arrival?: { windowSeconds: number }, timeoutMs = 120_000) {
  return applyDefaults(parseConfigText(stringify({
    version: 1,
    probe: { concurrency: 1 },
    networks: [
      { id: 'plain', chain: 'evm', endpoints: [{ id: 'p', url: 'https://p.example.com', timeoutMs: 1000 }] },
      {
        id: 'eth', chain: 'evm', ...(arrival ? { arrival: { ...arrival, maxDelayMs: 3000 } } : {}),
        endpoints: Array.from({ length: endpoints }, (_, i) => ({ id: `e${i}`, url: `https://e${i}.example.com`, timeoutMs })),
      },
    ],
  }), { file: null, baseDir: process.cwd() }));
}

describe('the probe function timeout', () => {
  it('adds the arrival watch: first answers within the slowest watched timeout, the window, and settling', () => {
    const without = probeRunBudget(config(2, undefined, 5000));
    const withArrival = probeRunBudget(config(2, { windowSeconds: 20 }, 5000));
    expect(without).toEqual({ probesMs: 3 * 5000, arrivalMs: 0, reserveMs: 8000, neededSeconds: 23 + 5 });
    expect(withArrival).toEqual({ probesMs: 3 * 5000, arrivalMs: 5000 + 20_000 + 500, reserveMs: 8000, neededSeconds: 49 + 5 });
    // At least the schedule interval (60 s) either way; past it, what the run needs.
    expect(probeTimeoutSeconds(config(2, undefined, 5000), 60)).toBe(60);
    expect(probeTimeoutSeconds(config(8, { windowSeconds: 50 }, 5000), 60)).toBe(Math.ceil((9 * 5000 + 55_500 + 8000) / 1000) + 5);
  });

  it('refuses a window that pushes a run past Lambda\'s 900 s, naming the window and the parts', () => {
    // 7 probes one at a time at 120 s = 840 s; the watch adds 120 s + 50 s + 0.5 s.
    expect(arrivalFitProblems(config(6, { windowSeconds: 50 }))).toEqual([{
      path: 'networks[1].arrival.windowSeconds',
      message: "makes a probe run need 1024 s (probes 840 s, arrival watch 171 s, publishing reserve 8 s, start-up 5 s); a Lambda function runs at most 900 s: shorten the window, or raise probe.shards or probe.concurrency, or lower the endpoints' timeoutMs",
    }]);
    expect(arrivalFitProblems(config(4, { windowSeconds: 50 }))).toEqual([]);
    expect(arrivalFitProblems(config(6))).toEqual([]);
  });
});
