import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderAtom } from '../../../src/status/render/atom.ts';
import { maintenanceModel, sampleModel, t } from '../../support/reports.ts';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const ATOM_NS = 'http://www.w3.org/2005/Atom';
const options = { pageUrl: 'https://status.example.com', refreshSeconds: null, sourceNote: null };

function parse(xml: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'id', 'title', 'updated', 'author', 'content'].includes(name) });
  return parser.parse(xml);
}

describe('Atom feed', () => {
  it('is well-formed XML in the Atom namespace with the feed elements RFC 4287 requires', async () => {
    const xml = renderAtom(await sampleModel(), options);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed['@xmlns']).toBe(ATOM_NS);
    expect(feed.id).toHaveLength(1);
    expect(feed.id[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(feed.title).toHaveLength(1);
    expect(feed.updated).toHaveLength(1);
    expect(feed.updated[0]).toMatch(RFC3339);
    expect(feed.author[0].name).toBe('Example Node API status');
    expect(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']])).toEqual([
      ['self', 'https://status.example.com/feed.atom'],
      ['alternate', 'https://status.example.com/'],
    ]);
  });

  it('has one entry per incident update, newest first, each with one id, title, updated and text content', async () => {
    const model = await sampleModel();
    const { feed } = parse(renderAtom(model, options));
    const updates = model.incidents.flatMap((i) => i.updates);
    expect(feed.entry).toHaveLength(updates.length);
    const times = feed.entry.map((e: { updated: string[] }) => e.updated[0]);
    expect(times).toEqual([...times].sort().reverse());
    for (const entry of feed.entry) {
      expect(entry.id).toHaveLength(1);
      expect(entry.title).toHaveLength(1);
      expect(entry.updated).toHaveLength(1);
      expect(entry.content[0]['@type']).toBe('text');
      expect(entry.link[0]['@href']).toMatch(/^https:\/\/status\.example\.com\/#incident-[0-9a-f]{12}$/);
    }
    expect(new Set(feed.entry.map((e: { id: string[] }) => e.id[0])).size).toBe(updates.length);
    expect(feed.updated[0]).toBe(times[0]);
    const resolved = feed.entry.find((e: { title: string[] }) => e.title[0]!.startsWith('Resolved: api-1'));
    expect(resolved.updated[0]).toBe(t(3));
    expect(resolved.content[0]['#text']).toBe('api-1 (algo-main) is operational again after 2 min. (api-1: Operational)');
  });

  it('keeps entry ids stable across renders, so readers do not show an update twice', async () => {
    const a = parse(renderAtom(await sampleModel(), options));
    const b = parse(renderAtom({ ...(await sampleModel()), generatedAt: t(99) }, options));
    expect(b.feed.entry.map((e: { id: string[] }) => e.id[0])).toEqual(a.feed.entry.map((e: { id: string[] }) => e.id[0]));
    expect(b.feed.updated).toEqual(a.feed.updated);
  });

  it('escapes markup in titles and stays valid', async () => {
    const xml = renderAtom(await sampleModel('Acme <RPC> & "friends"\u0007'), { ...options, pageUrl: null });
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed.title[0]).toBe('Acme <RPC> & "friends": incidents');
    expect(xml).toContain('<title>Acme &lt;RPC&gt; &amp; &quot;friends&quot;: incidents</title>');
    expect(feed.link).toBeUndefined();
  });
});

describe('Atom feed: maintenance', () => {
  it('announces a window when it is published, when it starts and when it ends, with stable ids', async () => {
    const model = await maintenanceModel();
    const xml = renderAtom(model, options);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    const titles = feed.entry.map((e: { title: string[]; updated: string[] }) => [e.title[0], e.updated[0]]);
    expect(titles.slice(0, 3)).toEqual([
      ['Maintenance started: Algod upgrade', t(0)],
      ['Maintenance completed: Disk swap', t(-60)],
      ['Maintenance started: Disk swap', t(-120)],
    ]);
    // All three were first seen in the same round.
    expect(titles.slice(3).sort()).toEqual([
      ['Maintenance scheduled: Algod upgrade', t(-130)],
      ['Maintenance scheduled: Disk swap', t(-130)],
      ['Maintenance scheduled: Kernel update', t(-130)],
    ]);
    const started = feed.entry[0];
    expect(started.category['@term']).toBe('maintenance');
    expect(started.link[0]['@href']).toBe('https://status.example.com/#maintenance-now');
    expect(started.content[0]['#text']).toBe('Algod upgrade has begun and lasts until 2025-11-20 10:30 UTC. Under maintenance: algo-main (all endpoints). (api-1: Under maintenance)');
    const again = parse(renderAtom({ ...model, generatedAt: t(20) }, options));
    expect(again.feed.entry.map((e: { id: string[] }) => e.id[0])).toEqual(feed.entry.map((e: { id: string[] }) => e.id[0]));
  });
});
