// The bench's printed table and its JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { BENCH_DIR } from './support/child-process.ts';
import type { PartResult } from './support/part-result.ts';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly kernel: string;
  readonly node: string;
  /** 1-minute load average at the start and end of the run (others' work shows here). */
  readonly loadAverage: { readonly start: number; readonly end: number };
}

export function describeMachine(loadAtStart: number): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadAverage: { start: loadAtStart, end: Math.round(loadavg()[0]! * 100) / 100 },
  };
}

export function formatTable(parts: readonly PartResult[]): string {
  const header = ['Measure', 'Value', 'Target', 'Verdict'];
  const lines: string[][] = [];
  const sections: Array<{ title: string; from: number }> = [];
  for (const part of parts) {
    sections.push({ title: part.title, from: lines.length });
    for (const row of part.rows) lines.push([`  ${row.measure}`, row.value, row.target ?? '', row.verdict ?? '']);
  }
  const width = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: readonly string[]) => cells.map((c, i) => (i === 1 ? c.padStart(width[i]!) : c.padEnd(width[i]!))).join('  ').trimEnd();
  const rule = width.map((w) => '-'.repeat(w)).join('  ');
  const out = [fmt(header), rule];
  let at = 0;
  for (const section of sections) {
    const next = sections[sections.indexOf(section) + 1]?.from ?? lines.length;
    out.push(section.title);
    for (; at < next; at++) out.push(fmt(lines[at]!));
  }
  return out.join('\n');
}

export function writeResults(parts: readonly PartResult[], machine: Machine, startedAt: Date, durationMs: number, file = join(BENCH_DIR, 'results', 'latest.json')): string {
  mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
  const targets = parts.flatMap((p) => p.rows.filter((r) => r.verdict).map((r) => ({ part: p.id, measure: r.measure, value: r.value, target: r.target, verdict: r.verdict })));
  const json = {
    schemaVersion: 1,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(durationMs),
    machine,
    targets,
    parts: Object.fromEntries(parts.map((p) => [p.id, { title: p.title, data: p.data, notes: p.notes }])),
  };
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}
