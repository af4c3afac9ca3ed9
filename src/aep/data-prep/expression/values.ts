import { fail } from '../errors.js';
import { ZonedDate } from '../dates/zoned-date.js';

/** What an expression computes: JSON values plus dates. `undefined` is a field that is absent. */
export type Value = null | undefined | string | number | boolean | ZonedDate | Value[] | ValueObject;
export type ValueObject = { [key: string]: Value };

export function isObject(value: Value): value is ValueObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof ZonedDate);
}

export function isNil(value: Value): value is null | undefined {
  return value === null || value === undefined;
}

export function typeName(value: Value): string {
  if (isNil(value)) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof ZonedDate) return 'date';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** String conversion used by concatenation and string functions: dates print as ISO 8601. */
export function toText(value: Value): string {
  if (typeof value === 'string') return value;
  if (isNil(value)) return 'null';
  if (typeof value === 'object' && !(value instanceof ZonedDate)) return JSON.stringify(value);
  return String(value);
}

/** A string argument: primitives and dates convert, arrays and objects are an error. */
export function asText(value: Value, what: string): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) || isObject(value)) fail(`${what} must be a string, not ${typeName(value)}`);
  return toText(value);
}

/**
 * Truthiness as Apache Commons JEXL's `toBoolean`, the engine Data Prep's expression language
 * follows (inference: its reserved words and operator method names are JEXL 3's): null is false,
 * numbers are true unless zero, strings are true unless empty or "false".
 */
export function truthy(value: Value): boolean {
  if (isNil(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0 && value !== 'false';
  return true;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number for arithmetic: numeric strings convert, null is 0 (JEXL's lenient arithmetic). */
export function toNumber(value: Value, what = 'operand'): number {
  if (typeof value === 'number') return value;
  if (isNil(value)) return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && NUMBER_TEXT.test(value.trim())) return Number(value.trim());
  return fail(`${what} ${describe(value)} is not a number`);
}

export function isNumericText(value: Value): value is string {
  return typeof value === 'string' && NUMBER_TEXT.test(value.trim());
}

export function describe(value: Value): string {
  return typeof value === 'string' ? JSON.stringify(value) : `${typeName(value)} ${toText(value)}`;
}

/** JEXL-style equality: numbers compare numerically, also against numeric strings; containers deeply. */
export function looseEquals(a: Value, b: Value): boolean {
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (typeof a === 'number' || typeof b === 'number') {
    const left = typeof a === 'number' ? a : isNumericText(a) ? Number(a) : undefined;
    const right = typeof b === 'number' ? b : isNumericText(b) ? Number(b) : undefined;
    if (left !== undefined && right !== undefined) return left === right;
  }
  return deepEqual(a, b);
}

/** Strict structural equality, as Java's `equals` on strings, lists and maps. */
export function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (isNil(a) || isNil(b)) return isNil(a) && isNil(b);
  if (a instanceof ZonedDate || b instanceof ZonedDate) {
    return a instanceof ZonedDate && b instanceof ZonedDate && a.epochMs === b.epochMs && a.nanos === b.nanos;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/**
 * Natural ordering for comparisons, min and max: numbers (and numeric strings against numbers)
 * numerically, strings by code unit, dates by instant, booleans false < true. Anything else fails.
 */
export function compare(a: Value, b: Value): number {
  if (typeof a === 'number' || typeof b === 'number') {
    if ((typeof a === 'number' || isNumericText(a)) && (typeof b === 'number' || isNumericText(b))) {
      return Number(a) - Number(b);
    }
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof ZonedDate && b instanceof ZonedDate) return a.epochMs - b.epochMs || a.nanos - b.nanos;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return fail(`Cannot compare ${typeName(a)} with ${typeName(b)}`);
}

/**
 * A deep copy in plain JSON: dates become ISO 8601 strings and absent values are dropped. Used for
 * every value written into a mapped record, so a record never shares objects with its input.
 */
export function toJson(value: Value): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof ZonedDate) return value.toString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toJson(item)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = value[key];
    if (item === undefined) continue;
    // JSON.parse makes "__proto__" an own key; plain assignment would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: toJson(item), enumerable: true, writable: true, configurable: true });
    else out[key] = toJson(item);
  }
  return out;
}
