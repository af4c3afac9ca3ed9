import { describe, expect, it } from 'vitest';
import { isEmailShaped, resolvePersonRef } from '../../../src/workspace/identifiers.js';
import { findPeopleByEmail, findPersonBy } from '../../../src/workspace/queries.js';
import { fresh, person, track } from './helpers.js';

describe('identifier resolution (destination resolveIdentifiers, Track API path)', () => {
  it.each([
    ['cio_0300ab01', { cio_id: '0300ab01' }],
    ['cio_', { cio_id: '' }],
    ['jane@example.com', { email: 'jane@example.com' }],
    ['Jane.Doe+tag@Example.CO.uk', { email: 'Jane.Doe+tag@Example.CO.uk' }],
    ['42', { id: '42' }],
    ['user-7', { id: 'user-7' }],
    ['not an@email', { id: 'not an@email' }],
    ['jane@localhost', { id: 'jane@localhost' }],
  ])('%s resolves to %j', (value, expected) => {
    expect(resolvePersonRef(value)).toEqual(expected);
  });

  it.each([
    ['a@b.co', true],
    ['a@b', false],
    ['@b.co', false],
    ['a b@c.co', false],
  ])('isEmailShaped(%s) is %s', (value, expected) => {
    expect(isEmailShaped(value)).toBe(expected);
  });
});

describe('finding people', () => {
  it('finds a person by id, email (any case) and cio_id', () => {
    const ws = fresh();
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: { email: 'Jane@Example.com' } });
    const jane = person(ws, 'u1');
    expect(findPersonBy(ws, 'jane@example.COM', 'email')).toBe(jane);
    expect(findPersonBy(ws, jane.cio_id, 'cio_id')).toBe(jane);
    expect(findPersonBy(ws, 'u2')).toBeUndefined();
    expect(findPersonBy(ws, 'u1', 'email')).toBeUndefined();
  });

  it('lists people by email as {results:[{email, id, cio_id}]}', () => {
    const ws = fresh();
    track(ws, { call: 'identify', identifier: { id: 'u1' }, attributes: { email: 'Jane@Example.com' } });
    const { cio_id } = person(ws, 'u1');
    expect(findPeopleByEmail(ws, 'JANE@example.com')).toEqual({
      results: [{ email: 'Jane@Example.com', id: 'u1', cio_id }],
    });
    expect(findPeopleByEmail(ws, 'nobody@example.com')).toEqual({ results: [] });
  });

  it('treats "__proto__" as an ordinary id', () => {
    const ws = fresh();
    track(ws, { call: 'identify', identifier: { id: '__proto__' }, attributes: { __proto__x: 1 } });
    expect(person(ws, '__proto__').id).toBe('__proto__');
    expect(findPersonBy(ws, 'constructor')).toBeUndefined();
  });
});
