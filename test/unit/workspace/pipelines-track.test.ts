import { describe, expect, it } from 'vitest';
import { activityTypes, codes, fresh, kinds, peopleCount, person, pipe, T0 } from './helpers.js';

const ios = (token = 'tok-1') => ({ device: { token, type: 'ios' }, app: { version: '2.3.0' } });

describe('pipelines track → Track Event', () => {
  it('records an event for the userId (created if new), named by event, id = messageId', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'track',
      userId: 'u1',
      anonymousId: 'anon-1',
      event: 'Order Completed',
      messageId: 'm-1',
      properties: { total: 12.5, at: '2024-01-02T00:00:00Z' },
    });
    const { cio_id, anonymousIds } = person(ws, 'u1');
    const event = ws.activities.at(-1);
    expect(event).toMatchObject({ id: 'm-1', type: 'event', name: 'Order Completed', timestamp: T0, cio_id });
    expect(event?.data).toEqual({ total: 12.5, at: 1704153600 });
    // With both ids the activity is the userId's; the anonymousId is ignored.
    expect([event?.anonymous_id, anonymousIds]).toEqual([undefined, []]);
  });

  it('drops an event whose id is already in the log', () => {
    const ws = fresh();
    pipe(ws, { type: 'track', userId: 'u1', event: 'A', messageId: 'dup' });
    const again = pipe(ws, { type: 'track', userId: 'u1', event: 'A', messageId: 'dup' });
    expect([again.changes, activityTypes(ws)]).toEqual([[], ['profile_create', 'event']]);
  });

  it('keeps an event without userId against its anonymousId', () => {
    const ws = fresh();
    pipe(ws, { type: 'track', anonymousId: 'anon-1', event: 'Browsed' });
    expect(ws.activities[0]).toMatchObject({
      type: 'event',
      cio_id: null,
      anonymous_id: 'anon-1',
      customer_identifiers: null,
    });
    expect(peopleCount(ws)).toBe(0);
  });

  it('needs a person or an anonymous id', () => {
    const result = pipe(fresh(), { type: 'track', groupId: 'g1', event: 'Group thing' });
    expect(codes(result)).toEqual(['missing_identifier']);
  });
});

describe('pipelines track → devices', () => {
  it.each(['Application Installed', 'Application Opened', 'Device Created or Updated'])(
    '%s adds, then updates, the context device',
    (event) => {
      const ws = fresh();
      pipe(ws, { type: 'track', userId: 'u1', event, context: ios(), properties: { push_enabled: 'true' } });
      expect(person(ws, 'u1').devices).toEqual([
        { token: 'tok-1', platform: 'ios', last_used: T0, attributes: { push_enabled: 'true', app_version: '2.3.0' } },
      ]);
      const update = pipe(ws, {
        type: 'track',
        userId: 'u1',
        event,
        context: ios(),
        timestamp: '2024-01-05T00:00:00Z',
      });
      expect(person(ws, 'u1').devices[0]?.last_used).toBe(1704412800);
      expect(kinds(update)).toEqual(['device.updated', 'activity']);
      expect(activityTypes(ws).filter((t) => t === 'event')).toEqual([]);
    },
  );

  it.each(['Application Uninstalled', 'Device Deleted'])('%s deletes the context device', (event) => {
    const ws = fresh();
    pipe(ws, { type: 'track', userId: 'u1', event: 'Device Created or Updated', context: ios('t1') });
    pipe(ws, { type: 'track', userId: 'u1', event: 'Device Created or Updated', context: ios('t2') });
    const result = pipe(ws, { type: 'track', userId: 'u1', event, context: ios('t1') });
    expect(person(ws, 'u1').devices.map((d) => d.token)).toEqual(['t2']);
    expect(result.changes[0]).toMatchObject({ kind: 'device.deleted', token: 't1' });
    expect(ws.index.device).toEqual({ t2: person(ws, 'u1').cio_id });
  });

  it.each([
    ['no userId', { anonymousId: 'a', context: ios() }, 'missing_identifier'],
    ['no token', { userId: 'u1', context: { device: { type: 'ios' } } }, 'missing_device'],
    ['no device type', { userId: 'u1', context: { device: { token: 't' } } }, 'missing_device'],
  ])('changes nothing with %s', (_name, fields, code) => {
    const ws = fresh();
    const result = pipe(ws, { type: 'track', event: 'Application Opened', ...fields });
    expect([codes(result), kinds(result), peopleCount(ws)]).toEqual([[code], [], 0]);
  });
});

