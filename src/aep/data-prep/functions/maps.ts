import { fail } from '../errors.js';
import { isNil, isObject, toText, type Value, type ValueObject } from '../expression/values.js';
import { array, fromPairs, object, text } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// Map functions of the newest FR `help/data-prep/functions.md` (§"Hierarchies - Objects" and
// "Hierarchies - Map", samples in its appendix). A map is a plain object here, as in XDM's JSON.
const CATEGORY = 'Hierarchies - Map';
const MAP = 'java.util.Map';
const BOOK = '{"author": "George R. R. Martin", "price": 17.99}';

function keysOf(value: Value): string[] {
  return Array.isArray(value) ? value.filter((k) => !isNil(k)).map((k) => toText(k)) : [toText(value)];
}

/**
 * The documented sample map_get_values(book_details, "author") returns {"author": "George R. R.
 * Martin"}, so the result is the sub-map of the requested keys that exist (duplicates removed).
 */
function mapGetValues([map, key]: Value[]): Value {
  if (isNil(map)) return null;
  const source = object(map, 'map_get_values map');
  const out: ValueObject = {};
  for (const k of keysOf(key)) if (Object.hasOwn(source, k)) out[k] = source[k];
  return out;
}

/** Keyed by each element's `key` attribute; elements without it are skipped. */
function arrayToMap(items: Value, key: Value, fn: string): Value {
  if (isNil(items)) return null;
  const name = text(key, `${fn} key`);
  const out: ValueObject = {};
  for (const item of array(items, `${fn} input`)) {
    if (isObject(item) && !isNil(item[name])) out[toText(item[name])] = item;
  }
  return out;
}

/** Three documented forms: (key, value, …), (object), and (object array, attribute name). */
function objectToMap(args: Value[]): Value {
  if (args.length === 1) {
    if (isNil(args[0])) return null;
    return { ...object(args[0], 'object_to_map input') };
  }
  if (args.length === 2 && Array.isArray(args[0])) return arrayToMap(args[0], args[1], 'object_to_map');
  return fromPairs(args, 'object_to_map');
}

export const MAP_FUNCTIONS: FunctionDef[] = [
  {
    name: 'map_get_values',
    category: CATEGORY,
    description: 'Takes a map and a key or an array of keys; returns the entries of those keys.',
    syntax: 'Map map_get_values(Map, Object)',
    returns: 'A map of the requested keys found, or null when the map is null.',
    returnType: MAP,
    example: `map_get_values(${BOOK}, "author")`,
    result: '{"author": "George R. R. Martin"}',
    params: [param('map', 'The input map.', 'map'), param('key', 'A key or an array of keys.', 'object')],
    arity: [2, 2],
    impl: mapGetValues,
  },
  {
    name: 'map_has_keys',
    category: CATEGORY,
    description: 'Returns true if the map has the key, or any of the keys of an array.',
    syntax: 'boolean map_has_keys(Map, Object)',
    returns: 'true when a key is found.',
    returnType: 'java.lang.Boolean',
    example: `map_has_keys(${BOOK}, "author")`,
    result: 'true',
    params: [param('map', 'The input map.', 'map'), param('key', 'A key or an array of keys.', 'object')],
    arity: [2, 2],
    impl: ([map, key]) => {
      if (isNil(map)) return false;
      const source = object(map, 'map_has_keys map');
      return keysOf(key).some((k) => Object.hasOwn(source, k));
    },
  },
  {
    name: 'add_to_map',
    category: CATEGORY,
    description: 'Merges maps into one; for a repeated key the first value in argument order wins.',
    syntax: 'Map add_to_map(Map...)',
    returns: 'A new map with the entries of all the inputs.',
    returnType: MAP,
    example: 'add_to_map({"a": 1}, {"a": 2, "b": 3})',
    result: '{"a": 1, "b": 3}',
    params: [param('maps', 'The maps to merge.', 'varargs')],
    arity: [1, Infinity],
    impl: (args) => {
      const out: ValueObject = {};
      for (const map of args) {
        if (isNil(map)) continue;
        for (const [k, v] of Object.entries(object(map, 'add_to_map input'))) if (!Object.hasOwn(out, k)) out[k] = v;
      }
      return out;
    },
  },
  {
    name: 'object_to_map',
    category: CATEGORY,
    description:
      'Creates a map: object_to_map(KEY, VALUE, …), object_to_map(OBJECT), or object_to_map(OBJECT_ARRAY, ATTRIBUTE) keyed by that attribute.',
    syntax: 'Map object_to_map(Object...)',
    returns: 'The map, or null when the input is null.',
    returnType: MAP,
    example: 'object_to_map("firstName", "John", "lastName", "Doe")',
    result: '{"firstName": "John", "lastName": "Doe"}',
    params: [param('input', 'Key/value pairs, an object, or an object array and a key attribute.', 'varargs')],
    arity: [1, Infinity],
    impl: objectToMap,
  },
  {
    name: 'array_to_map',
    category: CATEGORY,
    description: 'Takes an array of objects and a key; returns a map from each key value to its object.',
    syntax: 'Map array_to_map(Object[], String)',
    returns: 'The map, or null when the input is null.',
    returnType: MAP,
    example: 'array_to_map([{"type": "home", "city": "san jose"}], "type")',
    result: '{"home": {"type": "home", "city": "san jose"}}',
    params: [param('inputs', 'The array of objects.', 'array'), param('key', 'The attribute to key by.', 'string')],
    arity: [2, 2],
    impl: ([items, key]) => arrayToMap(items, key, 'array_to_map'),
  },
  {
    name: 'to_map',
    category: CATEGORY,
    description: 'Takes a list of key/value pairs (or one object) and returns a map.',
    syntax: 'Map to_map(Object...)',
    returns: 'The map, or null when a single null is given.',
    returnType: MAP,
    example: 'to_map("firstName", "John", "lastName", "Doe")',
    result: '{"firstName": "John", "lastName": "Doe"}',
    params: [param('input', 'Key/value pairs.', 'varargs')],
    arity: [1, Infinity],
    impl: (args) => {
      if (args.length !== 1) return fromPairs(args, 'to_map');
      return isNil(args[0]) ? null : isObject(args[0]) ? { ...args[0] } : fail('to_map needs key/value pairs');
    },
  },
];
