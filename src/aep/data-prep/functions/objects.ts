import { fail } from '../errors.js';
import { isEmpty } from '../expression/operators.js';
import { isNil, isObject, toText, typeName, type Value, type ValueObject } from '../expression/values.js';
import { parsePath, readPath } from '../paths.js';
import { array, fromPairs, integer, object, text, textOrNull } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Hierarchies - Objects".
const CATEGORY = 'Hierarchies - Objects';
const OBJECT = 'java.lang.Object';

/**
 * Parses "k1<vd>v1<fd>k2<vd>v2". Delimiters are literal; a null or empty one means the default
 * (`:` and `,`, per get_values' parameter notes). Keys and values are trimmed, as the sample
 * str_to_object("firstName - John ; …", "-", ";").get("firstName") = "John" shows.
 */
export function parsePairs(s: string, valueDelimiter: string | null, fieldDelimiter: string | null): ValueObject {
  const vd = valueDelimiter || ':';
  const fd = fieldDelimiter || ',';
  const out: ValueObject = {};
  for (const field of s.split(fd)) {
    const at = field.indexOf(vd);
    if (at < 0) continue;
    const key = field.slice(0, at).trim();
    if (key !== '' && !Object.hasOwn(out, key)) out[key] = field.slice(at + vd.length).trim();
  }
  return out;
}

/** arrays_to_object("sku", ["a","b"], "price", [1,2]) → [{sku:"a",price:1},{sku:"b",price:2}]. */
function arraysToObject(args: Value[]): Value {
  if (args.length % 2 !== 0) fail(`arrays_to_object needs key/array pairs, but got ${args.length} arguments`);
  const columns: [string, Value[]][] = [];
  for (let i = 0; i < args.length; i += 2) {
    const values = args[i + 1];
    columns.push([
      text(args[i], 'arrays_to_object key'),
      isNil(values) ? [] : array(values, 'arrays_to_object values'),
    ]);
  }
  const length = Math.max(0, ...columns.map(([, values]) => values.length));
  return Array.from({ length }, (_, row) => {
    const item: ValueObject = {};
    for (const [key, values] of columns) if (row < values.length) item[key] = values[row];
    return item;
  });
}

/** The `.get(key)` method: a map's value by key (str_to_object(...).get(key)) or a list's by index. */
function get([target, key]: Value[]): Value {
  if (isNil(target)) return null;
  if (Array.isArray(target)) return target[integer(key, 'get index')] ?? null;
  if (isObject(target)) return target[toText(key)] ?? null;
  return fail(`get() needs a map or a list, not ${typeName(target)}`);
}

const arraysToObjectDef = (name: string): FunctionDef => ({
  name,
  category: CATEGORY,
  description: `Creates a list of objects from key and array pairs.${name === 'array_to_object' ? ' Same as arrays_to_object.' : ''}`,
  syntax: `Object[] ${name}(Object...)`,
  returns: 'One object per array position.',
  returnType: 'java.util.List',
  example: `${name}('sku', explode("id1|id2", '\\\\|'), 'price', [22.5, 14.35])`,
  result: '[{"sku": "id1", "price": 22.5}, {"sku": "id2", "price": 14.35}]',
  params: [param('input', 'A grouping of key and array pairs.', 'varargs')],
  arity: [2, Infinity],
  impl: arraysToObject,
});

