import { describe, expect, it } from 'vitest';
import { codes, fresh, kinds, peopleCount, person, T0, track } from './helpers.js';

const identify = (
  ws: ReturnType<typeof fresh>,
  identifier: Record<string, string>,
  attributes: Record<string, unknown>,
  timestamp = T0,
) => track(ws, { call: 'identify', identifier: identifier as { id: string }, attributes, timestamp });

describe('identify: creating and updating people', () => {
  it('creates a person with a counter-derived cio_id, merging attributes on update', () => {
    const ws = fresh();
    const created = identify(ws, { id: 'u1' }, { first_name: 'Jane', plan: 'free' });
    expect(kinds(created)).toEqual(['person.created', 'activity', 'person.attributes', 'activity', 'activity']);
    const jane = person(ws, 'u1');
    expect(jane.cio_id).toBe('00000001');
    expect(jane.createdAt).toBe(T0);
    const updated = identify(ws, { id: 'u1' }, { plan: 'premium' }, T0 + 60);
    expect(jane.attributes).toEqual({ first_name: 'Jane', plan: 'premium' });
    expect(jane.updatedAt).toBe(T0 + 60);
    expect(updated.changes[0]).toEqual({
      kind: 'person.attributes',
      cio_id: '00000001',
      identifiers: { id: 'u1', email: null, cio_id: '00000001' },
      changed: { plan: { from: 'free', to: 'premium' } },
    });
    expect(peopleCount(ws)).toBe(1);
  });

  it('records nothing when nothing changes', () => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { plan: 'free' });
    expect(identify(ws, { id: 'u1' }, { plan: 'free' }).changes).toEqual([]);
  });

  it('logs one attribute_change activity per attribute with {name: {from, to}} data', () => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { plan: 'free' });
    identify(ws, { id: 'u1' }, { plan: 'pro', seats: 3 });
    const changes = ws.activities.filter((a) => a.type === 'attribute_change').slice(-2);
    expect(changes.map((a) => [a.name, a.data])).toEqual([
      ['plan', { plan: { from: 'free', to: 'pro' } }],
      ['seats', { seats: { from: null, to: 3 } }],
    ]);
  });

  it.each([[null], ['']])('removes an attribute sent as %j', (value) => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { plan: 'free', seats: 2 });
    const result = identify(ws, { id: 'u1' }, { plan: value });
    expect(person(ws, 'u1').attributes).toEqual({ seats: 2 });
    expect(person(ws, 'u1').timestamps.plan).toBeUndefined();
    expect(result.changes[0]).toMatchObject({ changed: { plan: { from: 'free', to: null } } });
  });

  it('compares emails case-insensitively', () => {
    const ws = fresh();
    identify(ws, { email: 'Jane@Example.com' }, { plan: 'free' });
    identify(ws, { email: 'jane@example.COM' }, { plan: 'pro' });
    expect(peopleCount(ws)).toBe(1);
    expect(person(ws, 'JANE@EXAMPLE.COM', 'email').attributes.plan).toBe('pro');
    expect(person(ws, 'jane@example.com', 'email').email).toBe('Jane@Example.com');
  });

  it('gives a new id to the person who already has the email (the Track API tip)', () => {
    const ws = fresh();
    identify(ws, { email: 'jane@example.com' }, { plan: 'free' });
    const result = identify(ws, { id: 'new-id' }, { email: 'JANE@example.com', plan: 'pro' });
    expect(peopleCount(ws)).toBe(1);
    const jane = person(ws, 'new-id');
    expect(jane.email).toBe('jane@example.com');
    expect(jane.attributes.plan).toBe('pro');
    expect(result.changes[0]).toMatchObject({ changed: { id: { from: null, to: 'new-id' } } });
  });

  it('sets an id on a person identified by email in the path', () => {
    const ws = fresh();
    identify(ws, { email: 'jane@example.com' }, {});
    identify(ws, { email: 'jane@example.com' }, { id: 'u9' });
    expect(person(ws, 'u9').email).toBe('jane@example.com');
  });

  it.each([
    ['id and email of two people', { id: 'u1' }, { email: 'bob@example.com' }],
    ['an id that would replace the person’s id', { email: 'jane@example.com' }, { id: 'other' }],
    ['a body id that differs from the path id', { id: 'u1' }, { id: 'u2' }],
    ['a new id with an email whose person has another id', { id: 'u3' }, { email: 'jane@example.com' }],
  ])('changes nothing on conflicting identifiers: %s', (_name, identifier, attributes) => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { email: 'jane@example.com', plan: 'free' });
    identify(ws, { id: 'u2' }, { email: 'bob@example.com' });
    const before = structuredClone(ws.people);
    const result = identify(ws, identifier, { ...attributes, plan: 'changed' });
    expect(ws.people).toEqual(before);
    expect(codes(result)).toEqual(['conflicting_identifiers']);
    expect(kinds(result)).toEqual(['person.failed', 'activity']);
    expect(result.changes[1]).toMatchObject({ activity: { type: 'failed_attribute_change' } });
  });

  it('will not give one person an email another person holds', () => {
    const ws = fresh();
    identify(ws, { id: 'only-id' }, {});
    identify(ws, { email: 'only@example.com' }, {});
    const result = identify(ws, { id: 'only-id' }, { email: 'ONLY@example.com' });
    expect(codes(result)).toEqual(['conflicting_identifiers']);
    expect(person(ws, 'only-id').email).toBeUndefined();
    expect(person(ws, 'only@example.com', 'email').id).toBeUndefined();
  });

  it('with _update: true never creates, and logs the failure', () => {
    const ws = fresh();
    const result = identify(ws, { id: 'ghost' }, { _update: true, plan: 'free' });
    expect(peopleCount(ws)).toBe(0);
    expect(codes(result)).toEqual(['person_not_found']);
    expect(kinds(result)).toEqual(['person.failed', 'activity']);
    identify(ws, { id: 'real' }, {});
    identify(ws, { id: 'real' }, { _update: true, plan: 'pro' });
    expect(person(ws, 'real').attributes).toEqual({ plan: 'pro' });
  });

  it('changes identifiers when addressed by cio_id, and drops an unknown cio_id', () => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { email: 'old@example.com' });
    const { cio_id } = person(ws, 'u1');
    identify(ws, { cio_id }, { id: 'u1-renamed', email: 'new@example.com' });
    const renamed = person(ws, 'u1-renamed');
    expect([renamed.cio_id, renamed.email]).toEqual([cio_id, 'new@example.com']);
    expect(person(ws, 'new@example.com', 'email')).toBe(renamed);
    expect(() => person(ws, 'u1')).toThrow();
    expect(() => person(ws, 'old@example.com', 'email')).toThrow();
    const dropped = identify(ws, { cio_id: 'ffffffff' }, { plan: 'x' });
    expect([codes(dropped), peopleCount(ws)]).toEqual([['person_not_found'], 1]);
  });
});

