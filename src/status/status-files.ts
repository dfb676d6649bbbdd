// Every file of the status feed, rendered from one model. The central
// function writes them to S3 under these keys; `vantage run --serve` serves
// them at the same paths.
import type { StatusModel } from './status-model.ts';
import { renderAtom } from './render/atom.ts';
import { renderBadge } from './render/badge.ts';
import { renderHistory } from './render/history.ts';
import { renderHtml } from './render/html.ts';
import type { RenderOptions } from './render/render-options.ts';
import { renderComponents, renderIncidents, renderMaintenances, renderStatus, renderSummary } from './render/statuspage.ts';

export interface StatusFile {
  /** Relative path, no leading "/" (an S3 key, or a URL path under the server root). */
  readonly path: string;
  readonly contentType: string;
  readonly body: string;
}

export const CONTENT_TYPE = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Every maintenance window with when it was published. The central function
 * reads it back at a cold start (it keeps no state of its own), so its
 * role may read this one key.
 */
export const MAINTENANCES_PATH = 'api/v2/scheduled-maintenances.json';

export function renderStatusFiles(model: StatusModel, options: RenderOptions): StatusFile[] {
  return [
    { path: 'index.html', contentType: CONTENT_TYPE.html, body: renderHtml(model, options) },
    { path: 'api/v2/summary.json', contentType: CONTENT_TYPE.json, body: json(renderSummary(model, options)) },
    { path: 'api/v2/status.json', contentType: CONTENT_TYPE.json, body: json(renderStatus(model, options)) },
    { path: 'api/v2/components.json', contentType: CONTENT_TYPE.json, body: json(renderComponents(model, options)) },
    { path: 'api/v2/incidents.json', contentType: CONTENT_TYPE.json, body: json(renderIncidents(model, options)) },
    { path: MAINTENANCES_PATH, contentType: CONTENT_TYPE.json, body: json(renderMaintenances(model, options, 'all')) },
    { path: 'api/v2/scheduled-maintenances/upcoming.json', contentType: CONTENT_TYPE.json, body: json(renderMaintenances(model, options, 'upcoming')) },
    { path: 'api/v2/scheduled-maintenances/active.json', contentType: CONTENT_TYPE.json, body: json(renderMaintenances(model, options, 'active')) },
    { path: 'history.json', contentType: CONTENT_TYPE.json, body: json(renderHistory(model)) },
    { path: 'feed.atom', contentType: CONTENT_TYPE.atom, body: renderAtom(model, options) },
    ...model.networks.map((n) => ({ path: `badges/${n.id}.json`, contentType: CONTENT_TYPE.json, body: json(renderBadge(n)) })),
  ];
}
