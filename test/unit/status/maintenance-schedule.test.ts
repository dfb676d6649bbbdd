import { describe, expect, it } from 'vitest';
import { coveringWindow, noteWindows, scheduledMaintenance, scheduledMaintenances } from '../../../src/status/maintenance-schedule.ts';
import { LAYOUT, maintenanceWindow, t } from '../../support/reports.ts';

// t(0) = 2025-11-20T10:00Z. The upgrade runs 10:30–11:30 on rpc-2; the swap covers all of algo-main.
const upgrade = maintenanceWindow('upgrade', 'Node upgrade', t(30), t(90), { endpoints: ['eth-main/rpc-2'] });
const swap = maintenanceWindow('swap', 'Disk swap', t(24 * 60), t(25 * 60), { networks: ['algo-main'] });
const layout = { ...LAYOUT, maintenance: [upgrade, swap] };
const ms = (minutes: number) => Date.parse(t(minutes));

describe('scheduled maintenance from the clock', () => {
  it('is scheduled before the window with one update, published when first seen, naming what it covers', () => {
    const m = scheduledMaintenance(layout, upgrade, t(0), ms(10));
    expect(m).toMatchObject({ id: 'upgrade', status: 'scheduled', createdAt: t(0), updatedAt: t(0), startedAt: null, completedAt: null, scheduledFor: t(30), scheduledUntil: t(90) });
    expect(m.components).toEqual(['eth-main/rpc-2']);
    expect(m.updates).toEqual([
      { id: 'upgrade-scheduled', at: t(0), status: 'scheduled', body: 'Node upgrade is scheduled from 2025-11-20 10:30 UTC to 2025-11-20 11:30 UTC. Affects eth-main/rpc-2.', affected: [] },
    ]);
  });

  it('goes in progress at its start, then completed at its end, each update moving the covered endpoints', () => {
    const during = scheduledMaintenance(layout, upgrade, t(0), ms(45));
    expect(during).toMatchObject({ status: 'in_progress', startedAt: t(30), completedAt: null, updatedAt: t(30) });
    expect(during.updates.map((u) => [u.status, u.at])).toEqual([['scheduled', t(0)], ['in_progress', t(30)]]);
    expect(during.updates[1]!.affected).toEqual([{ id: 'eth-main/rpc-2', name: 'rpc-2', oldStatus: 'operational', newStatus: 'under_maintenance' }]);
    const after = scheduledMaintenance(layout, upgrade, t(0), ms(90));
    expect(after).toMatchObject({ status: 'completed', startedAt: t(30), completedAt: t(90) });
    expect(after.updates.at(-1)).toEqual({
      id: 'upgrade-completed', at: t(90), status: 'completed', body: 'Node upgrade is complete.',
      affected: [{ id: 'eth-main/rpc-2', name: 'rpc-2', oldStatus: 'under_maintenance', newStatus: 'operational' }],
    });
  });

  it('starts at publication when first seen mid-window, and is only completed when first seen after it', () => {
    const late = scheduledMaintenance(layout, upgrade, t(60), ms(61));
    expect(late.updates.map((u) => [u.status, u.at])).toEqual([['in_progress', t(60)]]);
    const afterwards = scheduledMaintenance(layout, upgrade, t(120), ms(121));
    expect(afterwards.updates.map((u) => [u.status, u.at, u.affected.length])).toEqual([['completed', t(120), 0]]);
    expect(afterwards.startedAt).toBeNull();
  });

  it('lists a network covered whole as the group and each of its endpoints', () => {
    expect(scheduledMaintenance(layout, swap, t(0), ms(0)).components).toEqual(['algo-main', 'algo-main/api-1']);
    expect(scheduledMaintenance(layout, swap, t(0), ms(0)).updates[0]!.body).toContain('Affects algo-main (all endpoints).');
  });

  it('orders windows in progress first, then scheduled soonest first, then completed newest first; drops those ended 90 days ago', () => {
    const old = maintenanceWindow('old', 'Old work', t(-100 * 24 * 60), t(-100 * 24 * 60 + 60));
    const done = maintenanceWindow('done', 'Done work', t(-120), t(-60));
    const list = scheduledMaintenances({ ...layout, maintenance: [old, done, swap, upgrade] }, new Map(), t(45));
    expect(list.map((m) => [m.id, m.status])).toEqual([['upgrade', 'in_progress'], ['swap', 'scheduled'], ['done', 'completed']]);
  });
});

describe('windows seen and covering', () => {
  it('remembers when each window was first seen and forgets windows the config dropped', () => {
    const seen: Record<string, string> = { gone: t(-5) };
    noteWindows(seen, layout, t(0));
    noteWindows(seen, layout, t(1));
    expect(seen).toEqual({ upgrade: t(0), swap: t(0) });
  });

  it('finds the open window over an endpoint or a whole network, start inclusive and end exclusive', () => {
    expect(coveringWindow(layout.maintenance, ms(30), 'eth-main', 'rpc-2')?.id).toBe('upgrade');
    expect(coveringWindow(layout.maintenance, ms(90), 'eth-main', 'rpc-2')).toBeNull();
    expect(coveringWindow(layout.maintenance, ms(45), 'eth-main', 'rpc-1')).toBeNull();
    // An endpoint window does not cover its network as a whole.
    expect(coveringWindow(layout.maintenance, ms(45), 'eth-main')).toBeNull();
    expect(coveringWindow(layout.maintenance, ms(24 * 60), 'algo-main')?.id).toBe('swap');
  });
});
