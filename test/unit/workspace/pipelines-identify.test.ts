import { describe, expect, it } from 'vitest';
import { activityTypes, codes, fresh, kinds, peopleCount, person, pipe, T0 } from './helpers.js';

describe('pipelines identify → Create or Update Person', () => {
  it.each([
    ['userId', { userId: 'u1', traits: { email: 'jane@example.com' } }, { id: 'u1', email: 'jane@example.com' }],
    [
      'traits.email without userId',
      { anonymousId: 'a1', traits: { email: 'jane@example.com' } },
      { email: 'jane@example.com' },
    ],
    ['an email-shaped userId', { userId: 'jane@example.com', traits: {} }, { email: 'jane@example.com' }],
    ['a cio_ userId', { userId: 'cio_00000001', traits: { plan: 'x' } }, { cio_id: '00000001' }],
  ])('names the person by %s', (_name, event, expected) => {
    const ws = fresh();
    if ('cio_id' in expected) pipe(ws, { type: 'identify', userId: 'seed' });
    pipe(ws, { type: 'identify', ...event });
    const [only] = Object.values(ws.people);
    expect(peopleCount(ws)).toBe(1);
    expect({ id: only?.id, email: only?.email, cio_id: only?.cio_id }).toMatchObject(expected);
  });

  it('maps traits to attributes minus the keys the destination maps elsewhere', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'identify',
      userId: 'u1',
      traits: {
        name: 'Jane',
        email: 'jane@example.com',
        createdAt: '2020-01-01T00:00:00Z',
        object_type_id: '2',
        objectTypeId: '3',
        relationshipAttributes: { role: 'x' },
        plan: { tier: 'pro' },
      },
    });
    expect(person(ws, 'u1').attributes).toEqual({ name: 'Jane', plan: { tier: 'pro' } });
  });

  it.each([
    ['created_at wins over createdAt', { created_at: 1577836800, createdAt: '2021-01-01T00:00:00Z' }, 1577836800],
    ['createdAt when created_at is absent', { createdAt: '2021-01-01T00:00:00Z' }, 1609459200],
    ['no created_at: the time of creation', {}, T0],
  ])('created_at: %s', (_name, traits, expected) => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'u1', traits });
    expect(person(ws, 'u1').createdAt).toBe(expected);
  });

  it('converts ISO-8601 trait strings, at any object depth but not in arrays, to Unix seconds', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'identify',
      userId: 'u1',
      traits: {
        trial_ends: '2024-02-01T00:00:00.000Z',
        birthday: '1990-05-17',
        local: '2024-02-01T10:00',
        offset: '2024-02-01T01:00:00+0100',
        nested: { at: '2024-02-01T00:00:00Z' },
        list: ['2024-02-01T00:00:00Z'],
        digits: '1700000000',
        words: 'not a date',
      },
    });
    expect(person(ws, 'u1').attributes).toEqual({
      trial_ends: 1706745600,
      birthday: 642902400,
      local: 1706781600,
      offset: 1706745600,
      nested: { at: 1706745600 },
      list: ['2024-02-01T00:00:00Z'],
      digits: '1700000000',
      words: 'not a date',
    });
  });

  it('uses the event timestamp, in Unix seconds, for the change', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'u1', traits: { a: 1 }, timestamp: '2024-03-01T12:00:00.900Z' });
    expect(person(ws, 'u1').updatedAt).toBe(1709294400);
  });

  it('relates the person to traits.objectId (type "1" by default) with relationshipAttributes', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'identify',
      userId: 'u1',
      traits: { objectId: 'acme', relationshipAttributes: { role: 'admin' } },
    });
    pipe(ws, { type: 'identify', userId: 'u1', traits: { objectId: 'globex', objectTypeId: '2' } });
    expect(ws.relationships.map((r) => [r.object_type_id, r.object_id, r.attributes])).toEqual([
      ['1', 'acme', { role: 'admin' }],
      ['2', 'globex', {}],
    ]);
    // The destination leaves objectId among the person's attributes.
    expect(person(ws, 'u1').attributes.objectId).toBe('globex');
  });

  it('attaches earlier anonymous activity when identify carries both ids', () => {
    const ws = fresh();
    pipe(ws, { type: 'track', anonymousId: 'anon-1', event: 'Viewed Pricing' });
    pipe(ws, { type: 'page', anonymousId: 'anon-1', properties: { url: 'https://x.test/pricing' } });
    pipe(ws, { type: 'track', anonymousId: 'anon-2', event: 'Someone else' });
    expect(ws.activities.filter((a) => a.cio_id === null)).toHaveLength(3);
    const result = pipe(ws, { type: 'identify', userId: 'u1', anonymousId: 'anon-1', traits: {} });
    const { cio_id, anonymousIds } = person(ws, 'u1');
    expect(anonymousIds).toEqual(['anon-1']);
    expect(activityTypes(ws, cio_id)).toEqual(['event', 'page', 'profile_create', 'anon_merge']);
    expect(ws.activities.find((a) => a.type === 'event')?.customer_identifiers).toEqual({
      id: 'u1',
      email: null,
      cio_id,
    });
    expect(ws.activities.filter((a) => a.cio_id === null).map((a) => a.anonymous_id)).toEqual(['anon-2']);
    expect(result.changes.find((c) => c.kind === 'anonymous.merged')).toMatchObject({
      activities: 2,
      relationships: 0,
    });
    // Later anonymous events with that id belong to the person straight away.
    pipe(ws, { type: 'track', anonymousId: 'anon-1', event: 'Came back' });
    expect(ws.activities.at(-1)?.cio_id).toBe(cio_id);
  });

  it('keeps an anonymous id for one person only', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'u1', anonymousId: 'anon-1' });
    const result = pipe(ws, { type: 'identify', userId: 'u2', anonymousId: 'anon-1', traits: { a: 1 } });
    expect(codes(result)).toEqual(['anonymous_id_in_use']);
    expect(person(ws, 'u2').attributes).toEqual({ a: 1 });
    expect(person(ws, 'u2').anonymousIds).toEqual([]);
  });

  it('changes no person for an identify with only an anonymousId', () => {
    const ws = fresh();
    const result = pipe(ws, { type: 'identify', anonymousId: 'anon-1', traits: { plan: 'x' } });
    expect([peopleCount(ws), codes(result), kinds(result)]).toEqual([0, ['missing_identifier'], []]);
  });
});
