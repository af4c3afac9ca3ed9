import { compare, isNil, looseEquals, truthy, type Value } from '../expression/values.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Logical operators" and §"Aggregation".
const OBJECT = 'java.lang.Object';

function decode([key, ...options]: Value[]): Value {
  const pairs = options.length - (options.length % 2);
  for (let i = 0; i < pairs; i += 2) {
    if (looseEquals(key, options[i])) return options[i + 1] ?? null;
  }
  return options.length % 2 === 1 ? (options[options.length - 1] ?? null) : null;
}

/** Natural ordering over the non-null arguments (values.ts `compare`); null when there are none. */
function extreme(args: Value[], sign: 1 | -1): Value {
  let best: Value = null;
  for (const value of args) {
    if (isNil(value)) continue;
    if (isNil(best) || sign * compare(value, best) > 0) best = value;
  }
  return best;
}

function aggregateDef(name: 'min' | 'max'): FunctionDef {
  return {
    name,
    category: 'Aggregation',
    description: `Returns the ${name === 'min' ? 'minimum' : 'maximum'} of the given arguments. Uses natural ordering; nulls are ignored.`,
    syntax: `T ${name}(T...)`,
    returns: `The ${name === 'min' ? 'smallest' : 'largest'} value, or null.`,
    returnType: OBJECT,
    example: `${name}(3, 1, 4)`,
    result: name === 'min' ? '1' : '4',
    params: [param('options', 'One or more values that can be compared to each other.', 'varargs')],
    arity: [1, Infinity],
    impl: (args) => extreme(args, name === 'min' ? -1 : 1),
  };
}

export const LOGIC_FUNCTIONS: FunctionDef[] = [
  {
    name: 'decode',
    category: 'Logical operators',
    description:
      'Given a key and a flattened list of key/value pairs, returns the value of the matching key, or the trailing default value.',
    syntax: 'T decode(Object, Object...)',
    returns: 'The matching value, the default, or null.',
    returnType: OBJECT,
    example: 'decode("pa", "ca", "California", "pa", "Pennsylvania", "N/A")',
    result: '"Pennsylvania"',
    params: [
      param('key', 'The key to match.', 'object'),
      param('options', 'Key/value pairs, then an optional default.', 'varargs'),
    ],
    arity: [1, Infinity],
    impl: decode,
  },
  {
    // Compiled as a conditional (expression/compile.ts), so only the chosen branch is evaluated.
    name: 'iif',
    category: 'Logical operators',
    description: 'Evaluates a boolean expression and returns the true or the false value accordingly.',
    syntax: 'T iif(Boolean, T, T)',
    returns: 'TRUE_VALUE when the expression is true, FALSE_VALUE otherwise.',
    returnType: OBJECT,
    example: 'iif("s".equalsIgnoreCase("S"), "True", "False")',
    result: '"True"',
    params: [
      param('expression', 'The boolean expression.', 'boolean'),
      param('trueValue', 'The value if true.', 'object'),
      param('falseValue', 'The value if false.', 'object'),
    ],
    arity: [3, 3],
    impl: ([test, then, otherwise]) => (truthy(test) ? then : otherwise),
  },
  aggregateDef('min'),
  aggregateDef('max'),
];
