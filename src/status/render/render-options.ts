// What every renderer may need beyond the model.
import { createHash } from 'node:crypto';
import { slug } from './html-parts.ts';

export interface RenderOptions {
  /** Absolute URL the page is published at (ends without "/"), or null when unknown. */
  readonly pageUrl: string | null;
  /** Seconds between updates of the data; the page refreshes itself at this pace when scripts run. null: no live refresh. */
  readonly refreshSeconds: number | null;
  /** One sentence on where the data comes from ("Checked every minute from us-east-1 and eu-west-1."). */
  readonly sourceNote: string | null;
}

/** Statuspage-style page id: 12 characters, stable for a given title. */
export function pageId(title: string): string {
  return createHash('sha256').update(`vantage-page:${title}`).digest('hex').slice(0, 12);
}

/** A name-based UUID (RFC 9562 version 8 layout) for Atom ids. */
export function stableUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Link to an incident on the page (absolute when the page URL is known). */
export function incidentLink(options: RenderOptions, incidentId: string): string {
  return `${options.pageUrl ?? ''}/#incident-${incidentId}`;
}

/** Link to a maintenance window on the page. */
export function maintenanceLink(options: RenderOptions, maintenanceId: string): string {
  return `${options.pageUrl ?? ''}/#maintenance-${slug(maintenanceId)}`;
}
