// What `vantage run --serve` shows right now: the status history, the latest
// report, and everything rendered from them once per round (not per request).
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from '../metrics/prometheus.ts';
import type { Report } from '../report/report.ts';
import { modelFromLocalHistory, recordReport, type LocalHistory } from '../status/local-history.ts';
import type { PageLayout } from '../status/page-layout.ts';
import type { RenderOptions } from '../status/render/render-options.ts';
import { renderStatusFiles, type StatusFile } from '../status/status-files.ts';

export interface Health {
  readonly ok: boolean;
  readonly body: { readonly status: 'ok' | 'starting' | 'stalled'; readonly rounds: number; readonly lastRoundAt: string | null };
}

export class LocalStatus {
  readonly #layout: PageLayout;
  readonly #history: LocalHistory;
  readonly #now: () => number;
  #options: RenderOptions;
  #report: Report | null = null;
  #lastRoundEndedAt: number | null = null;
  #rounds = 0;
  #files = new Map<string, StatusFile>();

  constructor(layout: PageLayout, history: LocalHistory, options: RenderOptions, now: () => number = Date.now) {
    this.#layout = layout;
    this.#history = history;
    this.#options = options;
    this.#now = now;
    if (history.rounds > 0) this.#render();
  }

  get history(): LocalHistory {
    return this.#history;
  }

  get latestReport(): Report | null {
    return this.#report;
  }

  /** The page URL is known once the server listens. */
  setRenderOptions(options: RenderOptions): void {
    this.#options = options;
    if (this.#history.rounds > 0) this.#render();
  }

  record(report: Report): void {
    recordReport(this.#history, report, this.#layout);
    this.#report = report;
    this.#rounds += 1;
    this.#lastRoundEndedAt = this.#now();
    this.#render();
  }

  /** null until the first round completed (or a saved history was loaded). */
  file(path: string): StatusFile | null {
    return this.#files.get(path) ?? null;
  }

  get ready(): boolean {
    return this.#files.size > 0;
  }

  metrics(): StatusFile {
    return {
      path: 'metrics',
      contentType: PROMETHEUS_CONTENT_TYPE,
      body: renderPrometheus(this.#report, { rounds: this.#rounds, lastRoundEndedAt: this.#lastRoundEndedAt }),
    };
  }

  /** Healthy while rounds keep completing: the last one ended within `staleAfterMs`. */
  health(staleAfterMs: number): Health {
    const lastRoundAt = this.#lastRoundEndedAt === null ? null : new Date(this.#lastRoundEndedAt).toISOString();
    const body = (status: Health['body']['status']) => ({ status, rounds: this.#rounds, lastRoundAt });
    if (this.#lastRoundEndedAt === null) return { ok: false, body: body('starting') };
    if (this.#now() - this.#lastRoundEndedAt > staleAfterMs) return { ok: false, body: body('stalled') };
    return { ok: true, body: body('ok') };
  }

  #render(): void {
    const model = modelFromLocalHistory(this.#history, this.#layout, new Date(this.#now()).toISOString());
    this.#files = new Map(renderStatusFiles(model, this.#options).map((f) => [f.path, f]));
  }
}
