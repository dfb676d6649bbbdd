// Profiles only the code that matters (the measured probes, not start-up or
// warm-up) with V8's sampling profiler through node:inspector.
import { Session } from 'node:inspector/promises';
import type { CpuProfile } from './cpu-profile-summary.ts';

export async function profiled<T>(run: () => Promise<T>, intervalUs = 100): Promise<{ result: T; profile: CpuProfile }> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: intervalUs });
    await session.post('Profiler.start');
    const result = await run();
    const { profile } = await session.post('Profiler.stop');
    return { result, profile: profile as unknown as CpuProfile };
  } finally {
    session.disconnect();
  }
}
