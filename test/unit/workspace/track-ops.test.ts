import { describe, expect, it } from 'vitest';
import { activityTypes, codes, fresh, kinds, peopleCount, person, track, T0 } from './helpers.js';

describe('Track API people calls', () => {
  it('creates the person an event names, and records events, page and screen views', () => {
    const ws = fresh();
    track(ws, {
      call: 'event',
      identifier: { email: 'jane@example.com' },
      name: 'purchase',
      data: { price: 23.45 },
      timestamp: T0 + 1,
    });
    track(ws, { call: 'page', identifier: { email: 'jane@example.com' }, name: 'https://x.test/', timestamp: T0 + 2 });
    track(ws, { call: 'screen', identifier: { email: 'jane@example.com' }, name: 'home', timestamp: T0 + 3 });
    const { cio_id } = person(ws, 'jane@example.com', 'email');
    expect(ws.activities.map((a) => [a.type, a.name ?? null, a.timestamp, a.cio_id])).toEqual([
      ['profile_create', null, T0 + 1, cio_id],
      ['event', 'purchase', T0 + 1, cio_id],
      ['page', 'https://x.test/', T0 + 2, cio_id],
      ['screen', 'home', T0 + 3, cio_id],
    ]);
  });

  it('drops an event for an unknown cio_id or a suppressed identifier', () => {
    const ws = fresh();
    track(ws, { call: 'suppress', identifier: { id: 'u1' } });
    expect(codes(track(ws, { call: 'event', identifier: { id: 'u1' }, name: 'x' }))).toEqual(['suppressed']);
    expect(codes(track(ws, { call: 'event', identifier: { cio_id: 'abc' }, name: 'x' }))).toEqual(['person_not_found']);
    expect([peopleCount(ws), ws.activities]).toEqual([0, []]);
  });

  it('deletes a person, and reports an unknown one', () => {
    const ws = fresh();
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: { email: 'a@b.co' } });
    track(ws, { call: 'add_device', identifier: { id: 'u1' }, device: { token: 't', platform: 'ios' } });
    expect(kinds(track(ws, { call: 'delete', identifier: { email: 'A@B.CO' } }))).toEqual([
      'person.deleted',
      'activity',
    ]);
    expect(ws.index).toEqual({ id: {}, email: {}, anonymous_id: {}, device: {} });
    expect(codes(track(ws, { call: 'delete', identifier: { id: 'u1' } }))).toEqual(['person_not_found']);
    // Deleting does not suppress: the id may come back.
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: {} });
    expect(person(ws, 'u1').cio_id).toBe('00000002');
  });

  it('suppresses and unsuppresses identifiers nobody has yet', () => {
    const ws = fresh();
    expect(track(ws, { call: 'suppress', identifier: { email: 'X@Y.co' } }).changes).toEqual([
      { kind: 'person.suppressed', id: null, email: 'X@Y.co' },
    ]);
    expect(codes(track(ws, { call: 'identify', identifier: { id: 'n' }, attributes: { email: 'x@y.CO' } }))).toEqual([
      'suppressed',
    ]);
    expect(kinds(track(ws, { call: 'unsuppress', identifier: { email: 'x@y.co' } }))).toEqual(['person.unsuppressed']);
    expect(track(ws, { call: 'unsuppress', identifier: { email: 'x@y.co' } }).changes).toEqual([]);
    track(ws, { call: 'identify', identifier: { id: 'n' }, attributes: { email: 'x@y.CO' } });
    expect(person(ws, 'n').email).toBe('x@y.CO');
  });

  it('keeps anonymous events and attributes them once the anonymous id is known', () => {
    const ws = fresh();
    track(ws, {
      call: 'anonymous_event',
      type: 'event',
      anonymous_id: 'abc123',
      name: 'watched_video',
      data: { video: 'intro' },
    });
    track(ws, { call: 'anonymous_event', type: 'page', name: 'https://x.test/' });
    expect(ws.activities.map((a) => [a.type, a.cio_id, a.anonymous_id ?? null])).toEqual([
      ['event', null, 'abc123'],
      ['page', null, null],
    ]);
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: { anonymous_id: 'abc123' } });
    expect(ws.activities[0]?.cio_id).toBe(person(ws, 'u1').cio_id);
    track(ws, { call: 'anonymous_event', type: 'screen', anonymous_id: 'abc123', name: 'home' });
    expect(ws.activities.at(-1)?.cio_id).toBe(person(ws, 'u1').cio_id);
  });
});

