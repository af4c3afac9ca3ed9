import { fail } from '../errors.js';
import { daysInMonth } from '../dates/date-parse.js';
import { fromLocal, utcMillis, type LocalFields, type ZonedDate } from '../dates/zoned-date.js';
import type { Value } from '../expression/values.js';
import { integer, text } from './args.js';
import { DATE_CATEGORY, toDate, zoneArg } from './date.js';
import { param, type FunctionDef } from './registry-types.js';

// date_part, set_date_part and make_date_time: EN/FR `help/data-prep/functions.md`. Component
// names are matched case-insensitively (the sample date_part("MM", …) returns the month).

/** ISO-8601 week of the year (weeks start on Monday; week 1 holds the first Thursday). */
function isoWeek(f: LocalFields): number {
  const thursday = utcMillis(f.year, f.month, f.day) + (4 - f.dayOfWeek) * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  return Math.floor((thursday - utcMillis(year, 1, 1)) / (7 * 86_400_000)) + 1;
}

/**
 * "w" is listed for both week and weekday in the docs; it is read as the week here, and the
 * weekday is 1 = Monday … 7 = Sunday, as Java's DayOfWeek numbers them.
 */
const PARTS: Record<string, (f: LocalFields) => number> = {};
const add = (names: string[], get: (f: LocalFields) => number): void => names.forEach((n) => (PARTS[n] = get));
add(['year', 'yyyy', 'yy'], (f) => f.year);
add(['quarter', 'qq', 'q'], (f) => Math.ceil(f.month / 3));
add(['month', 'mm', 'm'], (f) => f.month);
add(['dayofyear', 'dy', 'y'], (f) => f.dayOfYear);
add(['day', 'dd', 'd'], (f) => f.day);
add(['week', 'ww', 'w'], isoWeek);
add(['weekday', 'dw'], (f) => f.dayOfWeek);
add(['hour', 'hh', 'hh24'], (f) => f.hour);
add(['hh12'], (f) => (f.hour % 12 === 0 ? 12 : f.hour % 12));
add(['minute', 'mi', 'n'], (f) => f.minute);
add(['second', 'ss', 's'], (f) => f.second);
add(['millisecond', 'ms', 'sss'], (f) => Math.floor(f.nanoOfSecond / 1_000_000));

type Settable = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
const SETTABLE: Record<string, Settable> = {};
const settable = (names: string[], field: Settable): void => names.forEach((n) => (SETTABLE[n] = field));
settable(['year', 'yyyy', 'yy'], 'year');
settable(['month', 'mm', 'm'], 'month');
settable(['day', 'dd', 'd'], 'day');
settable(['hour', 'hh'], 'hour');
settable(['minute', 'mi', 'n'], 'minute');
settable(['second', 'ss', 's'], 'second');

const LIMITS: Record<Settable, [number, number]> = {
  year: [-999_999_999, 999_999_999],
  month: [1, 12],
  day: [1, 31],
  hour: [0, 23],
  minute: [0, 59],
  second: [0, 59],
};

/** Java's `with`: setting the year or month clamps the day to the month's end; a bad day fails. */
function setPart([component, value, date]: Value[]): Value {
  const field = SETTABLE[text(component, 'set_date_part component').toLowerCase()];
  if (field === undefined) fail(`Unknown date component ${JSON.stringify(component)}`);
  const d = toDate(date, 'set_date_part date');
  if (d === null) return null;
  const n = integer(value, 'set_date_part value');
  const [min, max] = LIMITS[field];
  if (n < min || n > max) fail(`Invalid value for ${field}: ${n}`);
  const local = { ...d.fields(), [field]: n };
  const last = daysInMonth(local.year, local.month);
  if (field === 'day' && n > last) fail(`Invalid date: day ${n} of month ${local.month} in ${local.year}`);
  local.day = Math.min(local.day, last);
  return fromLocal(local, d.zone);
}

