// feed.atom (RFC 4287): one entry per incident update, newest first, so a
// feed reader or a chat integration shows each change once.
import { STATUS_LABEL } from '../component-status.ts';
import type { Incident, IncidentUpdate, StatusModel } from '../status-model.ts';
import { escapeMarkup as x } from './escape.ts';
import { incidentLink, stableUuid, type RenderOptions } from './render-options.ts';

/** Entries in the feed; readers only look at the newest. */
const FEED_ENTRY_LIMIT = 100;

export function renderAtom(model: StatusModel, options: RenderOptions): string {
  const entries = model.incidents
    .flatMap((incident) => incident.updates.map((update) => ({ incident, update })))
    .sort((a, b) => b.update.at.localeCompare(a.update.at) || b.update.id.localeCompare(a.update.id))
    .slice(0, FEED_ENTRY_LIMIT);
  // The feed changes only when an incident does, so readers do not see it "updated" every minute.
  const updated = entries[0]?.update.at ?? model.knownSince;
  const page = options.pageUrl;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:uuid:${stableUuid(`vantage-feed:${model.title}:${page ?? ''}`)}</id>`,
    `  <title>${x(model.title)}: incidents</title>`,
    `  <subtitle>${x(`Incident updates for ${model.title}`)}</subtitle>`,
    `  <updated>${x(updated)}</updated>`,
    `  <author><name>${x(model.title)}</name></author>`,
    '  <generator>Vantage</generator>',
    ...(page
      ? [`  <link rel="self" type="application/atom+xml" href="${x(`${page}/feed.atom`)}"/>`, `  <link rel="alternate" type="text/html" href="${x(`${page}/`)}"/>`]
      : []),
    ...entries.flatMap(({ incident, update }) => entry(incident, update, options)),
    '</feed>',
    '',
  ];
  return lines.join('\n');
}

function entry(incident: Incident, update: IncidentUpdate, options: RenderOptions): string[] {
  const state = update.status === 'resolved' ? 'Resolved' : 'Investigating';
  const statuses = update.affected.map((a) => `${a.name}: ${STATUS_LABEL[a.newStatus]}`).join(', ');
  return [
    '  <entry>',
    `    <id>urn:uuid:${stableUuid(`vantage-update:${update.id}`)}</id>`,
    `    <title>${x(`${state}: ${incident.title}`)}</title>`,
    `    <published>${x(update.at)}</published>`,
    `    <updated>${x(update.at)}</updated>`,
    `    <link rel="alternate" type="text/html" href="${x(incidentLink(options, incident.id))}"/>`,
    `    <category term="${x(incident.impact)}" label="${x(`impact ${incident.impact}`)}"/>`,
    `    <content type="text">${x(statuses ? `${update.body} (${statuses})` : update.body)}</content>`,
    '  </entry>',
  ];
}
