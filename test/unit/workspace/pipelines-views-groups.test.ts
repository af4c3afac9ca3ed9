import { describe, expect, it } from 'vitest';
import { activityTypes, codes, fresh, kinds, peopleCount, person, pipe } from './helpers.js';

describe('pipelines page and screen', () => {
  it('names a page view by properties.url and a screen view by name', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'page',
      userId: 'u1',
      name: 'Pricing',
      properties: { url: 'https://x.test/pricing', title: 'P' },
    });
    pipe(ws, { type: 'screen', userId: 'u1', name: 'Home', properties: { from: 'push' } });
    expect(ws.activities.slice(-2).map((a) => [a.type, a.name, a.data])).toEqual([
      ['page', 'https://x.test/pricing', { url: 'https://x.test/pricing', title: 'P' }],
      ['screen', 'Home', { from: 'push' }],
    ]);
  });

  it.each([
    ['page without properties.url', { type: 'page' as const, userId: 'u1', name: 'Pricing' }],
    ['screen without name', { type: 'screen' as const, userId: 'u1' }],
  ])('records nothing for a %s', (_name, event) => {
    const ws = fresh();
    const result = pipe(ws, event);
    expect([codes(result), ws.activities, peopleCount(ws)]).toEqual([['missing_name'], [], 0]);
  });

  it('keeps anonymous page and screen views against the anonymousId', () => {
    const ws = fresh();
    pipe(ws, { type: 'screen', anonymousId: 'anon-1', name: 'Home' });
    expect(ws.activities[0]).toMatchObject({ type: 'screen', cio_id: null, anonymous_id: 'anon-1' });
  });
});

describe('pipelines group → Create or Update Object', () => {
  it('upserts the object from traits and relates the userId with relationshipAttributes', () => {
    const ws = fresh();
    const result = pipe(ws, {
      type: 'group',
      userId: 'u1',
      groupId: 'acme',
      traits: {
        name: 'Acme',
        founded: '2001-01-01T00:00:00Z',
        relationshipAttributes: { role: 'admin', since: '2020-01-01' },
      },
    });
    const object = ws.objects['1']?.acme;
    expect(object).toMatchObject({ object_type_id: '1', object_id: 'acme', cio_object_id: 'ob00000001' });
    expect(object?.attributes).toEqual({ name: 'Acme', founded: 978307200 });
    expect(ws.relationships).toMatchObject([
      { object_id: 'acme', cio_id: person(ws, 'u1').cio_id, attributes: { role: 'admin', since: 1577836800 } },
    ]);
    expect(kinds(result).filter((k) => k !== 'activity')).toEqual([
      'object.created',
      'person.created',
      'relationship.added',
    ]);
  });

  it.each([
    ['traits.object_type_id', { traits: { object_type_id: '2' } }, '2'],
    ['traits.objectTypeId', { traits: { objectTypeId: '3' } }, '3'],
    ['the top-level objectTypeId', { objectTypeId: '4' }, '4'],
    ['nothing: "1"', {}, '1'],
  ])('takes the object type from %s', (_name, fields, expected) => {
    const ws = fresh();
    pipe(ws, { type: 'group', groupId: 'acme', ...fields });
    expect(Object.keys(ws.objects)).toEqual([expected]);
    expect(ws.objects[expected]?.acme?.attributes).toEqual({});
  });

  it('only updates the object when the group has no person', () => {
    const ws = fresh();
    pipe(ws, { type: 'group', groupId: 'acme', traits: { plan: 'basic' } });
    const result = pipe(ws, { type: 'group', groupId: 'acme', traits: { plan: 'pro' } });
    expect([peopleCount(ws), ws.relationships]).toEqual([0, []]);
    expect(result.changes).toEqual([
      {
        kind: 'object.updated',
        object_type_id: '1',
        object_id: 'acme',
        cio_object_id: 'ob00000001',
        changed: { plan: { from: 'basic', to: 'pro' } },
      },
    ]);
  });

  it('relates an anonymousId, and the relationship carries over when the person is identified', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'group',
      anonymousId: 'anon-1',
      groupId: 'acme',
      traits: { relationshipAttributes: { role: 'viewer' } },
    });
    expect(ws.relationships).toMatchObject([{ cio_id: null, anonymous_id: 'anon-1', attributes: { role: 'viewer' } }]);
    const result = pipe(ws, { type: 'identify', userId: 'u1', anonymousId: 'anon-1' });
    expect(ws.relationships).toEqual([
      expect.objectContaining({ cio_id: person(ws, 'u1').cio_id, attributes: { role: 'viewer' } }),
    ]);
    expect(ws.relationships[0]?.anonymous_id).toBeUndefined();
    expect(result.changes.find((c) => c.kind === 'anonymous.merged')).toMatchObject({ relationships: 1 });
  });

  it('updates relationship attributes, null removing one', () => {
    const ws = fresh();
    pipe(ws, {
      type: 'group',
      userId: 'u1',
      groupId: 'acme',
      traits: { relationshipAttributes: { role: 'admin', seat: 1 } },
    });
    const result = pipe(ws, {
      type: 'group',
      userId: 'u1',
      groupId: 'acme',
      traits: { relationshipAttributes: { role: 'owner', seat: null } },
    });
    expect(ws.relationships[0]?.attributes).toEqual({ role: 'owner' });
    expect(kinds(result)).toEqual(['relationship.updated', 'activity']);
    expect(activityTypes(ws).at(-1)).toBe('relationship_attribute_change');
  });
});

describe('pipelines alias → Merge People', () => {
  it('merges previousId into userId', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'old', traits: { plan: 'free' } });
    pipe(ws, { type: 'identify', userId: 'new' });
    const result = pipe(ws, { type: 'alias', userId: 'new', previousId: 'old' });
    expect(peopleCount(ws)).toBe(1);
    expect(person(ws, 'new').attributes).toEqual({ plan: 'free' });
    expect(kinds(result)).toEqual(['person.merged', 'activity']);
  });

  it('does nothing when the primary does not exist', () => {
    const ws = fresh();
    pipe(ws, { type: 'identify', userId: 'old' });
    const result = pipe(ws, { type: 'alias', userId: 'new', previousId: 'old' });
    expect([codes(result), peopleCount(ws), person(ws, 'old').id]).toEqual([['primary_not_found'], 1, 'old']);
  });
});
