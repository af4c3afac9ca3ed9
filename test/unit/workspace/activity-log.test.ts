import { describe, expect, it } from 'vitest';
import { applyTrackOperation } from '../../../src/workspace/apply-track.js';
import { fresh, T0 } from './helpers.js';

describe('activity log', () => {
  it.each([1, 3, 10])('keeps the newest %d activities', (max) => {
    const ws = fresh();
    for (let i = 0; i < 12; i += 1) {
      applyTrackOperation(
        ws,
        { call: 'anonymous_event', type: 'event', name: `e${i}`, timestamp: T0 + i },
        { maxActivities: max },
      );
    }
    expect(ws.activities.map((a) => a.name)).toEqual(Array.from({ length: max }, (_, i) => `e${12 - max + i}`));
    expect(ws.activities.map((a) => a.seq)).toEqual(Array.from({ length: max }, (_, i) => 13 - max + i));
  });

  it('gives each activity a ULID built from its time and seq', () => {
    const ws = fresh();
    applyTrackOperation(
      ws,
      { call: 'anonymous_event', type: 'event', name: 'a', timestamp: T0 },
      { maxActivities: 10 },
    );
    applyTrackOperation(ws, { call: 'anonymous_event', type: 'event', name: 'b', timestamp: 0 }, { maxActivities: 10 });
    const [first, second] = ws.activities;
    expect(first?.id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    // 1704067200000 ms is 01HK153X00 in Crockford base32; seq 1 ends the id.
    expect(first?.id).toBe('01HK153X00' + '0000000000000001');
    expect(second?.id).toBe('0000000000' + '0000000000000002');
  });

  it('uses a caller-supplied event id as the activity id', () => {
    const ws = fresh();
    applyTrackOperation(
      ws,
      { call: 'anonymous_event', type: 'event', name: 'a', id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', timestamp: T0 },
      { maxActivities: 10 },
    );
    expect(ws.activities[0]?.id).toBe('01ARZ3NDEKTSV4RRFFQ69G5FAV');
  });
});
