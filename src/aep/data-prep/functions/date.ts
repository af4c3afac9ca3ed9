import { fail } from '../errors.js';
import { formatDate } from '../dates/date-pattern.js';
import { parseDateLenient } from '../dates/date-lenient.js';
import { parseDate } from '../dates/date-parse.js';
import { resolveZone, ZonedDate } from '../dates/zoned-date.js';
import { describe, isNil, toNumber, typeName, type Value } from '../expression/values.js';
import { text, textOrNull } from './args.js';
import { param, type FunctionDef } from './registry-types.js';

// EN/FR `help/data-prep/functions.md` §"Date and time functions" and EN
// `help/data-prep/data-handling.md` §"Dates". Patterns: see dates/date-pattern.ts.
export const DATE_CATEGORY = 'Date / Time';
const ZDT = 'java.time.ZonedDateTime';

/**
 * A date argument. Strings are read as date(STRING) reads them; numbers are epoch milliseconds
 * (inference: the docs do not say, but dformat takes milliseconds). Null stays null.
 */
export function toDate(value: Value, what: string): ZonedDate | null {
  if (isNil(value)) return null;
  if (value instanceof ZonedDate) return value;
  if (typeof value === 'number') return new ZonedDate(value, 'UTC');
  if (typeof value === 'string')
    return parseDateLenient(value) ?? fail(`${what}: cannot read ${describe(value)} as a date`);
  return fail(`${what} must be a date, not ${typeName(value)}`);
}

export function zoneArg(value: Value, what: string): string {
  const name = text(value, what);
  return resolveZone(name) ?? fail(`Unknown time zone ${JSON.stringify(name)}`);
}

/**
 * date(DATE), date(DATE, FORMAT) and date(DATE, FORMAT, DEFAULT_DATE). The default is returned
 * when the date is null and, since the function list says "a default date if the expression
 * evaluates to a null date", also when the text does not parse.
 */
function date([value, format, fallback]: Value[]): Value {
  const hasDefault = fallback !== undefined;
  const defaultDate = hasDefault ? toDate(fallback, 'date default') : null;
  if (isNil(value)) return defaultDate;
  if (value instanceof ZonedDate || typeof value === 'number') return toDate(value, 'date');
  const s = text(value, 'date input');
  const pattern = textOrNull(format ?? null, 'date format');
  const parsed = pattern === null ? parseDateLenient(s) : parseDate(s, pattern);
  if (parsed) return parsed;
  if (hasDefault) return defaultDate;
  return fail(
    `Text ${JSON.stringify(s)} could not be parsed as a date${pattern === null ? '' : ` with format "${pattern}"`}`,
  );
}

export const DATE_FUNCTIONS: FunctionDef[] = [
  {
    name: 'now',
    category: DATE_CATEGORY,
    description: 'Retrieves the current time, in UTC.',
    syntax: 'ZonedDateTime now()',
    returns: 'The current date and time.',
    returnType: ZDT,
    example: 'now()',
    result: '"2021-10-26T10:10:24Z"',
    params: [],
    arity: [0, 0],
    impl: (_args, ctx) => new ZonedDate(ctx.services.clock(), 'UTC'),
  },
  {
    name: 'timestamp',
    category: DATE_CATEGORY,
    description: 'Retrieves the current Unix time, in milliseconds.',
    syntax: 'long timestamp()',
    returns: 'Milliseconds since 1970-01-01T00:00:00Z.',
    returnType: 'java.lang.Long',
    example: 'timestamp()',
    result: '1571850624571',
    params: [],
    arity: [0, 0],
    impl: (_args, ctx) => ctx.services.clock(),
  },
  {
    name: 'format',
    category: DATE_CATEGORY,
    description: 'Formats the input date according to a specified format.',
    syntax: 'String format(ZonedDateTime, String)',
    returns: 'The formatted date, or null when the date is null.',
    returnType: 'java.lang.String',
    example: 'format(date("2019-10-23T11:24:00+00:00"), "yyyy-MM-dd HH:mm:ss")',
    result: '"2019-10-23 11:24:00"',
    params: [param('date', 'The input date.', 'date'), param('format', 'The output format.', 'string')],
    arity: [2, 2],
    impl: ([value, format]) => {
      const d = toDate(value, 'format date');
      return d === null ? null : formatDate(d, text(format, 'format pattern'));
    },
  },
  {
    name: 'dformat',
    category: DATE_CATEGORY,
    description: 'Converts a timestamp in milliseconds to a date string according to a format, in UTC.',
    syntax: 'String dformat(long, String)',
    returns: 'The formatted date, or null when the timestamp is null.',
    returnType: 'java.lang.String',
    example: `dformat(1571829875000, "yyyy-MM-dd'T'HH:mm:ss.SSSX")`,
    result: '"2019-10-23T11:24:35.000Z"',
    params: [param('timestamp', 'Milliseconds since the epoch.', 'number'), param('format', 'The format.', 'string')],
    arity: [2, 2],
    impl: ([value, format]) => {
      if (isNil(value)) return null;
      return formatDate(new ZonedDate(toNumber(value, 'dformat timestamp'), 'UTC'), text(format, 'dformat pattern'));
    },
  },
  {
    name: 'date',
    category: DATE_CATEGORY,
    description:
      'Converts a date string into a ZonedDateTime. Without a format, ISO 8601 and the default formats of the data format handling guide are tried in order; without a zone the date is UTC.',
    syntax: 'ZonedDateTime date(String, String, ZonedDateTime)',
    returns: 'The date, or the default date when the input is null or does not parse.',
    returnType: ZDT,
    example: 'date("2019-10-23 11:24", "yyyy-MM-dd HH:mm", now())',
    result: '"2019-10-23T11:24:00Z"',
    params: [
      param('date', 'The string that represents the date.', 'string'),
      param('format', 'Optional format of the source date.', 'string'),
      param('defaultDate', 'Optional default date.', 'date'),
    ],
    arity: [1, 3],
    impl: date,
  },
  {
    name: 'zone_date_to_utc',
    category: DATE_CATEGORY,
    description: 'Converts a date in any time zone to the same instant in UTC.',
    syntax: 'ZonedDateTime zone_date_to_utc(ZonedDateTime)',
    returns: 'The date in UTC, or null.',
    returnType: ZDT,
    example: 'zone_date_to_utc(date("2019-10-17T11:55:12 PST"))',
    result: '"2019-10-17T19:55:12Z"',
    params: [param('date', 'The date to convert.', 'date')],
    arity: [1, 1],
    impl: ([value]) => toDate(value, 'zone_date_to_utc date')?.withZone('UTC') ?? null,
  },
  {
    name: 'zone_date_to_zone',
    category: DATE_CATEGORY,
    description: 'Converts a date from one time zone to another.',
    syntax: 'ZonedDateTime zone_date_to_zone(ZonedDateTime, String)',
    returns: 'The same instant in the given zone, or null.',
    returnType: ZDT,
    example: 'zone_date_to_zone(date("2021-10-26T13:43:59Z"), "Europe/Paris")',
    result: '"2021-10-26T15:43:59+02:00"',
    params: [param('date', 'The date to convert.', 'date'), param('zone', 'The target time zone.', 'string')],
    arity: [2, 2],
    impl: ([value, zone]) => {
      const d = toDate(value, 'zone_date_to_zone date');
      return d === null ? null : d.withZone(zoneArg(zone, 'zone'));
    },
  },
];
