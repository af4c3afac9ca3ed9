import { fail } from './errors.js';
import { formatDate } from './dates/date-pattern.js';
import { parseDateLenient } from './dates/date-lenient.js';
import { ZonedDate } from './dates/zoned-date.js';
import { describe, isNil, isNumericText, isObject, type Value } from './expression/values.js';
import type { XdmType } from './types.js';

/**
 * Converts a mapped value to the type of its XDM destination, when the caller knows it (the inlet
 * passes the target schema's types). A value that cannot be converted is a transformation error:
 * Data Prep nulls that attribute and ingests the rest of the row (EN `help/data-prep/home.md`).
 */
export function coerce(value: Value, type: XdmType): Value {
  if (isNil(value)) return value;
  switch (type) {
    case 'string':
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean' || value instanceof ZonedDate)
        return value.toString();
      return fail(`Cannot convert ${describe(value)} to string`);
    case 'number':
      if (typeof value === 'number') return value;
      if (isNumericText(value)) return Number(value.trim());
      return fail(`Cannot convert ${describe(value)} to number`);
    case 'integer': {
      const n = typeof value === 'number' ? value : isNumericText(value) ? Number(value.trim()) : NaN;
      if (Number.isInteger(n)) return n;
      return fail(`Cannot convert ${describe(value)} to integer`);
    }
    case 'boolean':
      return toBoolean(value);
    case 'date-time':
      return toZonedDate(value).toString();
    case 'date':
      return formatDate(toZonedDate(value), 'yyyy-MM-dd');
    case 'object':
      if (isObject(value)) return value;
      return fail(`Cannot convert ${describe(value)} to object`);
    case 'array':
      if (Array.isArray(value)) return value;
      return fail(`Cannot convert ${describe(value)} to array`);
  }
}

/**
 * "If the source type is a string and the target type is a boolean, Data Prep can automatically
 * parse the value" (EN `help/data-prep/data-handling.md` §Booleans): these spellings only.
 */
const TRUE = new Set(['y', 'yes', 'Y', 'YES', 'on', 'ON', 'true', 'TRUE']);
const FALSE = new Set(['n', 'N', 'no', 'NO', 'off', 'OFF', 'false', 'FALSE']);

function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && TRUE.has(value)) return true;
  if (typeof value === 'string' && FALSE.has(value)) return false;
  return fail(`Cannot convert ${describe(value)} to boolean`);
}

function toZonedDate(value: Value): ZonedDate {
  if (value instanceof ZonedDate) return value;
  if (typeof value === 'string') {
    return parseDateLenient(value) ?? fail(`Cannot convert ${describe(value)} to a date: give its format with date()`);
  }
  if (typeof value === 'number') return new ZonedDate(value, 'UTC');
  return fail(`Cannot convert ${describe(value)} to a date`);
}
