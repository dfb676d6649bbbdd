// Maintenance windows as the loader resolves them, and the pure questions
// the probe, the page and infra ask of them.
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../../src/config/load.ts';
import {
  activeWindows, coveredIntervals, coversEndpoint, coversNetwork, inMaintenance, maintenancePhase, overlapMs, touchesNetwork,
  type ResolvedMaintenance,
} from '../../../src/config/maintenance.ts';
import { applyDefaults } from '../../../src/config/resolved-config.ts';

const CONFIG = `
version: 1
networks:
  - id: eth
    chain: evm
    endpoints:
      - { id: rpc-1, url: "http://127.0.0.1:8545" }
      - { id: rpc-2, url: "http://127.0.0.1:8546" }
  - id: btc
    chain: bitcoin
    endpoints: [{ id: node-1, url: "http://127.0.0.1:8332" }]
maintenance:
  - id: everything
    title: Data centre move
    start: 2026-12-08T10:00Z
    end: 2026-12-08T11:00:00Z
  - id: eth-upgrade
    title: Upgrading eth
    start: 2026-12-09T10:00:00.250Z
    end: 2026-12-09T12:00:00Z
    networks: [eth]
  - id: one-node
    title: Disk swap
    start: 2026-12-10T10:00:00Z
    end: 2026-12-10T10:30:00Z
    endpoints: [eth/rpc-2]
`;

const windows = applyDefaults(parseConfigText(CONFIG, { file: null, baseDir: '.' })).maintenance;
const byId = (id: string) => windows.find((w) => w.id === id)!;
const at = (iso: string) => Date.parse(iso);

describe('maintenance windows as loaded', () => {
  it('keeps config order and normalises times to full ISO-8601 UTC', () => {
    expect(windows.map((w) => w.id)).toEqual(['everything', 'eth-upgrade', 'one-node']);
    expect(byId('everything')).toMatchObject({
      title: 'Data centre move', start: '2026-12-08T10:00:00.000Z', end: '2026-12-08T11:00:00.000Z', networks: null, endpoints: null,
    });
    expect(byId('eth-upgrade').startMs).toBe(Date.UTC(2026, 11, 9, 10, 0, 0, 250));
    expect(byId('one-node').endpoints).toEqual([{ network: 'eth', endpoint: 'rpc-2' }]);
  });

  it('a config without maintenance has none', () => {
    const plain = applyDefaults(parseConfigText('version: 1\nnetworks: [{ id: eth, chain: evm, endpoints: [{ id: a, url: "http://127.0.0.1:1" }] }]\n', { file: null, baseDir: '.' }));
    expect(plain.maintenance).toEqual([]);
  });
});

describe('what a window covers', () => {
  it('a window naming nothing covers every network and endpoint', () => {
    const w = byId('everything');
    expect(coversNetwork(w, 'btc')).toBe(true);
    expect(coversEndpoint(w, 'eth', 'rpc-1')).toBe(true);
  });

  it('a network window covers all its endpoints and nothing of other networks', () => {
    const w = byId('eth-upgrade');
    expect(coversNetwork(w, 'eth')).toBe(true);
    expect(coversEndpoint(w, 'eth', 'rpc-2')).toBe(true);
    expect(coversNetwork(w, 'btc')).toBe(false);
    expect(coversEndpoint(w, 'btc', 'node-1')).toBe(false);
  });

  it('an endpoint window covers that endpoint only: not its siblings, not the network as a whole', () => {
    const w = byId('one-node');
    expect(coversEndpoint(w, 'eth', 'rpc-2')).toBe(true);
    expect(coversEndpoint(w, 'eth', 'rpc-1')).toBe(false);
    expect(coversNetwork(w, 'eth')).toBe(false);
    expect(touchesNetwork(w, 'eth')).toBe(true);
    expect(touchesNetwork(w, 'btc')).toBe(false);
  });
});

describe('where a window stands', () => {
  const w = byId('everything');

  it('is scheduled before its start, in progress from start (inclusive) to end (exclusive), then completed', () => {
    expect(maintenancePhase(w, at('2026-12-08T09:59:59.999Z'))).toBe('scheduled');
    expect(maintenancePhase(w, at('2026-12-08T10:00:00Z'))).toBe('in_progress');
    expect(maintenancePhase(w, at('2026-12-08T10:59:59.999Z'))).toBe('in_progress');
    expect(maintenancePhase(w, at('2026-12-08T11:00:00Z'))).toBe('completed');
  });

  it('answers whether an endpoint or a whole network is under maintenance now', () => {
    const disk = at('2026-12-10T10:15:00Z');
    expect(activeWindows(windows, disk).map((x) => x.id)).toEqual(['one-node']);
    expect(inMaintenance(windows, disk, 'eth', 'rpc-2')).toBe(true);
    expect(inMaintenance(windows, disk, 'eth', 'rpc-1')).toBe(false);
    expect(inMaintenance(windows, disk, 'eth')).toBe(false);
    expect(inMaintenance(windows, at('2026-12-09T11:00:00Z'), 'eth')).toBe(true);
    expect(inMaintenance(windows, at('2026-12-09T11:00:00Z'), 'btc', 'node-1')).toBe(false);
  });
});

describe('covered time, for uptime that leaves maintenance out', () => {
  const w = (id: string, start: string, end: string, networks: string[] | null = null): ResolvedMaintenance => ({
    id, title: id, start, end, startMs: at(start), endMs: at(end), networks, endpoints: null,
  });

  it('merges overlapping and touching windows of the same endpoint', () => {
    const list = [
      w('b', '2026-12-01T12:00:00Z', '2026-12-01T13:00:00Z'),
      w('a', '2026-12-01T10:00:00Z', '2026-12-01T12:30:00Z'),
      w('c', '2026-12-01T13:00:00Z', '2026-12-01T14:00:00Z'),
      w('d', '2026-12-02T10:00:00Z', '2026-12-02T11:00:00Z', ['other']),
    ];
    expect(coveredIntervals(list, 'eth', 'rpc-1')).toEqual([[at('2026-12-01T10:00:00Z'), at('2026-12-01T14:00:00Z')]]);
  });

  it('counts only the part of a window inside the asked span', () => {
    const intervals = coveredIntervals([w('a', '2026-12-01T23:00:00Z', '2026-12-02T02:00:00Z')], 'eth', 'rpc-1');
    const day = (d: string) => [at(`${d}T00:00:00Z`), at(`${d}T00:00:00Z`) + 86_400_000] as const;
    expect(overlapMs(intervals, ...day('2026-12-01'))).toBe(3_600_000);
    expect(overlapMs(intervals, ...day('2026-12-02'))).toBe(2 * 3_600_000);
    expect(overlapMs(intervals, ...day('2026-12-03'))).toBe(0);
  });
});
