import { checkRanges, daysInMonth, parseDate } from './date-parse.js';
import { fromLocal, normalizeZone, resolveZone, type ZonedDate } from './zoned-date.js';

/**
 * Formats `date(STRING)` tries when no format is given, in order, from EN
 * `help/data-prep/data-handling.md` §"Date function conversions". Adobe's own samples also parse
 * `2019-10-23 11:24` and `2016-11-09T11:44:44.797`, which are in no list, so a lenient ISO 8601
 * reading is tried first (see ISO_LENIENT).
 */
export const DEFAULT_DATE_FORMATS = [
  'yyyy-MM-dd HH:mm:ssZ',
  'yyyy-MM-dd HH:mm:ss.SSSZ',
  'yyyy-MM-dd HH:mm:ss.SSS',
  "yyyy-MM-dd'T'HH:mm:ss.SSSX",
  "yyyy-MM-dd'T'HH:mm:ss'Z'",
  'yyyy-MM-dd',
  'yyyy/MM/dd',
  'yyyy.MM.dd',
  'yyyy-MMM-dd',
  'yyyyMMdd',
  'MM-dd-yyyy',
  'MMddyyyy',
  'M/dd/yyyy',
  'dd.M.yyyy',
  'M/dd/yyyy hh:mm:ss a',
  'dd.M.yyyy hh:mm:ss a',
  'dd.MMM.yyyy',
  'dd-MMM-yyyy',
];

// Date, optional time (T or space), optional fraction, then an optional offset and/or zone id or
// abbreviation, e.g. `2019-10-17T11:55:12 PST` (zone_date_to_utc's sample in functions.md).
const ISO_LENIENT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?:\s*\[?([A-Za-z][A-Za-z0-9_/+-]*)\]?)?$/;

/** Reads a date with no format: lenient ISO 8601 first, then Adobe's default formats in order. */
export function parseDateLenient(text: string): ZonedDate | undefined {
  const iso = parseIso(text.trim());
  if (iso) return iso;
  for (const format of DEFAULT_DATE_FORMATS) {
    const parsed = parseDate(text, format);
    if (parsed) return parsed;
  }
  return undefined;
}

function parseIso(text: string): ZonedDate | undefined {
  const m = ISO_LENIENT.exec(text);
  if (!m) return undefined;
  let zone = 'UTC';
  if (m[9] !== undefined) {
    const named = resolveZone(m[9]);
    if (!named) return undefined;
    zone = named;
  }
  if (m[8] !== undefined) {
    const offset = normalizeZone(m[8]);
    if (!offset) return undefined;
    if (m[9] === undefined) zone = offset;
  }
  const fraction = (m[7] ?? '').padEnd(9, '0');
  const local = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    nanoOfSecond: Number(fraction),
  };
  if (!checkRanges(local)) return undefined;
  local.day = Math.min(local.day, daysInMonth(local.year, local.month));
  return fromLocal(local, zone);
}
