import { describe, expect, it } from 'vitest';
import {
  activities,
  findObjectBy,
  objectAttributes,
  objectRelationships,
  personAttributes,
  personRelationships,
} from '../../../src/workspace/queries.js';
import { fresh, person, track, T0 } from './helpers.js';

function seeded() {
  const ws = fresh();
  track(ws, {
    call: 'identify',
    identifier: { id: '42' },
    attributes: {
      email: 'test@example.com',
      created_at: 1489014595,
      title: 'tester',
      seats: 3,
      vip: true,
      prefs: { a: 1 },
      cio_subscription_preferences: { topics: { topic_7: false } },
    },
  });
  track(ws, {
    call: 'add_device',
    identifier: { id: '42' },
    device: { token: 'my_ios_device_id', platform: 'ios', last_used: 1514764800, attributes: { n: 2 } },
  });
  return ws;
}

describe('App API reads', () => {
  it('renders GET /v1/customers/{id}/attributes with string attributes, timestamps and devices', () => {
    const ws = seeded();
    const cio_id = person(ws, '42').cio_id;
    expect(personAttributes(person(ws, '42'))).toEqual({
      customer: {
        id: '42',
        identifiers: { id: '42', email: 'test@example.com', cio_id },
        attributes: {
          id: '42',
          email: 'test@example.com',
          cio_id,
          created_at: '1489014595',
          title: 'tester',
          seats: '3',
          vip: 'true',
          prefs: '{"a":1}',
          cio_subscription_preferences: '{"topics":{"topic_7":false}}',
        },
        timestamps: {
          cio_id: T0,
          id: T0,
          email: T0,
          created_at: T0,
          title: T0,
          seats: T0,
          vip: T0,
          prefs: T0,
          cio_subscription_preferences: T0,
        },
        unsubscribed: false,
        devices: [{ id: 'my_ios_device_id', platform: 'ios', last_used: 1514764800, attributes: { n: '2' } }],
      },
    });
  });

  it('lists a person’s activities newest first, filtered by type and name, paged by start/limit → next', () => {
    const ws = seeded();
    track(ws, { call: 'identify', identifier: { id: 'other' }, attributes: {} });
    for (let i = 0; i < 5; i += 1)
      track(ws, { call: 'event', identifier: { id: '42' }, name: i % 2 ? 'odd' : 'even', timestamp: T0 + i });
    track(ws, { call: 'page', identifier: { id: '42' }, name: 'https://x.test/a' });
    const jane = person(ws, '42');
    const names = (query: Parameters<typeof activities>[2]) =>
      activities(ws, jane, query).activities.map((a) => a.name ?? a.type);
    expect(names({ type: 'event', limit: 100 })).toEqual(['even', 'odd', 'even', 'odd', 'even']);
    expect(names({ name: 'odd' })).toEqual(['odd', 'odd']);
    const first = activities(ws, jane, { type: 'event', limit: 2 });
    expect(first.activities.map((a) => a.timestamp)).toEqual([T0 + 4, T0 + 3]);
    const second = activities(ws, jane, { type: 'event', limit: 2, start: first.next });
    expect(second.activities.map((a) => a.timestamp)).toEqual([T0 + 2, T0 + 1]);
    const last = activities(ws, jane, { type: 'event', limit: 2, start: second.next });
    expect([last.activities.map((a) => a.timestamp), last.next]).toEqual([[T0], '']);
    expect(
      activities(ws, jane, { limit: 100 }).activities.every((a) => a.customer_identifiers?.cio_id === jane.cio_id),
    ).toBe(true);
    expect(activities(ws, undefined, { limit: 100 }).activities.some((a) => a.customer_id === 'other')).toBe(true);
  });

  it('renders an activity as the App API’s activityObject, page views with their url', () => {
    const ws = seeded();
    track(ws, { call: 'page', identifier: { id: '42' }, name: 'https://x.test/a', data: { title: 'A' } });
    const [page] = activities(ws, person(ws, '42'), { limit: 1 }).activities;
    expect(page).toEqual({
      id: ws.activities.at(-1)?.id,
      type: 'page',
      name: 'https://x.test/a',
      url: 'https://x.test/a',
      timestamp: T0,
      data: { title: 'A' },
      customer_id: '42',
      customer_identifiers: { id: '42', email: 'test@example.com', cio_id: person(ws, '42').cio_id },
    });
  });

  it('shows current identifiers on old activities', () => {
    const ws = seeded();
    const { cio_id } = person(ws, '42');
    track(ws, { call: 'identify', identifier: { cio_id }, attributes: { id: '43' } });
    const all = activities(ws, person(ws, '43'), { limit: 100 }).activities;
    expect(new Set(all.map((a) => a.customer_id))).toEqual(new Set(['43']));
  });

  it('renders person and object relationships and object attributes', () => {
    const ws = seeded();
    for (const object_id of ['acme', 'globex', 'initech']) {
      track(ws, {
        call: 'add_relationships',
        identifier: { id: '42' },
        relationships: [
          { identifiers: { object_type_id: '1', object_id }, relationship_attributes: { role: object_id } },
        ],
      });
    }
    const jane = person(ws, '42');
    const page1 = personRelationships(ws, jane, { limit: 2 });
    expect(page1.cio_relationships).toEqual([
      {
        object_type_id: 1,
        identifiers: { object_id: 'acme', cio_object_id: 'ob00000001' },
        attributes: { role: 'acme' },
      },
      {
        object_type_id: 1,
        identifiers: { object_id: 'globex', cio_object_id: 'ob00000002' },
        attributes: { role: 'globex' },
      },
    ]);
    const page2 = personRelationships(ws, jane, { limit: 2, start: page1.next });
    expect([page2.cio_relationships.map((r) => r.identifiers.object_id), page2.next]).toEqual([['initech'], '']);

    track(ws, {
      call: 'object_identify',
      object: { object_type_id: '1', object_id: 'acme' },
      attributes: { name: 'Acme' },
      timestamp: T0 + 7,
    });
    const acme = findObjectBy(ws, '1', 'acme');
    expect(findObjectBy(ws, '1', acme?.cio_object_id ?? '', 'cio_object_id')).toBe(acme);
    expect(findObjectBy(ws, '2', acme?.cio_object_id ?? '', 'cio_object_id')).toBeUndefined();
    expect(acme && objectAttributes(acme)).toEqual({
      object: {
        attributes: { name: 'Acme' },
        timestamps: { name: T0 + 7 },
        identifiers: { object_id: 'acme', cio_object_id: 'ob00000001' },
        object_type_id: '1',
      },
    });
    expect(acme && objectRelationships(ws, acme)).toEqual({
      cio_relationships: [
        {
          identifiers: { cio_id: jane.cio_id, id: '42', email: 'test@example.com' },
          object_type_id: '1',
          object_type_disabled: false,
          relationship_attributes: { role: 'acme' },
        },
      ],
      next: '',
    });
  });
});
