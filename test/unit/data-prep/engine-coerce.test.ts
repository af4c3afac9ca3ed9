import { describe, expect, it } from 'vitest';
import {
  compileMappingSet,
  type CompileOptions,
  type CompiledMappingSet,
  type XdmType,
} from '../../../src/aep/data-prep/index.js';

function compile(mappings: readonly unknown[], options: CompileOptions): CompiledMappingSet {
  const result = compileMappingSet(mappings, options);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.mappingSet;
}

const attr = (source: string, destination: string) => ({ sourceType: 'ATTRIBUTE', source, destination });

describe('conversion to the destination type', () => {
  const types: Record<string, XdmType> = {
    id: 'string',
    qty: 'integer',
    price: 'number',
    vip: 'boolean',
    at: 'date-time',
    day: 'date',
    tags: 'array',
    meta: 'object',
  };
  const mappings = Object.keys(types).map((key) => attr(key, key));
  const options: CompileOptions = { targetType: (destination) => types[destination] };

  it('converts values the XDM type allows', () => {
    const input = {
      id: 1234,
      qty: '3',
      price: '9.5',
      vip: 'yes',
      at: '2019-10-23 11:24',
      day: '2019-10-23T23:00:00-02:00',
      tags: ['a'],
      meta: { k: 1 },
    };
    expect(compile(mappings, options).apply(input)).toEqual({
      record: {
        id: '1234',
        qty: 3,
        price: 9.5,
        vip: true,
        at: '2019-10-23T11:24:00Z',
        day: '2019-10-23',
        tags: ['a'],
        meta: { k: 1 },
      },
      errors: [],
    });
  });

  it.each([
    ['vip', 'off', false],
    ['vip', 'N', false],
    ['vip', true, true],
    ['id', true, 'true'],
    ['qty', 7, 7],
    ['at', 0, '1970-01-01T00:00:00Z'],
  ])('%s ← %j is %j', (key, value, expected) => {
    expect(compile(mappings, options).apply({ [key]: value }).record).toEqual({ [key]: expected });
  });

  it.each([
    ['qty', '3.5', 'Cannot convert "3.5" to integer'],
    ['price', 'cheap', 'Cannot convert "cheap" to number'],
    ['vip', 'maybe', 'Cannot convert "maybe" to boolean'],
    ['at', 'soon', 'Cannot convert "soon" to a date: give its format with date()'],
    ['id', { a: 1 }, 'Cannot convert object {"a":1} to string'],
    ['tags', 'a', 'Cannot convert "a" to array'],
    ['meta', [1], 'Cannot convert array [1] to object'],
  ])('%s ← %j fails: %s', (key, value, message) => {
    const result = compile(mappings, options).apply({ id: 'kept', [key]: value });
    expect(result.errors).toEqual([
      { destination: key, exception: message, source: key, columnName: key, sourceType: 'ATTRIBUTE' },
    ]);
    expect(result.record).toEqual(key === 'id' ? {} : { id: 'kept' });
  });
});
