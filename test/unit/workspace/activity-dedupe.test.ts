import { describe, expect, it } from 'vitest';
import { applyTrackOperation } from '../../../src/workspace/apply-track.js';
import { emptyWorkspace } from '../../../src/workspace/state.js';
import type { TrackOperation } from '../../../src/workspace/types.js';
import { fresh, T0, track } from './helpers.js';

const event = (identifier: string, id: string) =>
  ({ call: 'event', identifier: { id: identifier }, name: 'Order Completed', data: { n: 1 }, id }) as const;

describe('event id de-duplication', () => {
  it('drops an event whose id is already in the log, for any person', () => {
    const ws = fresh();
    track(ws, event('u1', 'evt-1'));
    track(ws, event('u1', 'evt-1'));
    track(ws, event('u2', 'evt-1'));
    expect(ws.activities.filter((a) => a.type === 'event').map((a) => a.id)).toEqual(['evt-1']);
  });

  it('accepts the id again once the person and their activity were deleted', () => {
    const ws = fresh();
    track(ws, event('u1', 'evt-1'));
    track(ws, { call: 'delete', identifier: { id: 'u1' } });
    track(ws, event('u2', 'evt-1'));
    expect(ws.activities.filter((a) => a.type === 'event').map((a) => [a.id, a.customer_identifiers?.id])).toEqual([
      ['evt-1', 'u2'],
    ]);
  });

  it('accepts the id again once it has fallen out of the bounded log', () => {
    const ws = emptyWorkspace();
    const op = (id: string): TrackOperation => ({ ...event('u1', id), timestamp: T0 }) as TrackOperation;
    applyTrackOperation(ws, op('evt-1'), { maxActivities: 2 });
    applyTrackOperation(ws, op('evt-2'), { maxActivities: 2 });
    applyTrackOperation(ws, op('evt-3'), { maxActivities: 2 });
    applyTrackOperation(ws, op('evt-1'), { maxActivities: 2 });
    expect(ws.activities.map((a) => a.id)).toEqual(['evt-3', 'evt-1']);
  });

  it('reads a restored log: a fresh workspace object built from the same activities', () => {
    const ws = fresh();
    track(ws, event('u1', 'evt-1'));
    const restored = structuredClone(ws);
    track(restored, event('u1', 'evt-1'));
    expect(restored.activities.filter((a) => a.type === 'event')).toHaveLength(1);
  });
});
