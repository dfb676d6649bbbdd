// feed.atom (RFC 4287): one entry per incident update and per maintenance
// update (published, started, completed), newest first, so a feed reader or
// a chat integration shows each change once.
import { STATUS_LABEL } from '../component-status.ts';
import type { AffectedComponent, StatusModel } from '../status-model.ts';
import { escapeMarkup as x } from './escape.ts';
import { incidentLink, maintenanceLink, stableUuid, type RenderOptions } from './render-options.ts';

/** Entries in the feed; readers only look at the newest. */
const FEED_ENTRY_LIMIT = 100;

interface Entry {
  readonly key: string;
  readonly at: string;
  readonly title: string;
  readonly link: string;
  readonly category: string;
  readonly body: string;
  readonly affected: readonly AffectedComponent[];
}

const MAINTENANCE_TITLE = { scheduled: 'Maintenance scheduled', in_progress: 'Maintenance started', completed: 'Maintenance completed' } as const;

function entriesOf(model: StatusModel, options: RenderOptions): Entry[] {
  const incidents = model.incidents.flatMap((incident) => incident.updates.map((update): Entry => ({
    key: `vantage-update:${update.id}`,
    at: update.at,
    title: `${update.status === 'resolved' ? 'Resolved' : 'Investigating'}: ${incident.title}`,
    link: incidentLink(options, incident.id),
    category: incident.impact,
    body: update.body,
    affected: update.affected,
  })));
  const maintenances = model.maintenances.flatMap((m) => m.updates.map((update): Entry => ({
    key: `vantage-maintenance:${update.id}`,
    at: update.at,
    title: `${MAINTENANCE_TITLE[update.status]}: ${m.title}`,
    link: maintenanceLink(options, m.id),
    category: 'maintenance',
    body: update.body,
    affected: update.affected,
  })));
  return [...incidents, ...maintenances]
    .sort((a, b) => b.at.localeCompare(a.at) || b.key.localeCompare(a.key))
    .slice(0, FEED_ENTRY_LIMIT);
}

export function renderAtom(model: StatusModel, options: RenderOptions): string {
  const entries = entriesOf(model, options);
  // The feed changes only when an incident or a window does, so readers do not see it "updated" every minute.
  const updated = entries[0]?.at ?? model.knownSince;
  const page = options.pageUrl;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:uuid:${stableUuid(`vantage-feed:${model.title}:${page ?? ''}`)}</id>`,
    `  <title>${x(model.title)}: incidents</title>`,
    `  <subtitle>${x(`Incident and maintenance updates for ${model.title}`)}</subtitle>`,
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(model.title)}</name></author>`,
    '  <generator>Vantage</generator>',
    ...(page
      ? [`  <link rel="self" type="application/atom+xml" href="${x(`${page}/feed.atom`)}"/>`, `  <link rel="alternate" type="text/html" href="${x(`${page}/`)}"/>`]
      : []),
    ...entries.flatMap(entry),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function entry(e: Entry): string[] {
  const statuses = e.affected.map((a) => `${a.name}: ${STATUS_LABEL[a.newStatus]}`).join(', ');
  return [
    '  <entry>',
    `    <id>urn:uuid:${stableUuid(e.key)}</id>`,
    `    <title>${x(e.title)}</title>`,
    `    <published>${x(e.at)}</published>`,
    `    <updated>${x(e.at)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${x(e.link)}"/>`,
    `    <category term="${x(e.category)}" label="${x(e.category === 'maintenance' ? 'maintenance' : `impact ${e.category}`)}"/>`,
    `    <content type="text">${x(statuses ? `${e.body} (${statuses})` : e.body)}</content>`,
    '  </entry>',
  ];
}
