// CPU time of another process (blackbox_exporter is a Go binary: its CPU is
// read from /proc, not from our own process.cpuUsage()). utime + stime of
// /proc/<pid>/stat cover all its threads, in clock ticks.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** Total CPU (user + system) of pid so far, in µs; resolution one clock tick (10 ms at 100 Hz). */
export function processCpuUs(pid: number): { userUs: number; systemUs: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces: fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const toUs = (ticks: string | undefined) => (Number(ticks) / clockTicks()) * 1e6;
  // Fields 14 and 15 (utime, stime) are at 11 and 12 after the state field (3).
  return { userUs: toUs(fields[11]), systemUs: toUs(fields[12]) };
}

export const canReadProcessCpu = (): boolean => {
  try {
    processCpuUs(process.pid);
    return true;
  } catch {
    return false;
  }
};
