// Preloaded (`node --import`) into a process whose CPU the bench measures
// from outside, such as `node bin/vantage.js check`: at exit it writes the
// process's own resource usage (user + system CPU of all its threads, in
// µs, and peak RSS) to the file named by VANTAGE_BENCH_RUSAGE. Microsecond
// resolution, where the parent's view of a reaped child (/proc cutime) has
// clock ticks of 10 ms. It loads nothing and costs the same in every run,
// so it cancels out of an N+W minus W difference.
import { writeFileSync } from 'node:fs';

const file = process.env['VANTAGE_BENCH_RUSAGE'];
if (file) {
  process.once('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userUs: usage.userCPUTime, systemUs: usage.systemCPUTime, maxRssKb: usage.maxRSS }));
  });
}