describe('Track API devices', () => {
  it('adds, updates (merging attributes, last_used defaulting to the call time) and deletes devices', () => {
    const ws = fresh();
    const added = track(ws, {
      call: 'add_device',
      identifier: { id: 'u1' },
      device: { token: 't1', platform: 'ios', attributes: { a: '1', b: '2' } },
    });
    expect(kinds(added)).toEqual(['person.created', 'activity', 'device.added', 'activity']);
    track(ws, {
      call: 'add_device',
      identifier: { id: 'u1' },
      device: { token: 't1', platform: 'android', last_used: 99, attributes: { b: null, c: '3' } },
    });
    expect(person(ws, 'u1').devices).toEqual([
      { token: 't1', platform: 'android', last_used: 99, attributes: { a: '1', c: '3' } },
    ]);
    track(ws, {
      call: 'add_device',
      identifier: { id: 'u1' },
      device: { token: 't1', platform: 'android' },
      timestamp: T0 + 9,
    });
    expect(person(ws, 'u1').devices[0]?.last_used).toBe(T0 + 9);
    expect(ws.activities.filter((a) => a.type === 'device_change').map((a) => a.name)).toEqual([
      'added',
      'updated',
      'updated',
    ]);
    expect(kinds(track(ws, { call: 'delete_device', identifier: { id: 'u1' }, token: 't1' }))).toEqual([
      'device.deleted',
      'activity',
    ]);
    expect(person(ws, 'u1').devices).toEqual([]);
    expect(codes(track(ws, { call: 'delete_device', identifier: { id: 'u1' }, token: 't1' }))).toEqual([
      'device_not_found',
    ]);
    expect(codes(track(ws, { call: 'delete_device', identifier: { id: 'nobody' }, token: 't1' }))).toEqual([
      'person_not_found',
    ]);
  });

  it('moves a token to the person who registers it last', () => {
    const ws = fresh();
    track(ws, { call: 'add_device', identifier: { id: 'u1' }, device: { token: 't', platform: 'ios' } });
    const result = track(ws, { call: 'add_device', identifier: { id: 'u2' }, device: { token: 't', platform: 'ios' } });
    expect([person(ws, 'u1').devices, person(ws, 'u2').devices.map((d) => d.token)]).toEqual([[], ['t']]);
    expect(kinds(result).filter((k) => k.startsWith('device'))).toEqual(['device.deleted', 'device.added']);
    expect(ws.index.device).toEqual({ t: person(ws, 'u2').cio_id });
  });
});

describe('Track API objects and relationships', () => {
  const acme = { object_type_id: '1', object_id: 'acme' };

  it('identifies objects, updating by cio_object_id only when it exists', () => {
    const ws = fresh();
    expect(kinds(track(ws, { call: 'object_identify', object: acme, attributes: { name: 'Acme', seats: 5 } }))).toEqual(
      ['object.created'],
    );
    track(ws, { call: 'object_identify', object: { cio_object_id: 'ob00000001' }, attributes: { seats: '' } });
    expect(ws.objects['1']?.acme?.attributes).toEqual({ name: 'Acme' });
    expect(codes(track(ws, { call: 'object_identify', object: { cio_object_id: 'nope' }, attributes: {} }))).toEqual([
      'object_not_found',
    ]);
  });

  it('relates and unrelates people from either side', () => {
    const ws = fresh();
    track(ws, {
      call: 'object_identify',
      object: acme,
      relationships: [{ identifiers: { id: 'u1' }, relationship_attributes: { role: 'admin' } }],
    });
    track(ws, {
      call: 'object_add_relationships',
      object: acme,
      relationships: [{ identifiers: { email: 'b@x.co' } }],
    });
    track(ws, { call: 'add_relationships', identifier: { id: 'u3' }, relationships: [{ identifiers: acme }] });
    expect(ws.relationships.map((r) => r.cio_id)).toEqual(['00000001', '00000002', '00000003']);
    track(ws, { call: 'object_delete_relationships', object: acme, relationships: [{ identifiers: { id: 'u1' } }] });
    track(ws, {
      call: 'delete_relationships',
      identifier: { email: 'B@X.CO' },
      relationships: [{ identifiers: acme }],
    });
    expect(ws.relationships.map((r) => r.cio_id)).toEqual(['00000003']);
    expect(
      codes(
        track(ws, { call: 'delete_relationships', identifier: { id: 'u1' }, relationships: [{ identifiers: acme }] }),
      ),
    ).toEqual(['relationship_not_found']);
    expect(
      codes(
        track(ws, {
          call: 'object_delete_relationships',
          object: { object_type_id: '9', object_id: 'x' },
          relationships: [],
        }),
      ),
    ).toEqual(['object_not_found']);
  });

  it('relates anonymous ids with identify_anonymous, or their person when known', () => {
    const ws = fresh();
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: { anonymous_id: 'known' } });
    track(ws, {
      call: 'object_identify_anonymous',
      object: acme,
      relationships: [{ anonymous_id: 'known' }, { anonymous_id: 'stranger' }],
    });
    expect(ws.relationships.map((r) => [r.cio_id, r.anonymous_id ?? null])).toEqual([
      [person(ws, 'u1').cio_id, null],
      [null, 'stranger'],
    ]);
  });

  it('deletes an object with its relationships', () => {
    const ws = fresh();
    track(ws, { call: 'object_identify', object: acme, relationships: [{ identifiers: { id: 'u1' } }] });
    track(ws, { call: 'object_delete', object: { cio_object_id: 'ob00000001' } });
    expect([ws.objects, ws.relationships]).toEqual([{ '1': {} }, []]);
  });

  it('records delivery metrics against the person when named', () => {
    const ws = fresh();
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: {} });
    track(ws, {
      call: 'delivery_metric',
      delivery_id: 'd1',
      metric: 'delivered',
      identifier: { id: 'u1' },
      recipient: 'a@b.co',
    });
    expect(activityTypes(ws, person(ws, 'u1').cio_id).at(-1)).toBe('delivered_email');
  });
});