function makeDateTime(args: Value[]): Value {
  const parts = args.slice(0, 7).map((v, i) => integer(v, `argument ${i + 1}`));
  const [year, month, day, hour, minute, second, nanoOfSecond] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zone = args[7] === undefined ? 'UTC' : zoneArg(args[7], 'make_date_time time zone');
  const checks: [string, number, number, number][] = [
    ['month', month, 1, 12],
    ['day', day, 1, month >= 1 && month <= 12 ? daysInMonth(year, month) : 31],
    ['hour', hour, 0, 23],
    ['minute', minute, 0, 59],
    ['second', second, 0, 59],
    ['nanoOfSecond', nanoOfSecond, 0, 999_999_999],
  ];
  for (const [name, v, min, max] of checks) {
    if (v < min || v > max) fail(`Invalid value for ${name}: ${v}`);
  }
  return fromLocal({ year, month, day, hour, minute, second, nanoOfSecond }, zone);
}

function makeDef(name: string): FunctionDef {
  const intParam = (n: string, range: string) => param(n, `The ${n} (${range}).`, 'integer');
  return {
    name,
    category: DATE_CATEGORY,
    description: `Creates a date from parts.${name === 'make_timestamp' ? ' Same as make_date_time.' : ''}`,
    syntax: `ZonedDateTime ${name}(int, int, int, int, int, int, int, String)`,
    returns: 'The date in the given time zone (UTC when omitted).',
    returnType: 'java.time.ZonedDateTime',
    example: `${name}(2019, 10, 17, 11, 55, 12, 999, "America/Los_Angeles")`,
    result: '"2019-10-17T11:55:12.000000999-07:00"',
    params: [
      intParam('year', 'four digits'),
      intParam('month', '1 to 12'),
      intParam('day', '1 to 31'),
      intParam('hour', '0 to 23'),
      intParam('minute', '0 to 59'),
      intParam('second', '0 to 59'),
      intParam('nanosecond', '0 to 999999999'),
      param('timezone', 'The time zone id.', 'string'),
    ],
    arity: [7, 8],
    impl: makeDateTime,
  };
}

export const DATE_PART_FUNCTIONS: FunctionDef[] = [
  {
    name: 'date_part',
    category: DATE_CATEGORY,
    description:
      'Retrieves a part of the date: year|yyyy|yy, quarter|qq|q, month|mm|m, dayofyear|dy|y, day|dd|d, week|ww|w, weekday|dw, hour|hh|hh24|hh12, minute|mi|n, second|ss|s, millisecond|ms|SSS.',
    syntax: 'int date_part(String, ZonedDateTime)',
    returns: 'The part as a number, or null when the date is null.',
    returnType: 'java.lang.Integer',
    example: 'date_part("MM", date("2019-10-17 11:55:12"))',
    result: '10',
    params: [param('component', 'The part of the date.', 'string'), param('date', 'The date.', 'date')],
    arity: [2, 2],
    impl: ([component, date]) => {
      const get = PARTS[text(component, 'date_part component').toLowerCase()];
      if (get === undefined) fail(`Unknown date component ${JSON.stringify(component)}`);
      const d: ZonedDate | null = toDate(date, 'date_part date');
      return d === null ? null : get(d.fields());
    },
  },
  {
    name: 'set_date_part',
    category: DATE_CATEGORY,
    description:
      'Replaces a component in a given date: year|yyyy|yy, month|mm|m, day|dd|d, hour|hh, minute|mi|n, second|ss|s.',
    syntax: 'ZonedDateTime set_date_part(String, int, ZonedDateTime)',
    returns: 'The changed date, or null when the date is null.',
    returnType: 'java.time.ZonedDateTime',
    example: 'set_date_part("m", 4, date("2016-11-09T11:44:44.797"))',
    result: '"2016-04-09T11:44:44.797Z"',
    params: [
      param('component', 'The part to set.', 'string'),
      param('value', 'The new value.', 'integer'),
      param('date', 'The date.', 'date'),
    ],
    arity: [3, 3],
    impl: setPart,
  },
  makeDef('make_date_time'),
  makeDef('make_timestamp'),
];
