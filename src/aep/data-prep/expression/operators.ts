import { fail } from '../errors.js';
import { compare, isNil, isObject, looseEquals, toNumber, toText, truthy, typeName, type Value } from './values.js';
import { cachedRegex } from '../functions/regex-cache.js';

/**
 * Operator semantics. Data Prep's language is JEXL-like, with JEXL's lenient arithmetic: a null
 * operand counts as 0. Two choices differ from lenient JEXL and are deliberate:
 * - `+` concatenates when either side is a string ("Order " + 12 is "Order 12");
 * - `/` and `%` on two integers are integer operations, as JEXL does with Java integers.
 */
export type BinaryOperator = (left: Value, right: Value) => Value;

const integer = (a: number, b: number): boolean => Number.isInteger(a) && Number.isInteger(b);

function divide(left: Value, right: Value): Value {
  const a = toNumber(left);
  const b = toNumber(right);
  if (integer(a, b)) {
    if (b === 0) fail('Division by zero');
    return Math.trunc(a / b);
  }
  return a / b;
}

function modulo(left: Value, right: Value): Value {
  const a = toNumber(left);
  const b = toNumber(right);
  if (b === 0 && integer(a, b)) fail('Division by zero');
  return a % b;
}

function bitwise(op: (a: bigint, b: bigint) => bigint): BinaryOperator {
  return (left, right) => Number(BigInt.asIntN(64, op(toLong(left), toLong(right))));
}

function toLong(value: Value): bigint {
  const n = toNumber(value);
  if (!Number.isInteger(n)) fail(`Bitwise operators need integers, not ${n}`);
  return BigInt(n);
}

/** JEXL's `=~`: membership in an array or map, or a full regular-expression match on a string. */
function contains(left: Value, right: Value): boolean {
  if (Array.isArray(right)) return right.some((item) => looseEquals(item, left));
  if (isObject(right)) return Object.hasOwn(right, toText(left));
  if (typeof right === 'string') return !isNil(left) && cachedRegex(right, true).test(toText(left));
  return fail(`'=~' needs an array, a map or a regular expression on its right, not ${typeName(right)}`);
}

function startsWith(left: Value, right: Value): boolean {
  return !isNil(left) && !isNil(right) && toText(left).startsWith(toText(right));
}

function endsWith(left: Value, right: Value): boolean {
  return !isNil(left) && !isNil(right) && toText(left).endsWith(toText(right));
}

function ordered(test: (n: number) => boolean): BinaryOperator {
  return (left, right) => (isNil(left) || isNil(right) ? false : test(compare(left, right)));
}

export const BINARY: Readonly<Record<string, BinaryOperator>> = {
  '+': (left, right) => {
    if (typeof left === 'string' || typeof right === 'string') {
      return (isNil(left) ? '' : toText(left)) + (isNil(right) ? '' : toText(right));
    }
    return toNumber(left) + toNumber(right);
  },
  '-': (left, right) => toNumber(left) - toNumber(right),
  '*': (left, right) => toNumber(left) * toNumber(right),
  '/': divide,
  '%': modulo,
  '==': (left, right) => looseEquals(left, right),
  '!=': (left, right) => !looseEquals(left, right),
  '<': ordered((n) => n < 0),
  '<=': ordered((n) => n <= 0),
  '>': ordered((n) => n > 0),
  '>=': ordered((n) => n >= 0),
  '=~': contains,
  '!~': (left, right) => !contains(left, right),
  '=^': startsWith,
  '!^': (left, right) => !startsWith(left, right),
  '=$': endsWith,
  '!$': (left, right) => !endsWith(left, right),
  '&': bitwise((a, b) => a & b),
  '|': bitwise((a, b) => a | b),
  '^': bitwise((a, b) => a ^ b),
};

export const UNARY: Readonly<Record<string, (operand: Value) => Value>> = {
  '-': (operand) => -toNumber(operand),
  '!': (operand) => !truthy(operand),
  '~': (operand) => Number(BigInt.asIntN(64, ~toLong(operand))),
  empty: (operand) => isEmpty(operand),
  size: (operand) => sizeOf(operand),
};

export function isEmpty(value: Value): boolean {
  if (isNil(value)) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.keys(value).length === 0;
  return false;
}

export function sizeOf(value: Value): number {
  if (isNil(value)) return 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return fail(`Cannot take the size of ${typeName(value)}`);
}
