// When each maintenance window was first published. The config says when a
// window is, not when it was announced; the function keeps no state of its
// own, so it reads the announcement times back from the feed it wrote last
// (api/v2/scheduled-maintenances.json, public anyway) once per container,
// and from then on remembers new windows as it first sees them.
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { noteWindows } from '../../src/status/maintenance-schedule.ts';
import type { PageLayout } from '../../src/status/page-layout.ts';
import { MAINTENANCES_PATH } from '../../src/status/status-files.ts';
/** The file holds at most 50 windows; anything much larger is not ours. */
const MAX_BYTES = 1_000_000;

export class MaintenanceLedger {
  readonly #s3: S3Client;
  readonly #bucket: string;
  #seen: Record<string, string> | null = null;

  constructor(s3: S3Client, bucket: string) {
    this.#s3 = s3;
    this.#bucket = bucket;
  }

  /** Window id → when first published; windows new to the ledger are published `now`. */
  async firstSeen(layout: PageLayout, now: Date, signal: AbortSignal, warnings: string[]): Promise<Map<string, string>> {
    if (layout.maintenance.length === 0) return new Map();
    if (this.#seen === null) {
      try {
        this.#seen = await this.#readPublished(signal);
      } catch (err) {
        // Try again next run; this run publishes what it has.
        warnings.push(`maintenance announcement times (${MAINTENANCES_PATH}): ${(err as Error).message}`);
        return new Map(Object.entries(noteWindows({}, layout, now.toISOString())));
      }
    }
    return new Map(Object.entries(noteWindows(this.#seen, layout, now.toISOString())));
  }

  async #readPublished(signal: AbortSignal): Promise<Record<string, string>> {
    let text: string;
    try {
      const object = await this.#s3.send(new GetObjectCommand({ Bucket: this.#bucket, Key: MAINTENANCES_PATH }), { abortSignal: signal });
      if ((object.ContentLength ?? 0) > MAX_BYTES) throw new Error(`${object.ContentLength} bytes, more than a feed file holds`);
      text = (await object.Body?.transformToString('utf8')) ?? '';
    } catch (err) {
      // The first run of a deployment: nothing published yet.
      if (err instanceof NoSuchKey) return {};
      throw err;
    }
    return announcementTimes(text);
  }
}

/** id → created_at of each scheduled maintenance in a scheduled-maintenances.json; entries of another shape are skipped. */
export function announcementTimes(text: string): Record<string, string> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return {};
  }
  const list = (document as { scheduled_maintenances?: unknown })?.scheduled_maintenances;
  const out: Record<string, string> = {};
  if (!Array.isArray(list)) return out;
  for (const entry of list as { id?: unknown; created_at?: unknown }[]) {
    if (typeof entry?.id === 'string' && typeof entry.created_at === 'string' && !Number.isNaN(Date.parse(entry.created_at))) {
      out[entry.id] = new Date(entry.created_at).toISOString();
    }
  }
  return out;
}
