// `vantage run --history FILE`: the local status history survives restarts.
// Written atomically (temp file + rename) after every round, so a crash never
// leaves half a file; an unreadable file stops the start instead of being
// overwritten (never lose data).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { COMPONENT_STATUSES } from '../status/component-status.ts';
import { createLocalHistory, LOCAL_HISTORY_FORMAT, type LocalHistory } from '../status/local-history.ts';

export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

const status = z.enum(COMPONENT_STATUSES);
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { error: 'must be an ISO-8601 time' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const bucket = z.object({
  ttfb: z.record(z.string().regex(/^\d{1,4}$/), z.number().int().positive()),
  lag: z.number().nonnegative().nullable(),
});
const incident = z.object({
  id: z.string(),
  title: z.string(),
  impact: z.enum(['none', 'minor', 'major', 'critical']),
  startedAt: iso,
  resolvedAt: iso.nullable(),
  updatedAt: iso,
  components: z.array(z.string()),
  updates: z.array(z.object({
    id: z.string(),
    at: iso,
    status: z.enum(['investigating', 'resolved']),
    body: z.string(),
    affected: z.array(z.object({ id: z.string(), name: z.string(), oldStatus: status, newStatus: status })),
  })),
});
const historySchema = z.object({
  format: z.literal(LOCAL_HISTORY_FORMAT),
  startedAt: iso,
  lastRoundAt: iso.nullable(),
  rounds: z.number().int().nonnegative(),
  log: z.object({
    tracks: z.record(z.string(), z.object({
      status, key: z.string(), detail: z.string().nullable(), since: iso, incidentId: z.string().nullable(), regions: z.array(z.string()).nullable().optional(),
    })),
    incidents: z.array(incident),
  }),
  uptime: z.record(z.string(), z.record(day, z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))),
  // Added after the first files were written: older files have neither and start them empty.
  samples: z.record(z.string(), z.object({ hourly: z.record(iso, bucket), daily: z.record(day, bucket) })).default({}),
  maintenanceSeen: z.record(z.string(), iso).default({}),
});

export function loadHistoryFile(file: string, now: string): LocalHistory {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return createLocalHistory(now);
    throw new HistoryFileError(`cannot read history file ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HistoryFileError(`history file ${file} is not JSON; move it away to start a new history`);
  }
  const parsed = historySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HistoryFileError(`history file ${file} is not a Vantage history (${issue.path.join('.') || 'top level'}: ${issue.message}); move it away to start a new history`);
  }
  return parsed.data as LocalHistory;
}

export function saveHistoryFile(file: string, history: LocalHistory): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(history)}\n`);
  renameSync(temp, file);
}
