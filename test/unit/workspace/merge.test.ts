import { describe, expect, it } from 'vitest';
import { activityTypes, codes, fresh, kinds, peopleCount, person, track, T0 } from './helpers.js';

function twoPeople() {
  const ws = fresh();
  track(ws, { call: 'identify', identifier: { id: 'primary' }, attributes: { plan: 'pro', empty: '', city: 'Oslo' } });
  track(ws, { call: 'add_device', identifier: { id: 'primary' }, device: { token: 'shared', platform: 'ios' } });
  track(ws, {
    call: 'identify',
    identifier: { id: 'secondary' },
    attributes: { email: 'sec@example.com', plan: 'free', age: 30, anonymous_id: 'anon-s' },
  });
  track(ws, {
    call: 'add_device',
    identifier: { id: 'secondary' },
    device: { token: 'sec-phone', platform: 'android' },
  });
  track(ws, { call: 'event', identifier: { id: 'secondary' }, name: 'Bought', data: {} });
  track(ws, {
    call: 'object_identify',
    object: { object_type_id: '1', object_id: 'acme' },
    relationships: [{ identifiers: { id: 'secondary' }, relationship_attributes: { role: 'admin' } }],
  });
  return ws;
}

describe('merge (secondary into primary)', () => {
  it('moves activities, devices, anonymous ids and relationships, fills missing attributes, deletes the secondary', () => {
    const ws = twoPeople();
    const secondary = person(ws, 'secondary');
    const secondaryEvents = ws.activities.filter((a) => a.cio_id === secondary.cio_id).length;
    const result = track(ws, {
      call: 'merge',
      primary: { id: 'primary' },
      secondary: { email: 'SEC@example.com' },
      timestamp: T0 + 5,
    });
    const primary = person(ws, 'primary');
    expect(peopleCount(ws)).toBe(1);
    expect(primary.attributes).toEqual({ plan: 'pro', city: 'Oslo', age: 30 });
    expect(primary.devices.map((d) => d.token)).toEqual(['shared', 'sec-phone']);
    expect(primary.anonymousIds).toEqual(['anon-s']);
    expect(ws.relationships).toMatchObject([
      { object_id: 'acme', cio_id: primary.cio_id, attributes: { role: 'admin' } },
    ]);
    expect(ws.activities.filter((a) => a.cio_id === secondary.cio_id)).toEqual([]);
    expect(ws.activities.filter((a) => a.cio_id === primary.cio_id).length).toBeGreaterThan(secondaryEvents);
    expect(ws.activities.find((a) => a.name === 'Bought')?.customer_identifiers).toEqual({
      id: 'primary',
      email: null,
      cio_id: primary.cio_id,
    });
    expect(ws.index).toEqual({
      id: { primary: primary.cio_id },
      email: {},
      anonymous_id: { 'anon-s': primary.cio_id },
      device: { shared: primary.cio_id, 'sec-phone': primary.cio_id },
    });
    expect(result.changes[0]).toMatchObject({
      kind: 'person.merged',
      primary: { id: 'primary' },
      secondary: { id: 'secondary', email: 'sec@example.com' },
      moved: { devices: 1, anonymousIds: 1, relationships: 1, attributes: ['age'] },
    });
    expect(activityTypes(ws).at(-1)).toBe('profile_merge');
    expect(primary.updatedAt).toBe(T0 + 5);
  });

  it('keeps the primary’s own device and relationship where both have one', () => {
    const ws = twoPeople();
    track(ws, {
      call: 'add_device',
      identifier: { id: 'secondary' },
      device: { token: 'shared', platform: 'android' },
    });
    track(ws, {
      call: 'add_relationships',
      identifier: { id: 'primary' },
      relationships: [
        { identifiers: { object_type_id: '1', object_id: 'acme' }, relationship_attributes: { role: 'owner' } },
      ],
    });
    track(ws, { call: 'merge', primary: { id: 'primary' }, secondary: { id: 'secondary' } });
    expect(ws.relationships.map((r) => r.attributes)).toEqual([{ role: 'owner' }]);
    expect(person(ws, 'primary').devices.filter((d) => d.token === 'shared')).toHaveLength(1);
  });

  it.each([
    ['the primary is missing', { id: 'nobody' }, { id: 'secondary' }, 'primary_not_found'],
    ['the secondary is missing', { id: 'primary' }, { id: 'nobody' }, 'person_not_found'],
    ['both name the same person', { id: 'secondary' }, { email: 'sec@example.com' }, 'same_person'],
  ])('changes nothing when %s', (_name, primary, secondary, code) => {
    const ws = twoPeople();
    const before = structuredClone(ws);
    const result = track(ws, { call: 'merge', primary, secondary });
    expect([codes(result), kinds(result)]).toEqual([[code], []]);
    expect(ws).toEqual(before);
  });
});