describe('identify: reserved attributes', () => {
  it.each([
    [1361205308, 1361205308],
    ['1361205308', 1361205308],
    ['2013-02-18T16:35:08Z', 1361205308],
  ])('created_at %j becomes createdAt %d', (value, expected) => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { created_at: value });
    expect(person(ws, 'u1').createdAt).toBe(expected);
    expect(person(ws, 'u1').attributes).toEqual({});
  });

  it.each([
    [true, true],
    ['true', true],
    ['TRUE', true],
    ['tRuE', true],
    [1, true],
    ['1', true],
    [false, false],
    ['yes', false],
    [0, false],
    ['0', false],
  ])('unsubscribed %j is %s', (value, expected) => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { unsubscribed: value });
    expect(person(ws, 'u1').unsubscribed).toBe(expected);
  });

  it('replaces cio_subscription_preferences whole, or one topic with dot notation', () => {
    const ws = fresh();
    identify(ws, { id: 'u1' }, { cio_subscription_preferences: { topics: { topic_1: true, topic_2: true } } });
    identify(ws, { id: 'u1' }, { 'cio_subscription_preferences.topics.topic_2': false });
    identify(ws, { id: 'u1' }, { 'cio_subscription_preferences.topics.topic_3': true });
    expect(person(ws, 'u1').cio_subscription_preferences).toEqual({
      topics: { topic_1: true, topic_2: false, topic_3: true },
    });
    identify(ws, { id: 'u1' }, { 'cio_subscription_preferences.topics.topic_1': null });
    expect(person(ws, 'u1').cio_subscription_preferences).toEqual({ topics: { topic_2: false, topic_3: true } });
    identify(ws, { id: 'u1' }, { cio_subscription_preferences: { topics: { topic_9: false } } });
    expect(person(ws, 'u1').cio_subscription_preferences).toEqual({ topics: { topic_9: false } });
  });

  it('keeps reserved keys out of the attributes', () => {
    const ws = fresh();
    identify(
      ws,
      { id: 'u1' },
      {
        id: 'u1',
        email: 'a@b.co',
        cio_id: 'nope',
        anonymous_id: 'anon-1',
        _update: false,
        _timestamp: 5,
        created_at: 10,
        unsubscribed: false,
        name: 'Jane',
      },
    );
    const jane = person(ws, 'u1');
    expect(jane.attributes).toEqual({ name: 'Jane' });
    expect([jane.email, jane.anonymousIds, jane.cio_id]).toEqual(['a@b.co', ['anon-1'], '00000001']);
  });

  it('relates people to objects with v1 cio_relationships and v2 relationships', () => {
    const ws = fresh();
    const link = (object_id: string, role?: string) => ({
      identifiers: { object_type_id: '1', object_id },
      ...(role ? { relationship_attributes: { role } } : {}),
    });
    identify(
      ws,
      { id: 'u1' },
      { cio_relationships: { action: 'add_relationships', relationships: [link('acme', 'admin')] } },
    );
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: {}, relationships: [link('globex')] });
    expect(ws.relationships.map((r) => [r.object_id, r.attributes])).toEqual([
      ['acme', { role: 'admin' }],
      ['globex', {}],
    ]);
    identify(
      ws,
      { id: 'u1' },
      { cio_relationships: { action: 'delete_relationships', relationships: [link('acme')] } },
    );
    expect(ws.relationships.map((r) => r.object_id)).toEqual(['globex']);
    expect(Object.keys(ws.objects['1'] ?? {})).toEqual(['acme', 'globex']);
  });
});
