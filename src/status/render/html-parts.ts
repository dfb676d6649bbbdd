// Small pieces every part of the page uses: times, element ids, status labels.
import { STATUS_LABEL, type ComponentStatus, type Indicator } from '../component-status.ts';
import { escapeMarkup as h } from './escape.ts';

const STATUS_ICON: Readonly<Record<ComponentStatus, string>> = {
  operational: '✓',
  // U+FE0E asks for the text glyph, not an emoji.
  under_maintenance: '⚙\uFE0E',
  degraded_performance: '!',
  partial_outage: '◐',
  major_outage: '✕',
};

export const INDICATOR_ICON: Readonly<Record<Indicator, string>> = { none: '✓', maintenance: '⚙\uFE0E', minor: '!', major: '◐', critical: '✕' };

export function statusLabel(status: ComponentStatus): string {
  return `<span class="badge s-${status}"><span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span> ${STATUS_LABEL[status]}</span>`;
}

export function time(iso: string): string {
  return `<time datetime="${h(iso)}">${h(readableUtc(iso))}</time>`;
}

function readableUtc(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Ids for element ids: keep letters, digits, "-" and "_". */
export function slug(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]+/g, '-');
}
