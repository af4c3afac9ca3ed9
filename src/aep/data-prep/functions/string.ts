import { isNil, toText, type Value } from '../expression/values.js';
import { integer, textOrNull } from './args.js';
import { cachedRegex } from './regex-cache.js';
import { param, type FunctionDef } from './registry-types.js';

// String functions: EN/FR `help/data-prep/functions.md` §"String functions". Null input gives null,
// as Apache Commons StringUtils (which these mirror) does. Samples are the docs' own.
const CATEGORY = 'String';
const STRING = 'java.lang.String';
const input = param('input', 'The input string.', 'string');

/** Java's String.split: regex separator, no capture groups in the output, trailing empties dropped. */
export function javaSplit(value: string, pattern: string): string[] {
  if (value === '') return [''];
  const regex = cachedRegex(pattern);
  const global = new RegExp(regex.source, `${regex.flags}g`);
  const parts: string[] = [];
  let last = 0;
  for (let m = global.exec(value); m !== null; m = global.exec(value)) {
    if (m[0] === '') {
      global.lastIndex++;
      // Java 8+: a zero-width match at the start yields no leading empty string.
      if (m.index === 0 || m.index >= value.length) continue;
    }
    parts.push(value.slice(last, m.index));
    last = m.index + m[0].length;
  }
  parts.push(value.slice(last));
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** StringUtils.split: splits on any of the separator characters and never returns empty tokens. */
function splitAny(value: string, separators: string | null): string[] {
  const isSeparator = separators === null ? (c: string) => /\s/.test(c) : (c: string) => separators.includes(c);
  const out: string[] = [];
  let current = '';
  for (const c of value) {
    if (isSeparator(c)) {
      if (current !== '') out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

function instr(args: Value[]): Value {
  const value = textOrNull(args[0], 'instr input');
  const sub = textOrNull(args[1], 'instr substring');
  if (value === null || sub === null) return null;
  let from = args[2] === undefined || args[2] === null ? 0 : integer(args[2], 'instr start position');
  const occurrence = args[3] === undefined || args[3] === null ? 1 : integer(args[3], 'instr occurrence');
  let found = -1;
  for (let n = 0; n < occurrence; n++) {
    found = value.indexOf(sub, Math.max(from, 0));
    if (found < 0) return -1;
    from = found + 1;
  }
  return found;
}

function substr(args: Value[]): Value {
  const value = textOrNull(args[0], 'substr input');
  if (value === null) return null;
  let start = integer(args[1], 'substr start index');
  const length = integer(args[2], 'substr length');
  if (start < 0) start = Math.max(0, value.length + start);
  return length <= 0 ? '' : value.slice(start, start + length);
}

function join(args: Value[]): Value {
  const separator = textOrNull(args[0], 'join separator') ?? '';
  const items = args.length === 2 && Array.isArray(args[1]) ? args[1] : args.slice(1);
  if (args.length === 2 && isNil(args[1])) return null;
  return items.map((item) => (isNil(item) ? '' : toText(item))).join(separator);
}

const caseFn = (name: string, upper: boolean, alias: string): FunctionDef => ({
  name,
  category: CATEGORY,
  description: `Converts a string to ${upper ? 'uppercase' : 'lowercase'}.${alias ? ` Same as ${alias}.` : ''}`,
  syntax: `String ${name}(String)`,
  returns: `The string in ${upper ? 'uppercase' : 'lowercase'}, or null if the input is null.`,
  returnType: STRING,
  example: `${name}("HeLLo")`,
  result: upper ? '"HELLO"' : '"hello"',
  params: [input],
  arity: [1, 1],
  impl: ([value]) => {
    const s = textOrNull(value, `${name} input`);
    return s === null ? null : upper ? s.toUpperCase() : s.toLowerCase();
  },
});

export const STRING_FUNCTIONS: FunctionDef[] = [
  {
    name: 'concat',
    category: CATEGORY,
    description: 'Concatenates the given strings. Null arguments are skipped.',
    syntax: 'String concat(Object...)',
    returns: 'The concatenated string.',
    returnType: STRING,
    example: 'concat("Hi, ", "there", "!")',
    result: '"Hi, there!"',
    params: [param('strings', 'The strings that will be concatenated.', 'varargs')],
    arity: [1, Infinity],
    impl: (args) => args.map((a) => (isNil(a) ? '' : toText(a))).join(''),
  },
  {
    name: 'explode',
    category: CATEGORY,
    description: 'Splits the string based on a regex and returns an array of parts. The regex defaults to ",".',
    syntax: 'String[] explode(String, String)',
    returns: 'The parts, as Java String.split returns them (trailing empty parts dropped).',
    returnType: 'java.lang.String[]',
    example: 'explode("Hi, there!", " ")',
    result: '["Hi,", "there!"]',
    params: [
      param('string', 'The string that needs to be split.', 'string'),
      param('regex', 'Optional separator regex.', 'string'),
    ],
    arity: [1, 2],
    impl: ([value, regex]) => {
      const s = textOrNull(value, 'explode input');
      return s === null ? null : javaSplit(s, textOrNull(regex, 'explode regex') ?? ',');
    },
  },
  {
    name: 'instr',
    category: CATEGORY,
    description: 'Returns the zero-based index of a substring, or -1 when it is absent.',
    syntax: 'int instr(String, String, Integer, Integer)',
    returns: 'The index of the nth occurrence at or after the start position.',
    returnType: 'java.lang.Integer',
    example: 'instr("adobe.com", "com")',
    result: '6',
    params: [
      input,
      param('substring', 'The substring to look for.', 'string'),
      param('startPosition', 'Optional index to start looking from (default 0).', 'integer'),
      param('occurrence', 'Optional nth occurrence to find (default 1).', 'integer'),
    ],
    arity: [2, 4],
    impl: instr,
  },
  {
    name: 'replacestr',
    category: CATEGORY,
    description: 'Replaces every occurrence of the search string in the input.',
    syntax: 'String replacestr(String, String, String)',
    returns: 'The input with replacements, unchanged when the search or replacement is null.',
    returnType: STRING,
    example: 'replacestr("This is a string re test", "re", "replace")',
    result: '"This is a string replace test"',
    params: [
      input,
      param('toFind', 'The string to look up.', 'string'),
      param('toReplace', 'The replacement.', 'string'),
    ],
    arity: [3, 3],
    impl: ([value, find, replace]) => {
      const s = textOrNull(value, 'replacestr input');
      const f = textOrNull(find, 'replacestr search');
      const r = textOrNull(replace, 'replacestr replacement');
      return s === null ? null : f === null || f === '' || r === null ? s : s.replaceAll(f, r);
    },
  },
  {
    name: 'substr',
    category: CATEGORY,
    description: 'Returns the substring of the given length starting at a zero-based index.',
    syntax: 'String substr(String, Integer, Integer)',
    returns: 'The substring, clipped to the input.',
    returnType: STRING,
    example: 'substr("This is a substring test", 7, 8)',
    result: '" a subst"',
    params: [input, param('startIndex', 'Zero-based start index.', 'integer'), param('length', 'Length.', 'integer')],
    arity: [3, 3],
    impl: substr,
  },
  caseFn('lower', false, 'lcase'),
  caseFn('lcase', false, 'lower'),
  caseFn('upper', true, 'ucase'),
  caseFn('ucase', true, 'upper'),
  {
    name: 'split',
    category: CATEGORY,
    description: 'Splits the input on any of the separator characters; returns only non-empty parts.',
    syntax: 'String[] split(String, String)',
    returns: 'The non-empty parts.',
    returnType: 'java.lang.String[]',
    example: 'split("Hello world", " ")',
    result: '["Hello", "world"]',
    params: [input, param('separator', 'The separator characters.', 'string')],
    arity: [2, 2],
    impl: ([value, separator]) => {
      const s = textOrNull(value, 'split input');
      return s === null ? null : splitAny(s, textOrNull(separator, 'split separator'));
    },
  },
  {
    name: 'join',
    category: CATEGORY,
    description: 'Joins a list of objects using the separator. Null items join as empty strings.',
    syntax: 'String join(String, Object[])',
    returns: 'The joined string.',
    returnType: STRING,
    example: 'join(" ", to_array(true, "Hello", "world"))',
    result: '"Hello world"',
    params: [param('separator', 'The separator.', 'string'), param('objects', 'The array to join.', 'array')],
    arity: [2, Infinity],
    impl: join,
  },
];
