import { fail } from '../errors.js';
import {
  asText,
  describe,
  isNil,
  isObject,
  toNumber,
  typeName,
  type Value,
  type ValueObject,
} from '../expression/values.js';

/** A string argument, or null when it is null: Adobe's string functions return null for null input. */
export function textOrNull(value: Value, what: string): string | null {
  return isNil(value) ? null : asText(value, what);
}

export function text(value: Value, what: string): string {
  if (isNil(value)) fail(`${what} must not be null`);
  return asText(value, what);
}

/** An integer argument: integral numbers and numeric strings, like Java's Integer conversion. */
export function integer(value: Value, what: string): number {
  if (isNil(value)) fail(`${what} must not be null`);
  const n = toNumber(value, what);
  if (!Number.isInteger(n)) fail(`${what} must be an integer, not ${describe(value)}`);
  return n;
}

export function bool(value: Value, what: string): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail(`${what} must be a boolean, not ${describe(value)}`);
}

export function array(value: Value, what: string): Value[] {
  if (Array.isArray(value)) return value;
  return fail(`${what} must be an array, not ${typeName(value)}`);
}

export function object(value: Value, what: string): ValueObject {
  if (isObject(value)) return value;
  return fail(`${what} must be an object, not ${typeName(value)}`);
}

/** Builds an object from flat key/value pairs, as to_object and to_map take them. */
export function fromPairs(args: readonly Value[], fn: string): ValueObject {
  if (args.length % 2 !== 0) fail(`${fn} needs key/value pairs, but got ${args.length} arguments`);
  const out: ValueObject = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i];
    if (isNil(key)) fail(`${fn}: key ${i / 2 + 1} is null`);
    out[asText(key, `${fn} key`)] = args[i + 1];
  }
  return out;
}
