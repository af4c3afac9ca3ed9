import { describe, expect, it } from 'vitest';
import {
  formatPath,
  parsePath,
  readPath,
  WILDCARD,
  writePath,
  type Segment,
} from '../../../src/aep/data-prep/paths.js';
import type { Value, ValueObject } from '../../../src/aep/data-prep/expression/values.js';

describe('parsePath', () => {
  it.each<[string, Segment[]]>([
    ['a', ['a']],
    ['_extconndev.email', ['_extconndev', 'email']],
    ['data.identifiers.cio_id', ['data', 'identifiers', 'cio_id']],
    ['Full\\.Name', ['Full.Name']],
    ['address.street\\.name', ['address', 'street.name']],
    ['First Name', ['First Name']],
    ['customerInfo.emails[0].email', ['customerInfo', 'emails', 0, 'email']],
    ['customerInfo.emails[*].name', ['customerInfo', 'emails', WILDCARD, 'name']],
    ['matrix[1][2]', ['matrix', 1, 2]],
    ['piList[0]', ['piList', 0]],
    ['a\\[0]', ['a[0]']],
    ['back\\\\slash', ['back\\slash']],
  ])('%s', (text, segments) => {
    expect(parsePath(text)).toEqual({ ok: true, segments });
  });

  it.each([
    ['', 'The path is empty'],
    ['a..b', 'Empty field name at position 2 in "a..b"'],
    ['.a', 'Empty field name at position 0 in ".a"'],
    ['a.', 'A dot ends the path in "a."'],
    ['[0]', 'An index needs a field before it in "[0]"'],
    ['a[x]', 'Invalid array index at position 1 (use [n] or [*]) in "a[x]"'],
    ['a[-1]', 'Invalid array index at position 1 (use [n] or [*]) in "a[-1]"'],
    ['a[0', 'Invalid array index at position 1 (use [n] or [*]) in "a[0"'],
    ['a.__proto__.b', 'The field name __proto__ is not allowed in "a.__proto__.b"'],
    ['a[0]b', "Expected '.' or '[' at position 4 in \"a[0]b\""],
    ['a\\', 'Dangling backslash at the end in "a\\"'],
  ])('refuses %j', (text, message) => {
    expect(parsePath(text)).toEqual({ ok: false, message });
  });

  it.each(['a', 'a.b', 'Full\\.Name', 'a[0].b', 'a[*].b', 'x\\[1]', 'm[1][2]'])('formatPath reads back %s', (text) => {
    const parsed = parsePath(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(formatPath(parsed.segments)).toBe(text);
  });
});

describe('readPath', () => {
  const root: Value = {
    a: { b: null, list: [{ x: 1 }, { x: 2 }, { y: 3 }] },
    matrix: [
      [1, 2],
      [3, 4],
    ],
  };
  it.each<[Segment[], Value]>([
    [['a', 'b'], null],
    [['a', 'list', 1, 'x'], 2],
    [
      ['a', 'list', WILDCARD, 'x'],
      [1, 2, null],
    ],
    [
      ['matrix', WILDCARD, 0],
      [1, 3],
    ],
    [['a', 'missing'], undefined],
    [['a', 'b', 'c'], undefined],
    [['a', 'list', 9], undefined],
    [['a', 0], undefined],
    [['a', 'toString'], undefined],
    [['a', WILDCARD], undefined],
  ])('%j → %j', (segments, expected) => {
    expect(readPath(root, segments)).toEqual(expected);
  });
});

describe('writePath', () => {
  it('creates objects on the way and keeps siblings', () => {
    const target: ValueObject = {};
    writePath(target, ['person', 'name', 'first'], 'Ada');
    writePath(target, ['person', 'name', 'last'], 'Lovelace');
    writePath(target, ['_id'], '1');
    expect(target).toEqual({ person: { name: { first: 'Ada', last: 'Lovelace' } }, _id: '1' });
  });

  it('creates arrays for index segments', () => {
    const target: ValueObject = {};
    writePath(target, ['piList', 0], 'John Smith');
    writePath(target, ['identityMap', 'Email', 0, 'id'], 'a@b.c');
    expect(target).toEqual({ piList: ['John Smith'], identityMap: { Email: [{ id: 'a@b.c' }] } });
  });

  it('spreads an array over a wildcard, element by element', () => {
    const target: ValueObject = {};
    writePath(target, ['pi', WILDCARD, 'names'], ['John', 'Jane']);
    writePath(target, ['pi', WILDCARD, 'emails'], ['j@x', 'jane@x']);
    expect(target).toEqual({
      pi: [
        { names: 'John', emails: 'j@x' },
        { names: 'Jane', emails: 'jane@x' },
      ],
    });
  });

  it('appends at a trailing wildcard and replaces a primitive in the way', () => {
    const target: ValueObject = { tags: ['a'], a: 'scalar' };
    writePath(target, ['tags', WILDCARD], ['b', 'c']);
    writePath(target, ['a', 'b'], 1);
    expect(target).toEqual({ tags: ['a', 'b', 'c'], a: { b: 1 } });
  });
});
