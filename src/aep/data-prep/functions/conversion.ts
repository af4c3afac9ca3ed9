import { fail } from '../errors.js';
import { describe, isNil, isNumericText, isObject, typeName, type Value } from '../expression/values.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Type conversions", §"JSON functions", §"Special operations".

/** The float nearest to n, printed with as few digits as Java's Float.toString would use. */
export function toFloat32(n: number): number {
  const f = Math.fround(n);
  if (!Number.isFinite(f)) return f;
  for (let digits = 1; digits <= 9; digits++) {
    const shortest = Number(f.toPrecision(digits));
    if (Math.fround(shortest) === f) return shortest;
  }
  return f;
}

function numeric(value: Value, target: string): number {
  if (typeof value === 'number') return value;
  if (isNumericText(value)) return Number(value.trim());
  return fail(`Cannot convert ${describe(value)} to ${target}`);
}

function toInteger(value: Value): Value {
  if (isNil(value)) return null;
  if (typeof value === 'string' && !/^[+-]?\d+$/.test(value.trim()))
    fail(`Cannot convert ${describe(value)} to an integer`);
  const n = numeric(value, 'an integer');
  if (!Number.isInteger(n)) fail(`Cannot convert ${describe(value)} to an integer`);
  if (n < -2_147_483_648 || n > 2_147_483_647) fail(`${n} is out of the integer range`);
  return n;
}

function conversionDef(
  name: string,
  target: string,
  javaType: string,
  sample: string,
  result: string,
  convert: (v: Value) => Value,
): FunctionDef {
  return {
    name,
    category: 'Type conversions',
    description: `Converts a string to ${target}.`,
    syntax: `${javaType.split('.').at(-1)} ${name}(String)`,
    returns: `The ${target}, or null when the input is null. Text that is not a number is an error.`,
    returnType: javaType,
    example: `${name}("${sample}")`,
    result,
    params: [param('string', `The string to convert to ${target}.`, 'string')],
    arity: [1, 1],
    impl: ([value]) => (isNil(value) ? null : convert(value)),
  };
}

export const CONVERSION_FUNCTIONS: FunctionDef[] = [
  // The docs' sample to_bigint("1000000.34") = 1000000.34 keeps the fraction, so this converts
  // to a decimal number; integers beyond 2^53 lose precision (JSON numbers here are doubles).
  conversionDef('to_bigint', 'a BigInteger', 'java.math.BigInteger', '1000000.34', '1000000.34', (v) =>
    numeric(v, 'a BigInteger'),
  ),
  conversionDef('to_decimal', 'a Double', 'java.lang.Double', '20.5', '20.5', (v) => numeric(v, 'a Double')),
  conversionDef('to_float', 'a Float', 'java.lang.Float', '12.3456', '12.3456', (v) =>
    toFloat32(numeric(v, 'a Float')),
  ),
  conversionDef('to_integer', 'an Integer', 'java.lang.Integer', '12', '12', toInteger),
  {
    name: 'json_to_object',
    category: 'JSON',
    description: 'Deserializes JSON content from the given string. An object or array is returned as is.',
    syntax: 'Object json_to_object(String)',
    returns: 'An object representing the JSON, or null when the input is null.',
    returnType: 'java.lang.Object',
    example: 'json_to_object("{\\"info\\": {\\"firstName\\": \\"John\\", \\"lastName\\": \\"Doe\\"}}")',
    result: '{"info": {"firstName": "John", "lastName": "Doe"}}',
    params: [param('string', 'The JSON string to be deserialized.', 'string')],
    arity: [1, 1],
    impl: ([value]) => {
      if (isNil(value) || isObject(value) || Array.isArray(value)) return value ?? null;
      if (typeof value !== 'string') return fail(`json_to_object needs a string, not ${typeName(value)}`);
      try {
        return JSON.parse(value) as Value;
      } catch (error) {
        return fail(`Invalid JSON: ${(error as Error).message}`);
      }
    },
  },
  ...['uuid', 'guid'].map((name): FunctionDef => ({
    name,
    category: 'Special operations',
    description: `Generates a pseudo-random ID (a version 4 UUID).${name === 'guid' ? ' Same as uuid.' : ''}`,
    syntax: `String ${name}()`,
    returns: 'A new UUID string.',
    returnType: 'java.lang.String',
    example: `${name}()`,
    result: '"7c0267d2-bb74-4e1a-9275-3bf4fccda5f4"',
    params: [],
    arity: [0, 0],
    impl: (_args, ctx) => ctx.services.randomUUID(),
  })),
];