export const OBJECT_FUNCTIONS: FunctionDef[] = [
  {
    name: 'is_empty',
    category: CATEGORY,
    description: 'Checks whether an object, array or string is empty (null is empty).',
    syntax: 'boolean is_empty(Object)',
    returns: 'true when empty.',
    returnType: 'java.lang.Boolean',
    example: 'is_empty([1, null, 2, 3])',
    result: 'false',
    params: [param('input', 'The value to check.', 'object')],
    arity: [1, 1],
    impl: ([value]) => isEmpty(value),
  },
  arraysToObjectDef('arrays_to_object'),
  arraysToObjectDef('array_to_object'),
  {
    name: 'to_object',
    category: CATEGORY,
    description: 'Creates an object from flat key/value pairs.',
    syntax: 'Object to_object(Object...)',
    returns: 'The object.',
    returnType: OBJECT,
    example: 'to_object("firstName", "John", "lastName", "Doe")',
    result: '{"firstName": "John", "lastName": "Doe"}',
    params: [param('input', 'A flat list of key/value pairs.', 'varargs')],
    arity: [2, Infinity],
    impl: (args) => fromPairs(args, 'to_object'),
  },
  {
    name: 'str_to_object',
    category: CATEGORY,
    description: 'Creates an object from the input string. Use .get(key) on the result to read one value.',
    syntax: 'Object str_to_object(String, String, String)',
    returns: 'The object, or null when the input is null.',
    returnType: OBJECT,
    example: 'str_to_object("firstName=John,lastName=Doe,phone=123 456 7890", "=", ",")',
    result: '{"firstName": "John", "lastName": "Doe", "phone": "123 456 7890"}',
    params: [
      param('string', 'The string to parse.', 'string'),
      param('valueDelimiter', 'Optional separator of field and value (default ":").', 'string'),
      param('fieldDelimiter', 'Optional separator of pairs (default ",").', 'string'),
    ],
    arity: [1, 3],
    impl: ([value, vd, fd]) => {
      const s = textOrNull(value, 'str_to_object input');
      return s === null
        ? null
        : parsePairs(s, textOrNull(vd ?? null, 'value delimiter'), textOrNull(fd ?? null, 'field delimiter'));
    },
  },
  {
    name: 'get',
    kind: 'method',
    category: CATEGORY,
    description: 'Reads one value of a map by key (or of a list by index), e.g. str_to_object(...).get("firstName").',
    syntax: 'MAP.get(KEY)',
    returns: 'The value, or null when absent.',
    returnType: OBJECT,
    example: 'str_to_object("firstName - John ; phone - 123 456 7890", "-", ";").get("firstName")',
    result: '"John"',
    params: [param('map', 'The map.', 'map'), param('key', 'The key.', 'string')],
    arity: [1, 1],
    impl: get,
  },
  {
    name: 'contains_key',
    category: CATEGORY,
    description: 'Checks if a path exists within the source data. Replaces the deprecated is_set().',
    syntax: 'boolean contains_key(String)',
    returns: 'true when the path exists, even with a null value.',
    returnType: 'java.lang.Boolean',
    example: 'contains_key("evars.evar.field1")',
    result: 'true',
    params: [param('input', 'The path to check.', 'string')],
    arity: [1, 1],
    impl: ([path], ctx) => {
      const parsed = parsePath(text(path, 'contains_key path'));
      if (!parsed.ok) return fail(parsed.message);
      return readPath(ctx.input, parsed.segments) !== undefined;
    },
  },
  {
    name: 'nullify',
    category: CATEGORY,
    description: 'Sets the value of the attribute to null, so the field is not copied to the target.',
    syntax: 'Object nullify()',
    returns: 'null',
    returnType: OBJECT,
    example: 'nullify()',
    result: 'null',
    params: [],
    arity: [0, 0],
    impl: () => null,
  },
  {
    name: 'get_keys',
    category: CATEGORY,
    description: 'Returns all the keys of an object.',
    syntax: 'String[] get_keys(Object)',
    returns: 'The keys, or null when the input is null.',
    returnType: 'java.lang.String[]',
    example: 'get_keys({"book1": "Pride and Prejudice", "book2": "1984"})',
    result: '["book1", "book2"]',
    params: [param('object', 'The object.', 'object')],
    arity: [1, 1],
    impl: ([value]) => (isNil(value) ? null : Object.keys(object(value, 'get_keys input'))),
  },
  {
    name: 'get_values',
    category: CATEGORY,
    description: 'Parses key/value pairs from a string and returns the value of the given key.',
    syntax: 'String get_values(String, String, String, String)',
    returns: 'The value, or null when the key is absent.',
    returnType: 'java.lang.String',
    example: 'get_values("firstName - John , lastName - Cena , phone - 555 420 8692", "firstName", "-", ",")',
    result: '"John"',
    params: [
      param('string', 'The string to parse.', 'string'),
      param('key', 'The key to extract.', 'string'),
      param('valueDelimiter', 'Separator of field and value; null or empty means ":".', 'string'),
      param('fieldDelimiter', 'Optional separator of pairs; null or empty means ",".', 'string'),
    ],
    arity: [3, 4],
    impl: ([value, key, vd, fd]) => {
      const s = textOrNull(value, 'get_values input');
      if (s === null) return null;
      const pairs = parsePairs(s, textOrNull(vd, 'value delimiter'), textOrNull(fd ?? null, 'field delimiter'));
      return pairs[text(key, 'get_values key')] ?? null;
    },
  },
];
