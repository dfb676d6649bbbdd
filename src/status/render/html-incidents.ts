// The incident and maintenance parts of the page: open incidents with their
// updates, maintenance in progress and scheduled, and the history of the
// window grouped by UTC day, each entry with how long it lasted.
import { IMPACT_LABEL } from '../component-status.ts';
import type { Incident, ScheduledMaintenance } from '../status-model.ts';
import { spanWords } from '../time-words.ts';
import { escapeMarkup as h } from './escape.ts';
import { slug, time } from './html-parts.ts';

/** Entries in the page's history (all incidents of the window are in history.json, the newest 50 in incidents.json). */
const HISTORY_ENTRIES_ON_PAGE = 100;

const MAINTENANCE_WORDS = { scheduled: 'Scheduled', in_progress: 'In progress', completed: 'Completed' } as const;

export function openIncident(i: Incident): string {
  return `<article class="incident i-${i.impact}" id="incident-${h(i.id)}" aria-labelledby="t-${h(i.id)}">
<h3 id="t-${h(i.id)}">${h(i.title)}</h3>
<p class="meta">Impact: ${IMPACT_LABEL[i.impact]}. Started ${time(i.startedAt)}.</p>
${updates(i.updates.map((u) => ({ at: u.at, label: u.status === 'resolved' ? 'Resolved' : 'Investigating', body: u.body })))}
</article>`;
}

/** In progress and scheduled windows; completed ones move to the history. */
export function maintenanceList(maintenances: readonly ScheduledMaintenance[]): string {
  const current = maintenances.filter((m) => m.status !== 'completed');
  if (current.length === 0) return '<p>No maintenance in progress or scheduled.</p>';
  return current.map((m) => `<article class="maintenance" id="maintenance-${slug(m.id)}" aria-labelledby="mt-${slug(m.id)}">
<h3 id="mt-${slug(m.id)}">${h(m.title)}</h3>
<p class="meta"><strong>${MAINTENANCE_WORDS[m.status]}</strong>: ${time(m.scheduledFor)} to ${time(m.scheduledUntil)} (${spanWords(Date.parse(m.scheduledUntil) - Date.parse(m.scheduledFor))}).</p>
${maintenanceUpdates(m)}
</article>`).join('\n');
}

type HistoryEntry = { readonly day: string; readonly start: string; readonly html: string };

/** Resolved incidents and completed maintenance, newest day first, each day under its heading. */
export function historyByDay(incidents: readonly Incident[], maintenances: readonly ScheduledMaintenance[], days: number): string {
  const entries: HistoryEntry[] = [
    ...incidents.filter((i) => i.resolvedAt !== null).map((i) => ({ day: i.startedAt.slice(0, 10), start: i.startedAt, html: pastIncident(i) })),
    ...maintenances.filter((m) => m.status === 'completed').map((m) => {
      const start = m.startedAt ?? m.scheduledFor;
      return { day: start.slice(0, 10), start, html: pastMaintenance(m) };
    }),
  ].sort((a, b) => b.start.localeCompare(a.start)).slice(0, HISTORY_ENTRIES_ON_PAGE);
  if (entries.length === 0) return `<p>No incidents in the last ${days} days.</p>`;
  const byDay = new Map<string, HistoryEntry[]>();
  for (const e of entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  const sections = [...byDay].map(([day, list]) => `<h3 class="history-day" id="day-${day}"><time datetime="${day}">${day}</time></h3>\n${list.map((e) => e.html).join('\n')}`);
  return `<p class="legend">By the UTC day each began, newest first; days without incidents are not listed.</p>\n${sections.join('\n')}`;
}

function pastIncident(i: Incident): string {
  return `<details class="incident i-${i.impact}" id="incident-${h(i.id)}">
<summary><strong>${h(i.title)}</strong> <span class="meta">resolved ${time(i.resolvedAt!)}, lasted ${spanWords(Date.parse(i.resolvedAt!) - Date.parse(i.startedAt))}</span></summary>
<p class="meta">Impact: ${IMPACT_LABEL[i.impact]}. Started ${time(i.startedAt)}.</p>
${updates(i.updates.map((u) => ({ at: u.at, label: u.status === 'resolved' ? 'Resolved' : 'Investigating', body: u.body })))}
</details>`;
}

function pastMaintenance(m: ScheduledMaintenance): string {
  const start = m.startedAt ?? m.scheduledFor;
  return `<details class="maintenance" id="maintenance-${slug(m.id)}">
<summary><strong>Maintenance: ${h(m.title)}</strong> <span class="meta">completed ${time(m.completedAt!)}, lasted ${spanWords(Date.parse(m.completedAt!) - Date.parse(start))}</span></summary>
${maintenanceUpdates(m)}
</details>`;
}

function maintenanceUpdates(m: ScheduledMaintenance): string {
  return updates(m.updates.map((u) => ({ at: u.at, label: MAINTENANCE_WORDS[u.status], body: u.body })));
}

function updates(list: readonly { at: string; label: string; body: string }[]): string {
  const items = [...list].reverse().map((u) => `<li>${time(u.at)} <strong>${u.label}</strong>: ${h(u.body)}</li>`);
  return `<ol class="updates" reversed>\n${items.join('\n')}\n</ol>`;
}