describe('pipelines track → semantic events', () => {
  it('User Deleted deletes the person and their activity', () => {
    const ws = fresh();
    pipe(ws, { type: 'track', userId: 'u1', event: 'Signed Up' });
    const result = pipe(ws, { type: 'track', userId: 'u1', event: 'User Deleted' });
    expect(peopleCount(ws)).toBe(0);
    expect(kinds(result)).toEqual(['person.deleted', 'activity']);
    expect(activityTypes(ws)).toEqual(['profile_delete']);
    expect(codes(pipe(ws, { type: 'track', userId: 'u1', event: 'User Deleted' }))).toEqual(['person_not_found']);
  });

  it('User Suppressed deletes the person and blocks their identifiers until User Unsuppressed', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'u1', traits: { email: 'jane@example.com' } });
    pipe(ws, { type: 'track', userId: 'u1', event: 'User Suppressed' });
    expect(ws.suppressed).toEqual({ id: { u1: true }, email: { 'jane@example.com': true } });
    for (const event of [
      { type: 'identify' as const, userId: 'u1' },
      { type: 'identify' as const, userId: 'u9', traits: { email: 'JANE@example.com' } },
      { type: 'track' as const, userId: 'u1', event: 'Came Back' },
    ]) {
      expect(codes(pipe(ws, event))).toEqual(['suppressed']);
    }
    expect(peopleCount(ws)).toBe(0);
    pipe(ws, { type: 'track', userId: 'u1', event: 'User Unsuppressed' });
    pipe(ws, { type: 'identify', userId: 'u1' });
    expect(person(ws, 'u1').email).toBeUndefined();
    expect(codes(pipe(ws, { type: 'identify', userId: 'u2', traits: { email: 'jane@example.com' } }))).toEqual([
      'suppressed',
    ]);
  });

  it('Relationship Deleted unrelates properties.objectId (type 1 by default) from the userId', () => {
    const ws = fresh();
    pipe(ws, { type: 'group', userId: 'u1', groupId: 'acme' });
    pipe(ws, { type: 'group', userId: 'u1', groupId: 'acme', traits: { objectTypeId: '2' } });
    pipe(ws, { type: 'track', userId: 'u1', event: 'Relationship Deleted', properties: { objectId: 'acme' } });
    expect(ws.relationships.map((r) => r.object_type_id)).toEqual(['2']);
    pipe(ws, {
      type: 'track',
      userId: 'u1',
      event: 'Relationship Deleted',
      properties: { objectId: 'acme', objectTypeId: 2 },
    });
    expect(ws.relationships).toEqual([]);
    expect(activityTypes(ws, person(ws, 'u1').cio_id).filter((t) => t.endsWith('relationship'))).toEqual([
      'add_relationship',
      'add_relationship',
      'delete_relationship',
      'delete_relationship',
    ]);
  });

  it('Object Deleted deletes the object and its relationships', () => {
    const ws = fresh();
    pipe(ws, { type: 'group', userId: 'u1', groupId: 'acme', traits: { name: 'Acme' } });
    pipe(ws, { type: 'group', userId: 'u2', groupId: 'acme' });
    const result = pipe(ws, { type: 'track', userId: 'u1', event: 'Object Deleted', properties: { objectId: 'acme' } });
    expect([ws.objects['1'], ws.relationships]).toEqual([{}, []]);
    expect(kinds(result).filter((k) => k !== 'activity')).toEqual([
      'relationship.deleted',
      'relationship.deleted',
      'object.deleted',
    ]);
    expect(
      codes(pipe(ws, { type: 'track', userId: 'u1', event: 'Object Deleted', properties: { objectId: 'acme' } })),
    ).toEqual(['object_not_found']);
  });

  it('Report Delivery Event records a delivery activity', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'u1' });
    pipe(ws, {
      type: 'track',
      userId: 'u1',
      event: 'Report Delivery Event',
      properties: { deliveryId: 'd-1', metric: 'opened', recipient: 'tok-1', actionName: 'btn' },
    });
    expect(ws.activities.at(-1)).toMatchObject({
      type: 'opened_push',
      name: 'opened',
      delivery_id: 'd-1',
      delivery_type: 'push',
      cio_id: person(ws, 'u1').cio_id,
      data: { delivery_id: 'd-1', recipient: 'tok-1', metadata: { action_name: 'btn' } },
    });
    pipe(ws, {
      type: 'track',
      anonymousId: 'x',
      event: 'Report Delivery Event',
      properties: { deliveryId: 'd-2', metric: 'clicked', recipient: 'a@b.co' },
    });
    expect(ws.activities.at(-1)).toMatchObject({ type: 'clicked_email', cio_id: null });
  });

  it('Report Content Event records the content action as its type', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'u1' });
    pipe(ws, {
      type: 'track',
      userId: 'u1',
      event: 'Report Content Event',
      properties: { actionType: 'clicked_content', contentId: 3 },
    });
    expect(ws.activities.at(-1)).toMatchObject({
      type: 'clicked_content',
      data: { actionType: 'clicked_content', contentId: 3 },
    });
  });
});
