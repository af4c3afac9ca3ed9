import { asText, deepEqual, isNil, type Value } from '../expression/values.js';
import { integer, textOrNull } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// Padding, trimming, left/right and the two string methods of EN/FR `help/data-prep/functions.md`.
const CATEGORY = 'String';
const STRING = 'java.lang.String';

/** StringUtils.leftPad/rightPad: a null or empty padding is one space; never shortens the input. */
function pad(args: Value[], left: boolean): Value {
  const value = textOrNull(args[0], 'input');
  if (value === null) return null;
  const size = integer(args[1], 'count');
  const padding = textOrNull(args[2], 'padding') || ' ';
  const missing = size - value.length;
  if (missing <= 0) return value;
  const fill = padding.repeat(Math.ceil(missing / padding.length)).slice(0, missing);
  return left ? fill + value : value + fill;
}

function padDef(name: string, left: boolean, sample: string): FunctionDef {
  return {
    name,
    category: CATEGORY,
    description: `Pads the ${left ? 'left' : 'right'} side of a string with the other given string.`,
    syntax: `String ${name}(String, Integer, String)`,
    returns: 'The padded string, or null when the input is null.',
    returnType: STRING,
    example: `${name}("bat", 8, "yz")`,
    result: sample,
    params: [
      param('input', 'The string to pad; may be null.', 'string'),
      param('count', 'The size to pad to.', 'integer'),
      param('padding', 'The padding; null or empty means a single space.', 'string'),
    ],
    arity: [3, 3],
    impl: (args) => pad(args, left),
  };
}

function sideDef(name: 'left' | 'right', sample: string): FunctionDef {
  return {
    name,
    category: CATEGORY,
    description: `Gets the ${name === 'left' ? 'first' : 'last'} "n" characters of the given string.`,
    syntax: `String ${name}(String, Integer)`,
    returns: 'The characters, or null when the input is null.',
    returnType: STRING,
    example: `${name}("abcde", 2)`,
    result: sample,
    params: [param('string', 'The input string.', 'string'), param('count', 'How many characters.', 'integer')],
    arity: [2, 2],
    impl: ([value, count]) => {
      const s = textOrNull(value, `${name} input`);
      if (s === null) return null;
      const n = integer(count, `${name} count`);
      if (n <= 0) return '';
      return name === 'left' ? s.slice(0, n) : s.slice(Math.max(0, s.length - n));
    },
  };
}

function trimDef(name: string, where: string, trim: (s: string) => string, sample: string): FunctionDef {
  return {
    name,
    category: CATEGORY,
    description: `Removes the whitespace from ${where} of the string.`,
    syntax: `String ${name}(String)`,
    returns: 'The trimmed string, or null when the input is null.',
    returnType: STRING,
    example: sample,
    result: '"hello"',
    params: [param('string', 'The input string.', 'string')],
    arity: [1, 1],
    impl: ([value]) => {
      const s = textOrNull(value, `${name} input`);
      return s === null ? null : trim(s);
    },
  };
}

function methodDef(name: string, caseSensitive: boolean, sample: string, result: string): FunctionDef {
  return {
    name,
    kind: 'method',
    category: CATEGORY,
    description: `Compares two strings to confirm if they are equal. This method is ${caseSensitive ? '' : 'not '}case sensitive.`,
    syntax: `STRING1.${name}(STRING2)`,
    returns: 'true when equal; false otherwise, and when the first string is null.',
    returnType: 'java.lang.Boolean',
    example: sample,
    result,
    params: [param('string1', 'The first string.', 'string'), param('string2', 'The second string.', 'string')],
    arity: [1, 1],
    impl: ([target, other]) => {
      if (isNil(target)) return false;
      if (caseSensitive) return deepEqual(target, other);
      if (typeof other !== 'string') return false;
      return asText(target, `${name} target`).toLowerCase() === other.toLowerCase();
    },
  };
}

export const STRING_EDIT_FUNCTIONS: FunctionDef[] = [
  padDef('lpad', true, '"yzyzybat"'),
  padDef('rpad', false, '"batyzyzy"'),
  sideDef('left', '"ab"'),
  sideDef('right', '"de"'),
  trimDef('ltrim', 'the beginning', (s) => s.trimStart(), 'ltrim(" hello")'),
  trimDef('rtrim', 'the end', (s) => s.trimEnd(), 'rtrim("hello ")'),
  trimDef('trim', 'the beginning and the end', (s) => s.trim(), 'trim(" hello ")'),
  methodDef('equals', true, '"string1".equals("STRING1")', 'false'),
  methodDef('equalsIgnoreCase', false, '"string1".equalsIgnoreCase("STRING1")', 'true'),
];
