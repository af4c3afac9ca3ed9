import { sizeOf } from '../expression/operators.js';
import { isNil, type Value } from '../expression/values.js';
import { bool } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Hierarchies - Arrays".
const CATEGORY = 'Hierarchies - Arrays';
const OBJECT = 'java.lang.Object';
const LIST = 'java.util.List';
const values = param('values', 'Zero or more arguments', 'varargs');

/**
 * first/last/coalesce are documented as varargs (`first("1", "2", "3")`) yet described as taking
 * "the given array"; a single array argument is therefore read as the list (inference).
 */
function listOf(args: Value[]): Value[] {
  return args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
}

function asItems(value: Value): Value[] {
  return isNil(value) ? [] : Array.isArray(value) ? value : [value];
}

function upsertDef(name: string, action: string): FunctionDef {
  return {
    name,
    category: CATEGORY,
    description: `${action} Only applies to Profile updates; on inserts the input is returned as is.`,
    syntax: `Object[] ${name}(Object[])`,
    returns: 'The input array.',
    returnType: LIST,
    example: `${name}([123, 456])`,
    result: '[123, 456]',
    params: [param('array', 'The array.', 'array')],
    arity: name === 'upsert_array_replace' ? [1, 2] : [1, 1],
    impl: ([value]) => (isNil(value) ? null : asItems(value).slice()),
  };
}

export const ARRAY_FUNCTIONS: FunctionDef[] = [
  {
    name: 'coalesce',
    category: CATEGORY,
    description: 'Returns the first non-null argument.',
    syntax: 'T coalesce(T...)',
    returns: 'The first non-null value, or null.',
    returnType: OBJECT,
    example: 'coalesce(null, null, null, "first", null, "second")',
    result: '"first"',
    params: [values],
    arity: [1, Infinity],
    impl: (args) => listOf(args).find((v) => !isNil(v)) ?? null,
  },
  {
    name: 'first',
    category: CATEGORY,
    description: 'Function to retrieve the first element of the given array.',
    syntax: 'T first(T...)',
    returns: 'The first element or null if the array is null or empty.',
    returnType: OBJECT,
    example: 'first("1", "2", "3")',
    result: '"1"',
    params: [values],
    arity: [0, Infinity],
    impl: (args) => listOf(args)[0] ?? null,
  },
  {
    name: 'last',
    category: CATEGORY,
    description: 'Function to retrieve the last element of the given array.',
    syntax: 'T last(T...)',
    returns: 'The last element or null if the array is null or empty.',
    returnType: OBJECT,
    example: 'last("1", "2", "3")',
    result: '"3"',
    params: [values],
    arity: [0, Infinity],
    impl: (args) => listOf(args).at(-1) ?? null,
  },
  {
    name: 'add_to_array',
    category: CATEGORY,
    description: 'Adds elements to the end of the array (a null array starts empty).',
    syntax: 'Object[] add_to_array(Object[], Object...)',
    returns: 'A new array.',
    returnType: LIST,
    example: "add_to_array(['a', 'b'], 'c', 'd')",
    result: '["a", "b", "c", "d"]',
    params: [param('array', 'The array to add to.', 'array'), values],
    arity: [1, Infinity],
    impl: ([first, ...rest]) => [...asItems(first ?? null), ...rest],
  },
  {
    name: 'join_arrays',
    category: CATEGORY,
    description: 'Combines the arrays with each other; null arguments are skipped.',
    syntax: 'Object[] join_arrays(Object[], Object[]...)',
    returns: 'A new array.',
    returnType: LIST,
    example: "join_arrays(['a', 'b'], ['c'], ['d', 'e'])",
    result: '["a", "b", "c", "d", "e"]',
    params: [param('array', 'The first array.', 'array'), values],
    arity: [1, Infinity],
    impl: (args) => args.flatMap((a) => asItems(a)),
  },
  {
    name: 'to_array',
    category: CATEGORY,
    description: 'Takes a list of inputs and converts it to an array.',
    syntax: 'Object[] to_array(Boolean, Object...)',
    returns: 'The array, without nulls unless INCLUDE_NULLS is true.',
    returnType: LIST,
    example: 'to_array(false, 1, null, 2, 3)',
    result: '[1, 2, 3]',
    params: [param('includeNulls', 'Whether to keep nulls.', 'boolean'), values],
    arity: [1, Infinity],
    impl: ([includeNulls, ...rest]) =>
      bool(includeNulls ?? null, 'to_array includeNulls') ? rest.map((v) => v ?? null) : rest.filter((v) => !isNil(v)),
  },
  {
    name: 'size_of',
    category: CATEGORY,
    description: 'Returns the size of an array, map or string (0 for null).',
    syntax: 'int size_of(Object)',
    returns: 'The size.',
    returnType: 'java.lang.Integer',
    example: 'size_of([1, 2, 3, 4])',
    result: '4',
    params: [param('input', 'The value to measure.', 'object')],
    arity: [1, 1],
    impl: ([value]) => sizeOf(value),
  },
  upsertDef('upsert_array_append', 'Appends the whole input array to the end of the array in Profile.'),
  upsertDef('upsert_array_replace', 'Replaces elements of the array in Profile.'),
];
