import { describe, expect, it } from 'vitest';
import { announcementTimes } from '../../../../functions/status/maintenance-ledger.ts';

describe('maintenance announcement times read back from scheduled-maintenances.json', () => {
  it('takes each window\'s id and created_at, and skips entries and documents of another shape', () => {
    const text = JSON.stringify({
      page: { id: 'x' },
      scheduled_maintenances: [
        { id: 'upgrade', created_at: '2025-11-20T07:50:00Z', status: 'scheduled' },
        { id: 'no-time' },
        { id: 'bad-time', created_at: 'yesterday' },
        { id: 7, created_at: '2025-11-20T07:50:00Z' },
        null,
      ],
    });
    expect(announcementTimes(text)).toEqual({ upgrade: '2025-11-20T07:50:00.000Z' });
    expect(announcementTimes('not json')).toEqual({});
    expect(announcementTimes('{"scheduled_maintenances": "nope"}')).toEqual({});
  });
});
